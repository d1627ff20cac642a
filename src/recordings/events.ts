import type { Recording } from '../contract/types.js';

/**
 * The visitor pressed play: sites can count plays without a tracker. Fired before the player loads.
 */
export class RecordingPlayEvent extends Event {
  static readonly eventName = 'civic-recordings-play';
  constructor(
    readonly recordingId: string,
    readonly provider: Recording['provider'],
  ) {
    super(RecordingPlayEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-recordings-play': RecordingPlayEvent;
  }
}
