import { ballotDelta, type BallotRule } from '../contract/poll-rules.js';
import type { PollSnapshot } from '../contract/poll-snapshot.js';

/** The snapshot as it will be once `choices` replace this voter's previous ones: optimistic feedback. */
export function withVote(snapshot: PollSnapshot, choices: readonly string[], rule?: BallotRule): PollSnapshot {
  if (!snapshot.totals) return { ...snapshot, myChoices: [...choices] };
  const totals = { ...snapshot.totals };
  const scores = snapshot.scores && { ...snapshot.scores };
  for (const [id, votes, points] of ballotDelta(snapshot.myChoices, choices, rule)) {
    totals[id] = Math.max(0, (totals[id] ?? 0) + votes);
    if (scores) scores[id] = Math.max(0, (scores[id] ?? 0) + points);
  }
  const voters = (snapshot.voters ?? 0) + (snapshot.myChoices?.length ? 0 : 1);
  return { ...snapshot, totals, ...(scores ? { scores } : {}), voters, myChoices: [...choices] };
}

/** Each option's share of the voters (in `multiple` mode the shares may add up to more than 1). */
export function shareOf(count: number, snapshot: PollSnapshot): number {
  const total = snapshot.voters || Object.values(snapshot.totals ?? {}).reduce((a, b) => a + b, 0);
  return total ? count / total : 0;
}
