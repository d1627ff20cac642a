import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Each bench module exports `run()` returning its figures; this prints them as one table.
const BENCHES = ['size', 'first-render', 'agenda', 'recordings', 'feed-memory', 'server', 'sse', 'import', 'console', 'questions'];

const figures: [string, string, number | string][] = [];
for (const name of BENCHES) {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  if (!existsSync(file)) continue;
  console.log(`\n== bench/${name}`);
  try {
    const mod = (await import(file)) as { run: () => Promise<Record<string, number | string>> };
    for (const [key, value] of Object.entries(await mod.run())) figures.push([name, key, value]);
  } catch (error) {
    console.error(`bench/${name} failed:`, error);
    figures.push([name, 'error', String((error as Error).message ?? error)]);
    process.exitCode = 1;
  }
}

console.log('\n== all figures');
console.log('bench'.padEnd(12), 'figure'.padEnd(48), 'value');
for (const [bench, key, value] of figures) console.log(bench.padEnd(12), key.padEnd(48), value);
