import type { ReactiveControllerHost } from 'lit';
import type { QuestionsSnapshot } from '../contract/questions.js';
import { LiveChannels, LiveSnapshot } from '../net/live-channel.js';
import { getQuestions } from './question-client.js';
import { onQuestionRequest } from './question-queue.js';
import { mergeSnapshots } from './question-view.js';

const boards = new LiveChannels<QuestionsSnapshot>({
  event: 'questions',
  // The stream is the same for everybody; the visitor's own pending questions and upvotes come
  // from one `GET ?voter=` when the stream opens, then from their own requests' answers.
  streamUrl: (base) => `${base}/stream`,
  fetch: getQuestions,
  merge: mergeSnapshots,
  fetchOnOpen: true,
});

onQuestionRequest((base, answer) => {
  const current = boards.snapshot(base);
  if (current && answer && 'upvoted' in answer) {
    // The stream never says who upvoted what: this page's own answer is the only source.
    const upvoted = new Set(current.upvoted);
    if (answer.upvoted) upvoted.add(answer.id);
    else upvoted.delete(answer.id);
    const questions = current.questions.map((q) => (q.id === answer.id ? { ...q, votes: answer.votes } : q));
    boards.accept(base, { ...current, questions, upvoted: [...upvoted] });
  } else {
    boards.touch(base);
  }
});

/** The live board at `base` (published questions, and this visitor's own) for the widget that shows it. */
export class LiveQuestions extends LiveSnapshot<QuestionsSnapshot> {
  constructor(host: ReactiveControllerHost & HTMLElement) {
    super(host, boards);
  }
}
