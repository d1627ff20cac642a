import type { Check } from './check.js';
import type { FeedSchema } from './feed-schema.js';

/** A validated feed, version 1. URLs in it are absolute and use only http:, https: or mailto:. */
export type Feed = typeof FeedSchema extends Check<infer T> ? T : never;
/** A plain string, or a map of language tags to strings. */
export type Text = Feed['event']['title'];
export type EventInfo = Feed['event'];
export type Session = Feed['sessions'][number];
export type SessionItem = NonNullable<Session['items']>[number];
export type Speaker = NonNullable<Feed['speakers']>[number];
export type Track = NonNullable<Feed['tracks']>[number];
export type Poll = NonNullable<Feed['polls']>[number];
export type PollGroup = Poll['groups'][number];
export type PollOption = PollGroup['options'][number];
export type Recording = NonNullable<Feed['recordings']>[number];
/** An audience Q&A board (`<civic-questions>`). */
export type QuestionBoard = NonNullable<Feed['questions']>[number];
