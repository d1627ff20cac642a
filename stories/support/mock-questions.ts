import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { sortQuestions, type QuestionsSnapshot, type QuestionView } from '../../src/contract/questions.js';
import { mockFeed, type MockFeed } from './mock-feed.js';

export interface MockQuestionsOptions {
  /** What the server says, overriding the clock. */
  status?: QuestionsSnapshot['status'];
  /** Questions other visitors asked (published). */
  questions?: Omit<QuestionView, 'createdAt'>[];
  /** Questions the visitor asked that await a moderator (shown to every visitor of the story). */
  minePending?: string[];
  /** Questions the visitor has already upvoted. */
  upvoted?: string[];
  /** How the server answers a question or an upvote: normally, not at all (offline), or with an error. */
  write?: 'ok' | 'network' | 409 | 429;
}

export interface MockBoard {
  id: string;
  title: string | Record<string, string>;
  moderation: 'none' | 'pre';
  session?: string;
  opensAt?: string;
  closesAt?: string;
}

const codes = { 409: 'board-not-open', 429: 'rate-limited' } as const;
const encoder = new TextEncoder();

/**
 * `feed` with `board` served by an in-memory question API at `/mock-api/<name>`: GET (with the
 * voter's own pending questions and upvotes), POST a question (published or held for moderation),
 * PUT/DELETE an upvote, and a public event stream that pushes each change.
 */
export function mockQuestions(name: string, feed: Record<string, unknown>, board: MockBoard, options: MockQuestionsOptions = {}): MockFeed {
  const base = `/mock-api/${name}`;
  const served = mockFeed(name, { ...feed, questions: [{ ...board, endpoint: base }] });
  const minute = (i: number) => new Date(Date.now() - (60 - i) * 60_000).toISOString();
  const questions: (QuestionView & { voter?: string; held?: boolean })[] = (options.questions ?? []).map((q, i) => ({ ...q, createdAt: minute(i) }));
  for (const [i, text] of (options.minePending ?? []).entries()) {
    questions.push({ id: `mine-${i}`, text, votes: 0, answered: false, pinned: false, createdAt: minute(30 + i), held: true, voter: '*' });
  }
  const upvotes = new Set(options.upvoted ?? []);
  const streams = new Set<ReadableStreamDefaultController<Uint8Array>>();

  const snapshot = (voter: string | null): QuestionsSnapshot => {
    const shown = questions.filter((q) => !q.held || (voter && (q.voter === voter || q.voter === '*')));
    return {
      id: board.id,
      status: options.status ?? 'open',
      moderation: board.moderation,
      opensAt: board.opensAt ?? null,
      closesAt: board.closesAt ?? null,
      questions: sortQuestions(
        shown.map(({ voter: _v, held, ...q }) => (held ? { ...q, pending: true as const } : q)),
        'votes',
      ),
      ...(voter ? { upvoted: [...upvotes] } : {}),
    };
  };
  const push = () => {
    for (const controller of streams) {
      try {
        controller.enqueue(encoder.encode(`event: questions\ndata: ${JSON.stringify(snapshot(null))}\n\n`));
      } catch {
        streams.delete(controller); // that page went away
      }
    }
  };
  const refusal = () => {
    if (options.write === 'network') return HttpResponse.error();
    if (options.write === 409 || options.write === 429) {
      return HttpResponse.json({ error: { code: codes[options.write], message: codes[options.write] } }, { status: options.write });
    }
    return undefined;
  };

  const handlers: RequestHandler[] = [
    http.get(`${base}/stream`, () => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          streams.add(controller);
          controller.enqueue(encoder.encode('retry: 3000\n'));
          controller.enqueue(encoder.encode(`event: questions\ndata: ${JSON.stringify(snapshot(null))}\n\n`));
        },
      });
      return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
    }),
    http.get(base, ({ request }) => HttpResponse.json(snapshot(new URL(request.url).searchParams.get('voter')))),
    http.post(base, async ({ request }) => {
      await delay(400);
      const refused = refusal();
      if (refused) return refused;
      const { voter, text, name: author } = (await request.json()) as { voter: string; text: string; name?: string };
      const held = board.moderation === 'pre';
      const id = `q${questions.length + 1}`;
      questions.push({ id, text, ...(author ? { name: author } : {}), votes: 0, answered: false, pinned: false, createdAt: new Date().toISOString(), voter, held });
      push();
      return HttpResponse.json({ id, status: held ? 'pending' : 'published' }, { status: 201 });
    }),
    ...(['put', 'delete'] as const).map((method) =>
      http[method](`${base}/:questionId/votes/:voter`, async ({ params }) => {
        await delay(200);
        const refused = refusal();
        if (refused) return refused;
        const q = questions.find((x) => x.id === params.questionId && !x.held);
        if (!q) return HttpResponse.json({ error: { code: 'unknown-question', message: 'no such question' } }, { status: 404 });
        const on = method === 'put';
        if (on !== upvotes.has(q.id)) q.votes += on ? 1 : -1;
        if (on) upvotes.add(q.id);
        else upvotes.delete(q.id);
        push();
        return HttpResponse.json({ id: q.id, votes: q.votes, upvoted: on });
      }),
    ),
  ];
  return { src: served.src, handlers: [...handlers, ...served.handlers] };
}
