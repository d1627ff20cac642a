import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { CATALOG_ENTRY, oneLanguage } from '../scripts/one-language.js';
import { scriptBuild } from '../vite.config.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');

/**
 * Goals of issue 19, in gzip bytes: what one visitor downloads, the script of one UI language with
 * every element, and the countdown-only script (the old 20 KB / 8 KB budgets are retired).
 */
export const BUDGETS: Record<string, number> = {
  ...Object.fromEntries(['en', 'fr', 'es', 'ar'].map((lang) => [`civic-widgets.${lang}.js`, 26 * 1024])),
  ...Object.fromEntries(['en', 'fr', 'es', 'ar'].map((lang) => [`civic-countdown.${lang}.js`, 14 * 1024])),
};

const ELEMENTS = ['event', 'countdown', 'agenda', 'poll', 'questions', 'recordings'];

async function bundle(entry: string, outDir: string, plugins: Plugin[] = []): Promise<Buffer> {
  // The library's own build settings (vite.config.ts), with another entry and output.
  await build({ ...scriptBuild(entry, 'out.js', plugins, true, outDir), root, logLevel: 'silent' });
  return readFile(join(outDir, 'out.js'));
}

function sizes(code: Buffer): { raw: number; gzip: number; brotli: number } {
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Builds without one kind of content, to weigh it: the difference to the real build is its share. */
function without(what: 'catalogs' | 'styles'): Plugin {
  return {
    name: `size-without-${what}`,
    enforce: 'pre',
    transform(code, id) {
      if (what === 'catalogs' && /messages\.ts$/.test(id)) {
        // Every language's entry of a catalog (`  en: {` … `  },`) becomes null.
        return code.replace(CATALOG_ENTRY, (_entry, lang: string) => `\n  ${lang}: null as never,`);
      }
      if (what === 'styles' && /\/src\/.*styles\.ts$/.test(id)) return code.replace(/css`[^`]*`/g, 'css``');
      return undefined;
    },
  };
}

/**
 * The size of the script-tag bundle and of each element alone with Lit (what a page that imports
 * one element's define file pays), gzip and brotli.
 */
export async function run(): Promise<Record<string, number | string>> {
  const out = await mkdtemp(join(tmpdir(), 'civic-size-'));
  const rows: { name: string; raw: number; gzip: number; brotli: number }[] = [];
  try {
    rows.push({ name: 'civic-widgets.js (all)', ...sizes(await bundle(join(root, 'src/bundle.ts'), out)) });
    for (const lang of ['en', 'fr', 'es', 'ar']) {
      rows.push({ name: `civic-widgets.${lang}.js`, ...sizes(await bundle(join(root, 'src/bundle.ts'), out, [oneLanguage(lang)])) });
      rows.push({ name: `civic-countdown.${lang}.js`, ...sizes(await bundle(join(root, 'src/countdown/define.ts'), out, [oneLanguage(lang)])) });
    }
    rows.push({ name: 'lit floor (empty element)', ...sizes(await bundle(join(root, 'bench/support/lit-floor.ts'), out)) });
    for (const element of ELEMENTS) {
      const entry = join(root, 'src', element, 'define.ts');
      if (existsSync(entry)) rows.push({ name: element, ...sizes(await bundle(entry, out)) });
    }
    // What the budgets are spent on: the message catalogs (4 languages) and the styles, by difference.
    for (const [name, label, entry] of [
      ['civic-widgets.js (all)', 'all', 'src/bundle.ts'],
      ['countdown', 'countdown', 'src/countdown/define.ts'],
    ] as const) {
      const whole = rows.find((row) => row.name === name)!;
      for (const what of ['catalogs', 'styles'] as const) {
        const less = sizes(await bundle(join(root, entry), out, [without(what)]));
        rows.push({
          name: `  ${label}: ${what}`,
          raw: whole.raw - less.raw,
          gzip: whole.gzip - less.gzip,
          brotli: whole.brotli - less.brotli,
        });
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  const kb = (n: number) => (n / 1024).toFixed(2);
  console.log('bundle sizes (KB; each element alone includes Lit and the shared foundation)');
  console.log('name'.padEnd(26), 'raw'.padStart(8), 'gzip'.padStart(8), 'brotli'.padStart(8), 'budget(gz)'.padStart(11));
  const figures: Record<string, number | string> = {};
  for (const row of rows) {
    const budget = BUDGETS[row.name];
    const verdict = budget === undefined ? '' : `${kb(budget)} ${row.gzip <= budget ? 'ok' : 'OVER'}`;
    console.log(row.name.padEnd(26), kb(row.raw).padStart(8), kb(row.gzip).padStart(8), kb(row.brotli).padStart(8), verdict.padStart(11));
    figures[`size ${row.name.trim()} gzip KB`] = Number(kb(row.gzip));
    figures[`size ${row.name.trim()} brotli KB`] = Number(kb(row.brotli));
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
