// The poll API's answer, shared by the widget and the reference server so the two cannot disagree.

export type PollStatus = 'scheduled' | 'open' | 'closed';

/** The answer of `GET {base}`, of `POST {base}/votes` and each SSE `totals` event, for one voter. */
export interface PollSnapshot {
  id: string;
  status: PollStatus;
  opensAt: string | null;
  closesAt: string | null;
  /** Present only when the poll's `results` rule lets this voter see them. */
  totals?: Record<string, number>;
  /**
   * Ranking polls, with `totals`: each option's Borda points (`rankPoints` in poll-rules.ts); the
   * options in order of points are the result. `totals` then counts the voters who ranked each one.
   */
  scores?: Record<string, number>;
  voters?: number;
  updatedAt: string | null;
  /** This voter's current choices, when they have voted. */
  myChoices?: string[];
}
