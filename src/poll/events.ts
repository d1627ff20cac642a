/** A visitor is about to vote; `preventDefault()` cancels the vote before anything is sent. */
export class PollVoteEvent extends Event {
  static readonly eventName = 'civic-poll-vote';
  constructor(
    readonly pollId: string,
    readonly choices: readonly string[],
  ) {
    super(PollVoteEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** The poll's results arrived or changed. */
export class PollResultsEvent extends Event {
  static readonly eventName = 'civic-poll-results';
  constructor(
    readonly pollId: string,
    readonly totals: Readonly<Record<string, number>>,
    readonly voters: number,
    /** Ranking polls: each option's Borda points (docs/poll.md); undefined for the other modes. */
    readonly scores?: Readonly<Record<string, number>>,
  ) {
    super(PollResultsEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-poll-vote': PollVoteEvent;
    'civic-poll-results': PollResultsEvent;
  }
}
