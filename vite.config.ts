import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import { oneLanguage } from './scripts/one-language.js';

// The script-tag bundles: Lit included in each, one file each (no second round trip).
// - civic-widgets.js: every element, every UI language: the one-script embed.
// - civic-widgets.<lang>.js: every element, one UI language (what the embed builder picks).
// - civic-countdown.<lang>.js: the countdown alone, one UI language, for a page with only a countdown.
// The npm build (Lit external, one entry per element) is plain `tsc`, see tsconfig.build.json.

export const LANGUAGE_SCRIPTS = ['en', 'fr', 'es', 'ar'] as const;

/** The settings of every script-tag build; bench/size builds with them too (one file, another folder). */
export function scriptBuild(entry: string, fileName: string, plugins: Plugin[] = [], emptyOutDir = false, outDir = 'dist'): InlineConfig {
  return {
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    // The HTML and CSS inside Lit's html`` and css`` templates are strings to a minifier: minify them too.
    plugins: [minifyTemplateLiterals({ include: ['src/**/*.ts'] }), ...plugins],
    build: {
      outDir,
      emptyOutDir,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: () => fileName },
      rolldownOptions: { output: { minify: true } },
    },
  };
}

/** Builds the one-language scripts once the main one is written (`vite build` builds one entry). */
const oneLanguageScripts: Plugin = {
  name: 'civic-one-language-scripts',
  apply: 'build',
  async closeBundle() {
    for (const lang of LANGUAGE_SCRIPTS) {
      await build(scriptBuild('src/bundle.ts', `civic-widgets.${lang}.js`, [oneLanguage(lang)], false));
      await build(scriptBuild('src/countdown/define.ts', `civic-countdown.${lang}.js`, [oneLanguage(lang)], false));
    }
  },
};

const { configFile: _none, ...main } = scriptBuild('src/bundle.ts', 'civic-widgets.js', [oneLanguageScripts], true);
export default defineConfig(main);
