export { CivicAgenda } from './civic-agenda.js';
export { AgendaFilterEvent } from './events.js';
export type { AgendaFilters } from './filters.js';
