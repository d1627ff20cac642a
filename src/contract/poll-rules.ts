// The poll rules that the widget and the reference server both apply: one copy, so they cannot disagree.
import type { ApiErrorCode } from './errors.js';
import type { PollSnapshot, PollStatus } from './poll-snapshot.js';
import type { Poll } from './types.js';

export type { PollSnapshot, PollStatus };

/** An admin's decision, which wins over the poll's dates until it is cleared. */
export type Override = 'open' | 'closed' | null;

export interface PollTally {
  totals: Record<string, number>;
  /** Ranking polls: each option's points (see `rankPoints`); empty or zeros for the other modes. */
  scores?: Record<string, number>;
  voters: number;
  updatedAt: string | null;
}

/** How a ballot counts, from the poll's feed entry: what the stores need, and nothing else of the poll. */
export interface BallotRule {
  ranked: boolean;
  /** How many positions a ranking has (the poll's maxChoices, or all its options). */
  positions: number;
}


export interface RuleViolation {
  code: Extract<ApiErrorCode, 'invalid-request' | 'unknown-option' | 'too-many-choices'>;
  message: string;
}

/** The dates that decide a poll's status: the feed's, or those a server's snapshot reports. */
export interface PollDates {
  opensAt?: string | null;
  closesAt?: string | null;
}

/**
 * The poll's status at `now`: an admin's override wins, else its dates. The widget asks it while the
 * server has not said (no override known); the server asks it with the stored override.
 */
export function pollStatus(dates: PollDates, now: number, override: Override = null): PollStatus {
  if (override) return override;
  if (dates.opensAt && now < Date.parse(dates.opensAt)) return 'scheduled';
  if (dates.closesAt && now >= Date.parse(dates.closesAt)) return 'closed';
  return 'open';
}

/** The next instant after `now` at which the poll's status changes by its dates, if any. */
export function nextTransition(poll: Pick<Poll, 'opensAt' | 'closesAt'>, now: number): number | undefined {
  return [poll.opensAt, poll.closesAt].map((date) => (date ? Date.parse(date) : NaN)).find((at) => at > now);
}

export function resultsVisible(poll: Poll, status: PollStatus, hasVoted: boolean): boolean {
  if (poll.results === 'after-vote') return hasVoted;
  if (poll.results === 'after-close') return status === 'closed';
  return true;
}

const idsOf = new WeakMap<Poll, string[]>();

/** Every option id of the poll, in feed order (computed once per poll: votes ask for it each time). */
export function optionIds(poll: Poll): readonly string[] {
  let ids = idsOf.get(poll);
  if (!ids) idsOf.set(poll, (ids = poll.groups.flatMap((group) => group.options.map((option) => option.id))));
  return ids;
}

export function maxChoices(poll: Poll): number {
  return poll.mode === 'single' ? 1 : Math.min(poll.maxChoices ?? Infinity, optionIds(poll).length);
}

/** Why `choices` is not an acceptable ballot for `poll`, or undefined when it is. */
export function checkChoices(poll: Poll, choices: readonly string[]): RuleViolation | undefined {
  if (choices.length === 0) return { code: 'invalid-request', message: 'choose at least one option' };
  if (new Set(choices).size !== choices.length) return { code: 'invalid-request', message: 'each option may be chosen once' };
  const known = new Set(optionIds(poll));
  const unknown = choices.find((choice) => !known.has(choice));
  if (unknown !== undefined) return { code: 'unknown-option', message: `poll "${poll.id}" has no option "${unknown}"` };
  const max = maxChoices(poll);
  if (choices.length > max) return { code: 'too-many-choices', message: `choose at most ${max} option${max === 1 ? '' : 's'}` };
  return undefined;
}

/** The snapshot one voter may see; `myChoices` undefined means that voter has not voted. */
export function snapshot(
  poll: Poll,
  status: PollStatus,
  tally: PollTally,
  myChoices: readonly string[] | undefined,
  visible = resultsVisible(poll, status, myChoices !== undefined),
): PollSnapshot {
  const view: PollSnapshot = { id: poll.id, status, opensAt: poll.opensAt ?? null, closesAt: poll.closesAt ?? null, updatedAt: tally.updatedAt };
  if (visible) {
    // Every option is listed, with 0 for those nobody chose, so clients need not know the feed.
    view.totals = Object.fromEntries(optionIds(poll).map((id) => [id, tally.totals[id] ?? 0]));
    if (poll.mode === 'ranking') view.scores = Object.fromEntries(optionIds(poll).map((id) => [id, tally.scores?.[id] ?? 0]));
    view.voters = tally.voters;
  }
  if (myChoices) view.myChoices = [...myChoices];
  return view;
}

/** Same set of options, whatever the order: a revote that changes nothing. */
export function sameChoices(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((choice) => b.includes(choice));
}

export function ballotRule(poll: Poll): BallotRule {
  return { ranked: poll.mode === 'ranking', positions: maxChoices(poll) };
}

/** A revote that changes nothing: the same options, and for a ranking in the same order. */
export function sameBallot(a: readonly string[], b: readonly string[], rule?: BallotRule): boolean {
  return rule?.ranked ? a.length === b.length && a.every((choice, i) => b[i] === choice) : sameChoices(a, b);
}

/**
 * Borda count with a fixed scale: of a ranking with `positions` places, the first gets `positions`
 * points, the next one less, the last place 1; an option left unranked gets 0. The scale is the
 * poll's, not the ballot's, so a partial ranking weighs each of its places as a full one does and
 * ranks its unranked options below all its ranked ones (tied at 0). With full rankings of n options
 * this orders the options as the classic n-1 … 0 Borda count does (every option gets one more point).
 */
export function rankPoints(index: number, rule: BallotRule): number {
  return index < 0 || index >= rule.positions ? 0 : rule.positions - index;
}

/**
 * What a ballot changes in the tallies when it replaces `before` (undefined: a first vote): in
 * `votes`, -1 for each option dropped, +1 for each option added; in `points` (rankings only), the
 * change of each option's `rankPoints`. Both stores and the widget's optimistic tally apply exactly this.
 */
export function ballotDelta(
  before: readonly string[] | undefined,
  after: readonly string[],
  rule?: BallotRule,
): [option: string, votes: number, points: number][] {
  const delta: [string, number, number][] = [];
  const points = (ballot: readonly string[] | undefined, option: string) => (rule?.ranked && ballot ? rankPoints(ballot.indexOf(option), rule) : 0);
  for (const option of before ?? []) if (!after.includes(option)) delta.push([option, -1, 0 - points(before, option)]);
  for (const option of after) {
    const votes = before?.includes(option) ? 0 : 1;
    const by = points(after, option) - points(before, option);
    if (votes || by) delta.push([option, votes, by]);
  }
  return delta;
}
