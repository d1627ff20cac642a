import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from './commands/index.js';
import { parseCommandArgs, UsageError } from './commands/command.js';
import { FeedError } from './feed-catalog.js';
import { packageRoot } from './package-root.js';
import { StoreError } from './storage/store.js';

const ENVIRONMENT = `DATABASE_URL=postgres://… uses PostgreSQL instead of the SQLite file (several processes share it).
CIVIC_ADMIN_TOKEN=… enables the admin HTTP API under /api/admin/ (Authorization: Bearer …).
civic-widgets <command> --help shows one command; civic-widgets --version the version.`;

const USAGE = `${COMMANDS.map((command) => command.usage).join('\n')}\n\n${ENVIRONMENT}`;

/** Runs the command line; resolves with the exit code (a running `serve` never resolves). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    console.log(version);
    return 0;
  }
  if (name === '--help' || name === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (!name) throw new UsageError('which command?');
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const what = name.startsWith('-') ? `unknown option ${name} (the command comes first)` : `unknown command "${name}"`;
    throw new UsageError(`${what}; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  const { values, positionals } = parseCommandArgs(command, rest);
  return (await command.run(values, positionals)) ?? 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) run(process.argv.slice(2));

/** The operator's mistakes are one line (and the usage for a usage error), never a stack trace. */
export function run(argv: string[]): void {
  main(argv).then(
    // Not process.exit(): the output written so far must reach a pipe or a file first.
    (code) => void (process.exitCode = code),
    (error: unknown) => {
      console.error(`civic-widgets: ${(error as Error).message}`);
      if (error instanceof UsageError) console.error(`\n${error.command?.usage ?? USAGE}`);
      const expected = error instanceof UsageError || error instanceof FeedError || error instanceof StoreError;
      // Anything else is a bug: its stack trace is what a bug report needs.
      if (!expected) console.error(error);
      process.exit(error instanceof UsageError || error instanceof FeedError ? 2 : 1);
    },
  );
}
