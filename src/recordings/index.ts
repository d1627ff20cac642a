export { CivicRecordings } from './civic-recordings.js';
export { RecordingPlayEvent } from './events.js';
