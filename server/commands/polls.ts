import { resolve } from 'node:path';
import { votesCsv } from '../export/votes-csv.js';
import { loadFeeds } from '../feed-catalog.js';
import { PollService } from '../poll-service.js';
import { openStore } from '../storage/store.js';
import { defineCommand, expectPositionals, FEEDS_AND_STORE, requireFeeds, UsageError } from './command.js';

const ACTIONS = ['list', 'open', 'close', 'reset', 'export'] as const;
type Action = (typeof ACTIONS)[number];

export const polls = defineCommand({
  name: 'polls',
  usage: `civic-widgets polls list --feeds <dir> [--db civic.db]
civic-widgets polls open|close|reset <pollId> --feeds <dir> [--db civic.db]
civic-widgets polls export <pollId> --feeds <dir> [--db civic.db] [--csv]`,
  options: { ...FEEDS_AND_STORE, csv: { type: 'boolean', default: false } },
  async run(values, [action, ...rest]) {
    // Every mistake in the command line is found before the store is opened (or a civic.db created).
    if (!isAction(action)) {
      throw new UsageError(action ? `polls: unknown action "${action}" (expected ${ACTIONS.join(', ')})` : `polls: which action? (${ACTIONS.join(', ')})`, polls);
    }
    if (action === 'list') expectPositionals(polls, rest, 0, 0, '');
    else expectPositionals(polls, rest, 1, 1, `the poll id: polls ${action} <pollId>`);
    if (values.csv && action !== 'export') throw new UsageError('polls: --csv goes with export only', polls);
    const catalog = await loadFeeds(resolve(requireFeeds(polls, values.feeds)));
    const pollId = rest[0]!;
    if (action !== 'list') {
      // An unknown poll id is answered before the store is opened too.
      if (!catalog.polls.has(pollId)) throw new UsageError(`polls ${action}: no poll "${pollId}" in these feeds (polls list shows them)`, polls);
    }
    const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: resolve(values.db) });
    try {
      const service = await PollService.create(catalog, store);
      if (action === 'list') {
        for (const poll of await service.list()) {
          const override = poll.override ? ` (admin: ${poll.override})` : '';
          console.log(`${poll.id}\t${poll.status}${override}\t${poll.voters} voters\t${poll.feed}\t${poll.title}`);
        }
      } else if (action === 'open' || action === 'close') {
        const poll = await service.setOverride(pollId, action === 'open' ? 'open' : 'closed');
        console.log(`${poll.id}: ${poll.status}`);
      } else if (action === 'reset') {
        await service.reset(pollId);
        console.log(`${pollId}: every vote deleted`);
      } else {
        const data = await service.export(pollId);
        process.stdout.write(values.csv ? votesCsv(service, data) : `${JSON.stringify(data, null, 2)}\n`);
      }
    } finally {
      await store.close();
    }
  },
});

function isAction(action: string | undefined): action is Action {
  return (ACTIONS as readonly (string | undefined)[]).includes(action);
}
