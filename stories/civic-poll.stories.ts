import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/poll/define.js';
import { localDemocracyAt } from './support/mock-feed.js';
import { mockPoll, type MockPollOptions } from './support/mock-poll.js';

type Feed = ReturnType<typeof localDemocracyAt>;

interface Args {
  /** Empty: the language of the page (the toolbar's). */
  lang: string;
  theme: 'auto' | 'light' | 'dark';
  'time-zone': string;
  'results-only': boolean;
}

/**
 * `<civic-poll>`: the guiding questions of the Local Democracy session as a poll, against an
 * in-memory poll API (msw): votes are kept for the story's lifetime and pushed down its event stream.
 */
const meta: Meta<Args> = {
  title: 'Elements/civic-poll',
  component: 'civic-poll',
  args: { lang: '', theme: 'auto', 'time-zone': 'local', 'results-only': false },
  argTypes: {
    lang: { control: 'select', options: ['', 'en', 'fr', 'es', 'ar'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    'time-zone': { control: 'text' },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The fixture's poll (multiple, up to 3, results after voting) with its session `minutes` from now. */
function feedAt(minutes: number, change: (poll: Feed['polls'][number]) => object = (p) => p): Feed {
  const feed = localDemocracyAt(minutes);
  return { ...feed, polls: feed.polls.map((p) => ({ ...p, ...change(p) })) } as Feed;
}

const single = (p: Feed['polls'][number]) => ({ ...p, mode: 'single', maxChoices: undefined, results: 'always', prompt: 'Which question should the session discuss first?' });
const always = (p: Feed['polls'][number]) => ({ ...p, results: 'always' });
const crowd = { totals: { c1: 14, c2: 9, r1: 6, r2: 11, a1: 8, a2: 5, m1: 3, m2: 7 }, voters: 23 };

function story(name: string, feed: Feed, options: MockPollOptions, overrides: Partial<Args> = {}): Story {
  const mock = mockPoll(name, feed as unknown as { polls: { id: string }[] }, options);
  return {
    args: overrides,
    parameters: { msw: { handlers: mock.handlers } },
    render: (args) =>
      html`<civic-poll
        src=${mock.src}
        lang=${ifDefined(args.lang || undefined)}
        theme=${args.theme}
        time-zone=${args['time-zone']}
        ?results-only=${args['results-only']}
      ></civic-poll>`,
  };
}

export const Scheduled = story('poll-scheduled', feedAt(60 * 24 * 8), { status: 'scheduled' });
export const OpenSingle = story('poll-open-single', feedAt(-30, single), crowd);
export const OpenMultiple = story('poll-open-multiple', feedAt(-30), crowd);
export const VotedWithResults = story('poll-voted', feedAt(-30, always), { ...crowd, voted: ['c1', 'r2'] });
export const ResultsAfterVoteHidden = story('poll-after-vote', feedAt(-30), crowd);
export const ClosedWithResults = story('poll-closed', feedAt(-60 * 24, always), { ...crowd, status: 'closed', voted: ['a1'] });
export const ResultsOnlyProjector = story('poll-projector', feedAt(-30, always), crowd, { 'results-only': true });
export const PendingOffline = story('poll-offline', feedAt(-30, single), { ...crowd, post: 'network' });
export const Error409Closed = story('poll-409', feedAt(-30, single), { ...crowd, post: 409 });
export const Error429RateLimited = story('poll-429', feedAt(-30, single), { ...crowd, post: 429 });
export const Arabic = story('poll-arabic', feedAt(-30, always), { ...crowd, voted: ['m2'] }, { lang: 'ar' });
export const Dark = story('poll-dark', feedAt(-30, always), { ...crowd, voted: ['c2'] }, { theme: 'dark' });

// Ranking polls: the guiding questions put in order (top 3 of 8), Borda points as the result.
const ranking = (p: Feed['polls'][number]) => ({ ...p, mode: 'ranking', maxChoices: 3, results: 'always', prompt: 'Which questions should the session discuss first?' });
const ranked = { totals: { c1: 9, c2: 4, r1: 6, r2: 8, a1: 3, a2: 2, m1: 1, m2: 5 }, voters: 14, scores: { c1: 22, c2: 7, r1: 12, r2: 17, a1: 5, a2: 3, m1: 1, m2: 9 } };

export const RankingScheduled = story('ranking-scheduled', feedAt(60 * 24 * 8, ranking), { status: 'scheduled' });
export const RankingOpen = story('ranking-open', feedAt(-30, ranking), ranked);
export const RankingResultsHidden = story('ranking-after-vote', feedAt(-30, (p) => ({ ...ranking(p), results: 'after-vote' })), ranked);
export const RankingVoted = story('ranking-voted', feedAt(-30, ranking), { ...ranked, voted: ['r2', 'c1', 'm2'] });
export const RankingClosed = story('ranking-closed', feedAt(-60 * 24, ranking), { ...ranked, status: 'closed', voted: ['c1'] });
export const RankingResultsOnly = story('ranking-projector', feedAt(-30, ranking), ranked, { 'results-only': true });
export const RankingPendingOffline = story('ranking-offline', feedAt(-30, ranking), { ...ranked, post: 'network' });
export const RankingArabic = story('ranking-arabic', feedAt(-30, ranking), { ...ranked, voted: ['m2', 'a1'] }, { lang: 'ar' });
export const RankingDark = story('ranking-dark', feedAt(-30, ranking), ranked, { theme: 'dark' });
