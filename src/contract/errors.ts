// The `code` of every `{ error: { code, message } }` answer the reference server gives. The widgets
// switch on these; the server may only answer with one of them (the type checker holds it to that).

export type ApiErrorCode =
  | 'invalid-request'
  | 'unknown-option'
  | 'too-many-choices'
  | 'unknown-poll'
  | 'poll-not-open'
  | 'unknown-board'
  | 'unknown-question'
  | 'board-not-open'
  | 'question-empty'
  | 'question-too-long'
  | 'body-too-large'
  | 'rate-limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'internal-error';

/** The body of every error answer. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string };
}
