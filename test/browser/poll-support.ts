// Network doubles for the poll's browser tests (the only place where the network is mocked): an
// in-memory poll API behind a sinon stub on window.fetch, and a fake EventSource on window.
import sinon from 'sinon';
import type { PollSnapshot } from '../../src/poll/poll-client.js';

let unique = 0;

export interface RawPoll {
  id: string;
  title: string | Record<string, string>;
  prompt?: string | Record<string, string>;
  mode: 'single' | 'multiple' | 'ranking';
  maxChoices?: number;
  results?: 'always' | 'after-vote' | 'after-close';
  opensAt?: string;
  closesAt?: string;
  endpoint?: string;
  groups: { id: string; title: string | Record<string, string>; options: { id: string; text: string | Record<string, string> }[] }[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A town-hall poll: two groups of two answers, open for the next hour. */
export function townHallPoll(overrides: Partial<RawPoll> = {}): RawPoll {
  return {
    id: 'budget',
    title: { en: 'Participatory budget', fr: 'Budget participatif', es: 'Presupuesto participativo', ar: 'الميزانية التشاركية' },
    prompt: { en: 'Where should the money go?', fr: 'Où mettre l’argent ?', es: '¿Dónde invertir?', ar: 'أين تُنفق الأموال؟' },
    mode: 'single',
    results: 'always',
    opensAt: iso(Date.now() - 3_600_000),
    closesAt: iso(Date.now() + 3_600_000),
    groups: [
      {
        id: 'streets',
        title: { en: 'Streets', fr: 'Rues', es: 'Calles', ar: 'الشوارع' },
        options: [
          { id: 'trees', text: { en: 'More trees', fr: 'Plus d’arbres', es: 'Más árboles', ar: 'أشجار أكثر' } },
          { id: 'bikes', text: { en: 'Bike lanes', fr: 'Pistes cyclables', es: 'Carriles bici', ar: 'مسارات الدراجات' } },
        ],
      },
      {
        id: 'services',
        title: { en: 'Services', fr: 'Services', es: 'Servicios', ar: 'الخدمات' },
        options: [
          { id: 'library', text: { en: 'Library hours', fr: 'Horaires de la bibliothèque', es: 'Horario de la biblioteca', ar: 'ساعات المكتبة' } },
          { id: 'pool', text: { en: 'Swimming pool', fr: 'Piscine', es: 'Piscina', ar: 'المسبح' } },
        ],
      },
    ],
    ...overrides,
  };
}

/** A feed (served for real by the fixture server) holding `poll`, with an endpoint no other test uses. */
export function pollFeed(poll: RawPoll): { src: string; base: string; poll: RawPoll } {
  const key = `poll${Date.now()}-${unique++}`;
  const withEndpoint = { ...poll, endpoint: poll.endpoint ?? `https://polls.test/${key}/${poll.id}` };
  const feed = {
    version: 1,
    languages: ['en', 'fr', 'es', 'ar'],
    event: { id: 'town-hall', title: 'Town hall', timeZone: 'Europe/Madrid' },
    sessions: [{ id: 'assembly', title: 'Assembly', start: iso(Date.now() - 3_600_000), end: iso(Date.now() + 3_600_000), poll: poll.id }],
    polls: [withEndpoint],
  };
  const src = `/__feed/local-democracy.json?${new URLSearchParams({ key, raw: JSON.stringify(feed) })}`;
  return { src, base: withEndpoint.endpoint, poll: withEndpoint };
}

export interface RawSession {
  id: string;
  start: number;
  end: number;
  poll: string;
}

/** A feed of several polls, each with its own session (or all in one live session). */
export function pollsFeed(polls: RawPoll[], sessions?: RawSession[]): { src: string; bases: Record<string, string>; polls: RawPoll[] } {
  const key = `polls${Date.now()}-${unique++}`;
  const withEndpoints = polls.map((poll) => ({ ...poll, endpoint: poll.endpoint ?? `https://polls.test/${key}/${poll.id}` }));
  const feed = {
    version: 1,
    languages: ['en', 'fr', 'es', 'ar'],
    event: { id: 'town-hall', title: 'Town hall', timeZone: 'Europe/Madrid' },
    sessions: (sessions ?? [{ id: 'assembly', start: Date.now() - 3_600_000, end: Date.now() + 3_600_000, poll: polls[0]!.id }]).map((s) => ({
      id: s.id,
      title: s.id,
      start: iso(s.start),
      end: iso(s.end),
      poll: s.poll,
    })),
    polls: withEndpoints,
  };
  const src = `/__feed/local-democracy.json?${new URLSearchParams({ key, raw: JSON.stringify(feed) })}`;
  return { src, bases: Object.fromEntries(withEndpoints.map((p) => [p.id, p.endpoint])), polls: withEndpoints };
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'network' | Promise<never>;

/** An in-memory poll API that follows the contract: replace-by-voter, results rules, ETag/304. */
export class FakePollApi {
  status: PollSnapshot['status'] = 'open';
  readonly votes = new Map<string, string[]>();
  readonly requests: { method: string; url: string; body?: string; ifNoneMatch?: string }[] = [];
  /** Replies to the next POSTs, in order, instead of the normal answer. */
  readonly postReplies: Reply[] = [];
  /** Lets a test hold a POST's answer until it calls `release()`. */
  hold = false;
  private held: (() => void)[] = [];
  updatedAt = Date.now();
  /** False: the server answers without CORS headers, so the browser refuses every answer. */
  cors = true;
  /** Set: every request gets this answer, as from a static host with no poll API. */
  staticHost?: { status: number; contentType: string; body: string };

  constructor(readonly poll: RawPoll) {}

  get posts() {
    return this.requests.filter((r) => r.method === 'POST');
  }

  totals(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const choices of this.votes.values()) for (const id of choices) totals[id] = (totals[id] ?? 0) + 1;
    return totals;
  }

  /** Borda points the long way: of k places, the first gets k, the last 1 (docs/poll.md). */
  scores(): Record<string, number> {
    const ids = this.poll.groups.flatMap((g) => g.options.map((o) => o.id));
    const places = Math.min(this.poll.maxChoices ?? ids.length, ids.length);
    const scores = Object.fromEntries(ids.map((id) => [id, 0]));
    for (const ranking of this.votes.values()) ranking.forEach((id, i) => (scores[id] = scores[id]! + places - i));
    return scores;
  }

  snapshot(voter?: string): PollSnapshot {
    const rule = this.poll.results ?? 'always';
    const mine = voter ? this.votes.get(voter) : undefined;
    const visible = rule === 'always' || (rule === 'after-vote' && !!mine) || (rule === 'after-close' && this.status === 'closed');
    return {
      id: this.poll.id,
      status: this.status,
      opensAt: this.poll.opensAt ?? null,
      closesAt: this.poll.closesAt ?? null,
      ...(visible ? { totals: this.totals(), voters: this.votes.size, ...(this.poll.mode === 'ranking' ? { scores: this.scores() } : {}) } : {}),
      updatedAt: new Date(this.updatedAt).toISOString(),
      ...(mine ? { myChoices: mine } : {}),
    };
  }

  etag(voter?: string): string {
    return `"${this.updatedAt}-${this.votes.size}-${voter ?? ''}-${JSON.stringify(this.snapshot(voter))}"`.replace(/[^\w"-]/g, '');
  }

  release(): void {
    this.hold = false;
    this.held.splice(0).forEach((go) => go());
  }

  async handle(url: URL, init: RequestInit = {}): Promise<Response> {
    const method = init.method ?? 'GET';
    // An opaque no-cors request gets through only to a server that answers without CORS headers.
    if (init.mode === 'no-cors') {
      if (this.cors) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 200 });
    }
    if (!this.cors) throw new TypeError('Failed to fetch');
    const headers = new Headers(init.headers);
    this.requests.push({ method, url: url.href, body: init.body as string | undefined, ifNoneMatch: headers.get('If-None-Match') ?? undefined });
    if (this.staticHost) {
      const { status, contentType, body } = this.staticHost;
      return new Response(body, { status, headers: { 'Content-Type': contentType } });
    }
    if (method === 'GET') {
      const voter = url.searchParams.get('voter') ?? undefined;
      const etag = this.etag(voter);
      if (headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
      return Response.json(this.snapshot(voter), { headers: { ETag: etag } });
    }
    if (this.hold) await new Promise<void>((go) => this.held.push(go));
    const reply = this.postReplies.shift();
    if (reply === 'network') throw new TypeError('Failed to fetch');
    if (reply) {
      const { status, body, headers: extra } = await reply;
      return Response.json(body ?? {}, { status, headers: extra });
    }
    const { voter, choices } = JSON.parse(init.body as string) as { voter: string; choices: string[] };
    if (this.status !== 'open') return Response.json({ error: { code: 'poll-not-open', message: 'closed' } }, { status: 409 });
    this.votes.set(voter, choices);
    this.updatedAt += 1000;
    return Response.json(this.snapshot(voter));
  }
}

/** Anything that answers requests like a server (the poll's and the question board's fakes). */
export interface FakeApi {
  handle(url: URL, init?: RequestInit): Promise<Response>;
}

const routes = new Map<string, FakeApi>();

/** Routes requests under `base` to `api`; everything else (the feed) goes to the real network. */
export function installApi(base: string, api: FakeApi): void {
  routes.set(base, api);
  if ((window.fetch as Partial<sinon.SinonStub>).restore) return;
  const realFetch = window.fetch.bind(window);
  sinon.stub(window, 'fetch').callsFake((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    for (const [prefix, target] of routes) if (url.href.startsWith(prefix)) return target.handle(url, init);
    return realFetch(input, init);
  });
}

export function resetNetwork(): void {
  routes.clear();
  restoreEventSource();
}

/** A fake EventSource that tests drive by hand. */
export class FakeEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readyState = 0;

  constructor(readonly url: string) {
    super();
    FakeEventSource.instances.push(this);
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }

  send(snapshot: PollSnapshot): void {
    this.readyState = FakeEventSource.OPEN;
    this.dispatchEvent(new MessageEvent('totals', { data: JSON.stringify(snapshot) }));
  }

  fail(): void {
    this.dispatchEvent(new Event('error'));
  }

  static for(base: string): FakeEventSource[] {
    return FakeEventSource.instances.filter((source) => source.url.startsWith(`${base}/stream?`));
  }
}

const realEventSource = window.EventSource;

export function installEventSource(): void {
  FakeEventSource.instances = [];
  (window as unknown as { EventSource: unknown }).EventSource = FakeEventSource;
}

export function restoreEventSource(): void {
  (window as unknown as { EventSource: unknown }).EventSource = realEventSource;
}
