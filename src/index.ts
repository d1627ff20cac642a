// Classes only: importing this module registers nothing. Import `civic-widgets/<element>/define`
// (or the single-file bundle) to register the tags.
export { CivicEvent } from './event/civic-event.js';
export { FeedErrorEvent, FeedLoadEvent } from './feed/events.js';
export { feedContext } from './feed/context.js';
export { feedStoreFor, type FeedError, type FeedErrorCode, type FeedState, type FeedStatus } from './feed/store.js';
export { validateFeed, formatIssue, type FeedIssue, type FeedValidation } from './contract/validate.js';
export { localize } from './contract/text.js';
export type * from './contract/types.js';
export { CivicCountdown } from './countdown/civic-countdown.js';
export { CountdownEndEvent, CountdownStartEvent } from './countdown/events.js';
export { CivicAgenda } from './agenda/civic-agenda.js';
export { AgendaFilterEvent } from './agenda/events.js';
export type { AgendaFilters } from './agenda/filters.js';
export { CivicPoll } from './poll/civic-poll.js';
export { PollResultsEvent, PollVoteEvent } from './poll/events.js';
export type { PollSnapshot, PollErrorCode } from './poll/poll-client.js';
export { CivicRecordings } from './recordings/civic-recordings.js';
export { RecordingPlayEvent } from './recordings/events.js';
export { CivicQuestions } from './questions/civic-questions.js';
export { QuestionAskEvent, QuestionUpvoteEvent } from './questions/events.js';
export type { QuestionsSnapshot, QuestionView, QuestionReceipt, UpvoteReceipt } from './contract/questions.js';
