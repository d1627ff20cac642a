import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { feedWarnings } from '../../src/contract/feed-warnings.js';
import { validateFeed } from '../../src/contract/validate.js';
import { JsonSyntaxError, parseJsonWithPosition } from '../json-with-position.js';
import { defineCommand, expectPositionals, UsageError } from './command.js';

interface FeedFileReport {
  file: string;
  /** `where: what`: a JSON position (`file:3:7`) or a path in the feed (`sessions[2].start`). */
  errors: string[];
  warnings: string[];
}

export const validate = defineCommand({
  name: 'validate',
  usage: `civic-widgets validate <feed.json | folder>`,
  options: {},
  async run(_values, positionals) {
    expectPositionals(validate, positionals, 1, 1, 'the feed file or folder to check: validate <feed.json | folder>');
    const reports = await validateFeedFiles(positionals[0]!);
    let errors = 0;
    let warnings = 0;
    for (const report of reports) {
      for (const error of report.errors) console.log(`error   ${error}`);
      for (const warning of report.warnings) console.log(`warning ${report.file}: ${warning}`);
      if (!report.errors.length && !report.warnings.length) console.log(`ok      ${report.file}`);
      errors += report.errors.length;
      warnings += report.warnings.length;
    }
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    console.log(`${plural(reports.length, 'feed')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
    return errors ? 1 : 0;
  },
});

/** Checks one feed file, or every `*.json` of a folder (as `serve --feeds` would read them). */
async function validateFeedFiles(path: string): Promise<FeedFileReport[]> {
  const found = await stat(path).catch(() => undefined);
  if (!found) throw new UsageError(`validate: ${path}: no such file or folder`, validate);
  const files = found.isDirectory()
    ? (await readdir(path))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(path, name))
    : [path];
  if (!files.length) throw new UsageError(`validate: ${path}: no *.json feed in this folder`, validate);
  const pollOwners = new Map<string, string>();
  const reports: FeedFileReport[] = [];
  for (const file of files) {
    const report: FeedFileReport = { file, errors: [], warnings: [] };
    reports.push(report);
    let json: unknown;
    try {
      json = parseJsonWithPosition(await readFile(file, 'utf8'), file);
    } catch (error) {
      if (!(error instanceof JsonSyntaxError)) report.errors.push(`${file}: ${(error as Error).message}`);
      else report.errors.push(error.message);
      continue;
    }
    const result = validateFeed(json, `http://localhost/feeds/${basename(file)}`);
    if (!result.ok) {
      report.errors.push(...result.issues.map((issue) => `${file}: ${issue.path}: ${issue.message}`));
      continue;
    }
    report.warnings.push(...feedWarnings(result.feed).map((warning) => `${warning.path}: ${warning.message}`));
    // `serve` refuses the same poll id in two feeds of one folder: the poll API could not tell them apart.
    result.feed.polls?.forEach((poll, i) => {
      const owner = pollOwners.get(poll.id);
      if (owner) report.errors.push(`${file}: polls[${i}].id: poll id "${poll.id}" is already used by ${owner}`);
      else pollOwners.set(poll.id, file);
    });
  }
  return reports;
}
