export { CivicCountdown } from './civic-countdown.js';
export { CountdownEndEvent, CountdownStartEvent } from './events.js';
