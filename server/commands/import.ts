// `civic-widgets import <file-or-url>`: one source → a valid feed v1 on stdout (or --out).
import { writeFile } from 'node:fs/promises';
import { isKnownTimeZone } from '../../src/contract/time-zone.js';
import { formatIssue, validateFeed } from '../../src/contract/validate.js';
import { IMPORT_FORMATS, ImportError, importText, isUrl, readSource, type ImportFormat } from '../import/index.js';
import { defineCommand, expectPositionals, UsageError } from './command.js';

const usage = `civic-widgets import <file-or-url> [--format auto|${IMPORT_FORMATS.join('|')}] [--out feed.json]
                     [--event-id <id>] [--time-zone <IANA>] [--lang <tag>] [--from <date>] [--until <date>]`;

export const importCommand = defineCommand({
  name: 'import',
  usage,
  options: {
    format: { type: 'string', default: 'auto' },
    out: { type: 'string' },
    'event-id': { type: 'string' },
    'time-zone': { type: 'string' },
    lang: { type: 'string' },
    from: { type: 'string' },
    until: { type: 'string' },
  },
  /** Bad input is one message on stderr and exit 1, never a stack trace; a command-line mistake exit 2. */
  async run(values, positionals) {
    expectPositionals(importCommand, positionals, 1, 1, 'which file or URL?');
    if (values.format !== 'auto' && !IMPORT_FORMATS.includes(values.format as ImportFormat)) {
      throw new UsageError(`import: --format ${values.format}: expected auto, ${IMPORT_FORMATS.join(', ')}`, importCommand);
    }
    if (values['time-zone'] && !isKnownTimeZone(values['time-zone'])) {
      throw new UsageError(`import: --time-zone ${values['time-zone']}: not an IANA time zone`, importCommand);
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
      for (const warning of warnings) console.error(`civic-widgets import: warning: ${warning}`);
      const checked = validateFeed(feed, isUrl(source) ? source : 'http://localhost/feeds/imported.json');
      if (!checked.ok) throw new ImportError(`${source}: the imported feed is not valid: ${checked.issues.map(formatIssue).join('; ')}`);
      const json = `${JSON.stringify(feed, null, 2)}\n`;
      if (values.out) await writeFile(values.out, json);
      else process.stdout.write(json);
      return 0;
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      console.error(`civic-widgets import: ${error.message}`);
      return 1;
    }
  },
});

function dateOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (!Number.isFinite(time)) throw new ImportError(`${name} ${value}: expected a date such as 2026-01-31`);
  return time;
}
