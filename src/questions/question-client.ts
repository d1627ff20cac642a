import type { QuestionReceipt, QuestionsSnapshot, UpvoteReceipt } from '../contract/questions.js';
import type { QuestionBoard } from '../contract/types.js';
import { apiCall, getSnapshot, type ApiShape } from '../net/request.js';

/** The board's API base: its `endpoint`, else `<feed origin>/api/questions/<id>`. */
export function questionsBase(board: QuestionBoard, feedUrl: string): string {
  return (board.endpoint ?? new URL(`/api/questions/${encodeURIComponent(board.id)}`, feedUrl).href).replace(/\/+$/, '');
}

/** A board's snapshot has at least an id and a list of questions. */
const QUESTIONS_API: ApiShape<QuestionsSnapshot> = {
  name: 'questions',
  is: (value): value is QuestionsSnapshot => {
    const v = value as Partial<QuestionsSnapshot> | null;
    return !!v && typeof v === 'object' && typeof v.id === 'string' && Array.isArray(v.questions);
  },
};

/** `GET {base}?voter=`: the published questions, this voter's pending ones and upvotes; none on 304. */
export function getQuestions(base: string, voter: string, etag?: string): Promise<{ snapshot?: QuestionsSnapshot; etag?: string }> {
  return getSnapshot(`${base}?voter=${encodeURIComponent(voter)}`, etag, QUESTIONS_API);
}

/** `POST {base}` with an already serialized `{ voter, text, name? }`: a retry resends the same bytes. */
export async function postQuestion(base: string, body: string): Promise<QuestionReceipt> {
  const response = await apiCall(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return (await response.json()) as QuestionReceipt;
}

/** `PUT` (upvote) or `DELETE` (take it back) `{base}/<questionId>/votes/<voter>`. */
export async function putUpvote(base: string, questionId: string, voter: string, on: boolean): Promise<UpvoteReceipt> {
  const url = `${base}/${encodeURIComponent(questionId)}/votes/${encodeURIComponent(voter)}`;
  const response = await apiCall(url, { method: on ? 'PUT' : 'DELETE' });
  return (await response.json()) as UpvoteReceipt;
}
