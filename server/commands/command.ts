import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
export type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

/**
 * One subcommand of `civic-widgets`: a module in server/commands/ exporting one of these, listed in
 * commands/index.ts. Its options are parsed strictly (an unknown or misspelt option is an error).
 */
export interface Command<O extends Options = Options> {
  name: string;
  /** Its lines of the usage text: shown with `--help` and after a usage error. */
  usage: string;
  options: O;
  /** Resolves with the exit code (0 when nothing is returned). */
  run(values: Values<O>, positionals: string[]): Promise<number | void>;
}

/** Keeps each command's option types (`defineCommand({ options: {…} as const, run(values) {…} })`). */
/** Any command, whatever its options (for the list of commands). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;

export function defineCommand<const O extends Options>(command: Command<O>): Command<O> {
  return command;
}

/** The operator typed something the command does not take: one line, the usage, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage is shown; the whole usage when undefined. */
    readonly command?: AnyCommand,
  ) {
    super(message);
  }
}

/** Parses `argv` (after the command's name) by the command's options; mistakes become UsageErrors. */
export function parseCommandArgs<O extends Options>(command: Command<O>, argv: string[]): { values: Values<O>; positionals: string[] } {
  try {
    return parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (!code?.startsWith('ERR_PARSE_ARGS')) throw error;
    // parseArgs adds a paragraph on `--` to some messages: the first sentence says it all.
    const first = message.split(/\. To specify|\n/)[0]!.replace(/'/g, '');
    throw new UsageError(`${command.name}: ${first.charAt(0).toLowerCase()}${first.slice(1)}`, command);
  }
}

/** Checks the number of positional arguments (`validate <path>`: exactly one). */
export function expectPositionals(command: AnyCommand, positionals: string[], min: number, max: number, what: string): void {
  if (positionals.length < min) throw new UsageError(`${command.name}: missing ${what}`, command);
  if (positionals.length > max) throw new UsageError(`${command.name}: unexpected argument "${positionals[max]}"`, command);
}

/** The options of every command that reads the feeds folder and the vote store. */
export const FEEDS_AND_STORE = {
  feeds: { type: 'string' },
  db: { type: 'string', default: 'civic.db' },
} as const;

export function requireFeeds(command: AnyCommand, feeds: string | undefined): string {
  if (!feeds) throw new UsageError(`${command.name}: --feeds <dir> is required`, command);
  return feeds;
}
