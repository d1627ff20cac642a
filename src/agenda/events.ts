import type { AgendaFilters } from './filters.js';

/** The visitor changed the day, track, language or search of an agenda. */
export class AgendaFilterEvent extends Event {
  static readonly eventName = 'civic-agenda-filter';

  constructor(
    readonly filters: Readonly<AgendaFilters>,
    /** How many sessions are shown with these filters. */
    readonly shown: number,
  ) {
    super(AgendaFilterEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'civic-agenda-filter': AgendaFilterEvent;
  }
}
