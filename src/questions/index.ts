export { CivicQuestions } from './civic-questions.js';
export { QuestionAskEvent, QuestionUpvoteEvent } from './events.js';
export type { QuestionsSnapshot, QuestionView, QuestionReceipt, UpvoteReceipt } from '../contract/questions.js';
