export { CivicPoll } from './civic-poll.js';
export { PollResultsEvent, PollVoteEvent } from './events.js';
export type { PollSnapshot, PollErrorCode } from './poll-client.js';
