import { localize } from '../contract/text.js';
import type { Feed, Poll, Text } from '../contract/types.js';
import { ballotRule, maxChoices, optionIds, type BallotRule, type PollStatus } from '../contract/poll-rules.js';
import { count, type Count } from '../i18n/count.js';
import { numberFormat } from '../i18n/intl.js';
import { textLanguage } from '../i18n/text-language.js';
import { dateTimeFormat } from '../time/format.js';
import type { PollSnapshot } from './poll-client.js';
import { shareOf, withVote } from './tally.js';
import type { VoteState } from './vote-queue.js';

/** A feed text as shown: the string in the visitor's language, and its `lang` when it is another one. */
export interface Shown {
  text: string;
  lang?: string;
}

export interface OptionView extends Shown {
  id: string;
}

export interface GroupView extends Shown {
  id: string;
  options: OptionView[];
}

/** What does not change while the poll is shown: its texts in the visitor's language, its rules. */
export interface PollTexts {
  poll: Poll;
  title: Shown;
  prompt?: Shown;
  groups: GroupView[];
  /** Every option, by id. */
  options: Map<string, OptionView>;
  optionCount: number;
  max: number;
  rule: BallotRule;
}

function shown(text: Text, lang: string, languages: readonly string[] | undefined): Shown {
  return { text: localize(text, lang, languages), lang: textLanguage(text, lang, languages) };
}

/** The poll's texts and rules (each widget memoises it: rebuilt only when the poll or the language changes). */
export function pollTexts(feed: Feed, poll: Poll, lang: string): PollTexts {
  const languages = feed.languages;
  const groups = poll.groups.map((group) => ({
    id: group.id,
    ...shown(group.title, lang, languages),
    options: group.options.map((option) => ({ id: option.id, ...shown(option.text, lang, languages) })),
  }));
  return {
    poll,
    title: shown(poll.title, lang, languages),
    prompt: poll.prompt === undefined ? undefined : shown(poll.prompt, lang, languages),
    groups,
    options: new Map(groups.flatMap((group) => group.options.map((option) => [option.id, option]))),
    optionCount: optionIds(poll).length,
    max: maxChoices(poll),
    rule: ballotRule(poll),
  };
}

/** "Thursday, June 18, 2026 at 5:00 PM CEST": one Intl call, so each language joins date and time its own way. */
export function longDateTime(iso: string | null | undefined, lang: string, timeZone: string): string {
  const date = new Date(iso ?? '');
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(lang, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

export interface ResultRow extends OptionView {
  count: string;
  percent: string;
  share: number;
}

export interface ResultGroup extends Shown {
  rows: ResultRow[];
}

export interface Results {
  voters: string;
  groups: ResultGroup[];
}

/** The result rows of a snapshot, formatted for `lang` (memoised by each widget on the snapshot shown). */
export function resultsView(texts: PollTexts, snapshot: PollSnapshot, lang: string): Results {
  const number = numberFormat(lang);
  const percent = numberFormat(lang, { style: 'percent' });
  return {
    voters: number.format(snapshot.voters ?? 0),
    groups: texts.groups.map((group) => ({
      text: group.text,
      lang: group.lang,
      rows: group.options.map((option) => {
        const count = snapshot.totals?.[option.id] ?? 0;
        const share = shareOf(count, snapshot);
        return { ...option, count: number.format(count), percent: percent.format(share), share };
      }),
    })),
  };
}

/** Where the visitor's vote stands, as the one line the widget says about it. */
export type VoteNote = '' | 'thanks' | 'pending' | 'rateLimited' | 'notOpen' | 'rejected' | 'chooseSomething';

export interface VoteView {
  status: PollStatus;
  /** The visitor's choices: a vote being sent or kept for a retry, else the server's record. */
  mine?: readonly string[];
  /** The server's snapshot with the visitor's unconfirmed vote already counted, as the docs promise. */
  shown?: PollSnapshot;
  note: VoteNote;
  warn: boolean;
}

/**
 * The vote's part of the view: cheap, derived at each update from the snapshot and the vote queue.
 * A vote not confirmed yet (in flight, or kept for a retry after a failure) is counted in the results
 * at once, so that "Your vote" and the bars never disagree.
 */
export function voteView(snapshot: PollSnapshot | undefined, byClock: PollStatus, vote: VoteState, askedEmpty: boolean, rule: BallotRule): VoteView {
  const error = vote.error;
  let note: VoteNote = '';
  if (error && vote.choices) note = error.code === 'rate-limited' ? 'rateLimited' : 'pending';
  else if (error) note = error.code === 'poll-not-open' ? 'notOpen' : 'rejected';
  else if (vote.choices && !vote.sending) note = 'pending';
  else if (vote.sent) note = 'thanks';
  else if (askedEmpty) note = 'chooseSomething';
  return {
    status: snapshot?.status ?? byClock,
    mine: vote.choices ?? snapshot?.myChoices,
    shown: snapshot && vote.choices ? withVote(snapshot, vote.choices, rule) : snapshot,
    note,
    warn: !!error || !!vote.choices,
  };
}

export interface RankedRow extends OptionView {
  /** Tied options share a place (1, 1, 3). */
  rank: string;
  points: Count;
  /** Of the leader's points, for the bar. */
  share: number;
}

export interface RankedResults {
  voters: string;
  rows: RankedRow[];
}

/** A ranking poll's result: the options by Borda points, most first (ties in feed order). */
export function rankedResults(texts: PollTexts, snapshot: PollSnapshot, lang: string): RankedResults {
  const number = numberFormat(lang);
  const points = (id: string) => snapshot.scores?.[id] ?? 0;
  const options = [...texts.options.values()];
  const sorted = options.map((option, order) => ({ option, order, points: points(option.id) })).sort((a, b) => b.points - a.points || a.order - b.order);
  const top = sorted[0]?.points || 0;
  let place = 0;
  return {
    voters: number.format(snapshot.voters ?? 0),
    rows: sorted.map((row, i) => {
      if (i === 0 || row.points !== sorted[i - 1]!.points) place = i + 1;
      return { ...row.option, rank: number.format(place), points: count(row.points, lang), share: top ? row.points / top : 0 };
    }),
  };
}
