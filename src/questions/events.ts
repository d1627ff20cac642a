/** A visitor is about to send a question; `preventDefault()` cancels it before anything is sent. */
export class QuestionAskEvent extends Event {
  static readonly eventName = 'civic-questions-ask';
  constructor(
    readonly boardId: string,
    readonly text: string,
    readonly name: string | undefined,
  ) {
    super(QuestionAskEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A visitor upvoted a question (`upvoted: true`) or took the upvote back. */
export class QuestionUpvoteEvent extends Event {
  static readonly eventName = 'civic-questions-upvote';
  constructor(
    readonly boardId: string,
    readonly questionId: string,
    readonly upvoted: boolean,
  ) {
    super(QuestionUpvoteEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-questions-ask': QuestionAskEvent;
    'civic-questions-upvote': QuestionUpvoteEvent;
  }
}
