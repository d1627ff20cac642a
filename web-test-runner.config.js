import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_FLAGS } from './test/support/chromium-flags.js';
import { fixtureServer } from './test/support/fixture-server.js';

// Pinned so that formatting tests mean the same on every machine: a visitor in New York whose
// browser speaks US English, looking at events in Europe.
const TZ = 'America/New_York';
process.env.TZ = TZ;

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [fixtureServer],
  // One page at a time: a background tab gets no animation frames, and fixture() waits for one.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // The fuzz test loads FUZZ_FEEDS feeds (1,000 by default) in one file: about 0.1 s each.
  testsFinishTimeout: Math.max(300_000, Number(process.env.FUZZ_FEEDS ?? 0) * 300),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        env: { ...process.env, TZ, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
        args: [
          ...CHROMIUM_FLAGS,
          '--lang=en-US',
        ],
      },
    }),
  ],
};
