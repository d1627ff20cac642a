export { CivicEvent } from './civic-event.js';
