import { localize } from '../../src/contract/text.js';
import type { PollExport, PollService } from '../poll-service.js';

/** One row per chosen option of each ballot (long format: a pivot table gives the totals). */
export function votesCsv(service: PollService, data: PollExport): string {
  const { poll, feed } = service.entry(data.id);
  const lang = feed.feed.languages?.[0] ?? 'en';
  const options = new Map<string, { group: string; text: string }>();
  for (const group of poll.groups) {
    for (const option of group.options) {
      options.set(option.id, { group: localize(group.title, lang, feed.feed.languages), text: localize(option.text, lang, feed.feed.languages) });
    }
  }
  // Ranking polls add each choice's rank (1 = first); the ballot's order is the ranking.
  const ranked = poll.mode === 'ranking';
  const rows = [['voter', 'voted_at', 'group', 'option_id', 'option_text', ...(ranked ? ['rank'] : [])]];
  for (const vote of data.votes) {
    vote.choices.forEach((choice, index) => {
      const option = options.get(choice);
      rows.push([vote.voter, vote.votedAt, option?.group ?? '', choice, option?.text ?? '', ...(ranked ? [String(index + 1)] : [])]);
    });
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string): string {
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
