// Network doubles for the question board's browser tests (the only place where the network is
// mocked): an in-memory question API that follows the contract, routed through the poll tests' fetch
// stub, and the poll tests' fake EventSource carrying `questions` events.
import { sortQuestions, type QuestionsSnapshot, type QuestionView } from '../../src/contract/questions.js';
import { FakeEventSource } from './poll-support.js';

let unique = 0;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export interface RawBoard {
  id: string;
  title: string | Record<string, string>;
  moderation: 'none' | 'pre';
  opensAt?: string;
  closesAt?: string;
  endpoint?: string;
}

export function townHallBoard(overrides: Partial<RawBoard> = {}): RawBoard {
  return {
    id: 'ask',
    title: { en: 'Ask the council', fr: 'Questions au conseil', es: 'Pregunte al consejo', ar: 'اسأل المجلس' },
    moderation: 'none',
    opensAt: iso(Date.now() - 3_600_000),
    closesAt: iso(Date.now() + 3_600_000),
    ...overrides,
  };
}

/** A feed (served for real by the fixture server) holding `board`, with an endpoint no other test uses. */
export function boardFeed(board: RawBoard): { src: string; base: string; board: RawBoard } {
  const key = `questions${Date.now()}-${unique++}`;
  const withEndpoint = { ...board, endpoint: board.endpoint ?? `https://questions.test/${key}/${board.id}` };
  const feed = {
    version: 1,
    languages: ['en', 'fr', 'es', 'ar'],
    event: { id: 'town-hall', title: 'Town hall', timeZone: 'Europe/Madrid' },
    sessions: [{ id: 'assembly', title: 'Assembly', start: iso(Date.now() - 3_600_000), end: iso(Date.now() + 3_600_000) }],
    questions: [withEndpoint],
  };
  const src = `/__feed/local-democracy.json?${new URLSearchParams({ key, raw: JSON.stringify(feed) })}`;
  return { src, base: withEndpoint.endpoint, board: withEndpoint };
}

interface Stored extends QuestionView {
  voter: string;
  status: 'pending' | 'published' | 'rejected';
}

type Reply = { status: number; body?: unknown } | 'network';

/** An in-memory question API: ask (deduplicated by voter and text), upvote once per voter, moderation. */
export class FakeQuestionApi {
  status: QuestionsSnapshot['status'] = 'open';
  readonly questions: Stored[] = [];
  readonly upvotes = new Set<string>();
  readonly requests: { method: string; url: string; body?: string }[] = [];
  /** Replies to the next POST, PUT or DELETE, in order, instead of the normal answer. */
  readonly replies: Reply[] = [];
  private next = 0;

  constructor(readonly board: RawBoard) {}

  get writes() {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** Adds a question as if another visitor had asked it. */
  seed(text: string, votes = 0, extra: Partial<Stored> = {}): Stored {
    const q: Stored = {
      id: `q${++this.next}`,
      text,
      votes,
      answered: false,
      pinned: false,
      createdAt: new Date(Date.UTC(2026, 5, 18, 13, this.next)).toISOString(),
      voter: `someone-${this.next}`,
      status: 'published',
      ...extra,
    };
    this.questions.push(q);
    return q;
  }

  publish(id: string): void {
    this.questions.find((q) => q.id === id)!.status = 'published';
  }

  snapshot(voter?: string): QuestionsSnapshot {
    const shown = this.questions.filter((q) => q.status === 'published' || (voter && q.status === 'pending' && q.voter === voter));
    return {
      id: this.board.id,
      status: this.status,
      moderation: this.board.moderation,
      opensAt: this.board.opensAt ?? null,
      closesAt: this.board.closesAt ?? null,
      questions: sortQuestions(
        shown.map(({ voter: _v, status, ...q }) => (status === 'pending' ? { ...q, pending: true as const } : q)),
        'votes',
      ),
      ...(voter ? { upvoted: [...this.upvotes].filter((key) => key.endsWith(`/${voter}`)).map((key) => key.split('/')[0]!) } : {}),
    };
  }

  async handle(url: URL, init: RequestInit = {}): Promise<Response> {
    const method = init.method ?? 'GET';
    this.requests.push({ method, url: url.href, body: init.body as string | undefined });
    if (method === 'GET') return Response.json(this.snapshot(url.searchParams.get('voter') ?? undefined));
    const reply = this.replies.shift();
    if (reply === 'network') throw new TypeError('Failed to fetch');
    if (reply) return Response.json(reply.body ?? {}, { status: reply.status });
    if (this.status !== 'open') return Response.json({ error: { code: 'board-not-open', message: 'closed' } }, { status: 409 });
    if (method === 'POST') {
      const { voter, text, name } = JSON.parse(init.body as string) as { voter: string; text: string; name?: string };
      const known = this.questions.find((q) => q.voter === voter && q.text === text);
      if (known) return Response.json({ id: known.id, status: known.status }, { status: 200 });
      const q = this.seed(text, 0, { voter, ...(name ? { name } : {}), status: this.board.moderation === 'pre' ? 'pending' : 'published' });
      return Response.json({ id: q.id, status: q.status }, { status: 201 });
    }
    const [, questionId, , voter] = url.pathname.slice(url.pathname.indexOf(this.board.id)).split('/');
    const q = this.questions.find((x) => x.id === questionId && x.status === 'published');
    if (!q) return Response.json({ error: { code: 'unknown-question', message: 'no' } }, { status: 404 });
    const key = `${questionId}/${voter}`;
    const on = method === 'PUT';
    if (on && !this.upvotes.has(key)) (this.upvotes.add(key), q.votes++);
    if (!on && this.upvotes.delete(key)) q.votes--;
    return Response.json({ id: q.id, votes: q.votes, upvoted: on });
  }

  /** Sends the public snapshot down every stream of this board, as the server would. */
  push(): void {
    for (const source of FakeEventSource.instances.filter((s) => s.url === `${this.board.endpoint}/stream`)) {
      source.readyState = FakeEventSource.OPEN;
      source.dispatchEvent(new MessageEvent('questions', { data: JSON.stringify(this.snapshot()) }));
    }
  }
}
