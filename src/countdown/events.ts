import type { Session } from '../contract/types.js';

/** The session went live while the countdown was on the page. */
export class CountdownStartEvent extends Event {
  static readonly eventName = 'civic-countdown-start';
  constructor(readonly session: Session) {
    super(CountdownStartEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The session ended while the countdown was on the page. */
export class CountdownEndEvent extends Event {
  static readonly eventName = 'civic-countdown-end';
  constructor(readonly session: Session) {
    super(CountdownEndEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-countdown-start': CountdownStartEvent;
    'civic-countdown-end': CountdownEndEvent;
  }
}
