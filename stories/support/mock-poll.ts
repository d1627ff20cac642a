import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { PollSnapshot } from '../../src/poll/poll-client.js';
import { mockFeed, type MockFeed } from './mock-feed.js';

export interface MockPollOptions {
  /** What the server says, overriding the clock. */
  status?: PollSnapshot['status'];
  /** Votes already cast by other visitors. */
  totals?: Record<string, number>;
  voters?: number;
  /** Ranking polls: the other visitors' Borda points. */
  scores?: Record<string, number>;
  /** The visitor has already voted for these. */
  voted?: string[];
  /** How the server answers a vote: normally, not at all (offline), or with an error. */
  post?: 'ok' | 'network' | 409 | 429;
}

interface FeedPoll {
  id: string;
  mode?: string;
  maxChoices?: number;
  groups?: { options: { id: string }[] }[];
  results?: string;
  opensAt?: string;
  closesAt?: string;
}

const codes = { 409: 'poll-not-open', 429: 'rate-limited' } as const;
const encoder = new TextEncoder();

/**
 * A feed whose first poll is served by an in-memory poll API at `/mock-api/<name>`: GET with ETag,
 * POST /votes (replacing a voter's earlier vote), and an event stream that pushes each change.
 */
export function mockPoll(name: string, feed: { polls: FeedPoll[] }, options: MockPollOptions = {}): MockFeed {
  const base = `/mock-api/${name}`;
  const poll = { ...feed.polls[0]!, endpoint: base };
  const served = mockFeed(name, { ...feed, polls: [poll] });
  const others = { ...options.totals };
  const otherVoters = options.voters ?? Object.values(others).reduce((a, b) => Math.max(a, b), 0);
  const votes = new Map<string, string[]>();
  const streams = new Set<{ voter: string; controller: ReadableStreamDefaultController<Uint8Array> }>();

  const snapshot = (voter: string | null): PollSnapshot => {
    const mine = (voter && votes.get(voter)) || options.voted;
    const status = options.status ?? 'open';
    const rule = poll.results ?? 'always';
    const visible = rule === 'always' || (rule === 'after-vote' && !!mine) || (rule === 'after-close' && status === 'closed');
    const totals = { ...others };
    for (const id of mine ?? []) totals[id] = (totals[id] ?? 0) + 1;
    // Ranking: Borda points on the poll's scale (docs/poll.md): of k places, the first gets k.
    const ids = poll.groups?.flatMap((g) => g.options.map((o) => o.id)) ?? [];
    const places = Math.min(poll.maxChoices ?? ids.length, ids.length);
    const scores = poll.mode === 'ranking' ? { ...Object.fromEntries(ids.map((id) => [id, 0])), ...options.scores } : undefined;
    if (scores) (mine ?? []).forEach((id, i) => (scores[id] = (scores[id] ?? 0) + places - i));
    return {
      id: poll.id,
      status,
      opensAt: poll.opensAt ?? null,
      closesAt: poll.closesAt ?? null,
      ...(visible ? { totals, voters: otherVoters + (mine ? 1 : 0), ...(scores ? { scores } : {}) } : {}),
      updatedAt: new Date().toISOString(),
      ...(mine ? { myChoices: mine } : {}),
    };
  };
  const event = (s: PollSnapshot) => encoder.encode(`event: totals\ndata: ${JSON.stringify(s)}\n\n`);

  const handlers: RequestHandler[] = [
    http.get(`${base}/stream`, ({ request }) => {
      const voter = new URL(request.url).searchParams.get('voter') ?? '';
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          streams.add({ voter, controller });
          controller.enqueue(encoder.encode('retry: 3000\n'));
          controller.enqueue(event(snapshot(voter)));
        },
      });
      return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } });
    }),
    http.get(base, ({ request }) => {
      const s = snapshot(new URL(request.url).searchParams.get('voter'));
      const etag = `"${s.voters ?? 0}-${JSON.stringify(s.totals ?? {}).length}-${s.status}"`;
      if (request.headers.get('If-None-Match') === etag) return new HttpResponse(null, { status: 304, headers: { ETag: etag } });
      return HttpResponse.json(s, { headers: { ETag: etag } });
    }),
    // The widget tells a CORS refusal from a network failure with an opaque GET here (src/net/request.ts).
    http.get(`${base}/votes`, () => (options.post === 'network' ? HttpResponse.error() : new HttpResponse(null, { status: 405 }))),
    http.post(`${base}/votes`, async ({ request }) => {
      await delay(400);
      if (options.post === 'network') return HttpResponse.error();
      if (options.post === 409 || options.post === 429) {
        return HttpResponse.json(
          { error: { code: codes[options.post], message: codes[options.post] } },
          { status: options.post, headers: options.post === 429 ? { 'Retry-After': '30' } : {} },
        );
      }
      const { voter, choices } = (await request.json()) as { voter: string; choices: string[] };
      votes.set(voter, choices);
      for (const client of streams) {
        try {
          client.controller.enqueue(event(snapshot(client.voter)));
        } catch {
          streams.delete(client); // that page went away
        }
      }
      return HttpResponse.json(snapshot(voter));
    }),
  ];
  return { src: served.src, handlers: [...handlers, ...served.handlers] };
}
