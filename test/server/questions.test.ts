import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BoardModeration, ModeratedQuestion } from '../../src/contract/admin.js';
import type { QuestionReceipt, QuestionsSnapshot, UpvoteReceipt } from '../../src/contract/questions.js';
import { ask, questionFeed, upvote } from './questions-support.js';
import { SseReader, startServer, storeKinds, testDatabase, voterId, type TestDatabase, type TestServer } from './support.js';

const OPENS = '2026-06-18T15:00:00+02:00';
const CLOSES = '2026-06-18T17:00:00+02:00';
const TOKEN = 'test-admin-token-0123456789';
const admin = { authorization: `Bearer ${TOKEN}` };

type ErrorBody = { error: { code: string; message: string } };

for (const kind of storeKinds()) {
  describe(`question API on ${kind}`, () => {
    let db: TestDatabase;
    let server: TestServer;
    let clock = Date.parse(OPENS) + 60_000;
    const url = (path: string) => `${server.origin}${path}`;
    const snapshot = async (board: string, voter?: string) =>
      (await (await fetch(url(`/api/questions/${board}${voter ? `?voter=${voter}` : ''}`))).json()) as QuestionsSnapshot;
    const moderate = (board: string, id: string, action: string) =>
      fetch(url(`/api/admin/questions/${board}/${encodeURIComponent(id)}/${action}`), { method: 'POST', headers: admin });

    before(async () => {
      db = testDatabase(kind);
      server = await startServer({ demo: questionFeed({ opensAt: OPENS, closesAt: CLOSES }) }, db, {
        adminToken: TOKEN,
        voteRatePerMinute: 1000,
        questionRatePerMinute: 1000,
        now: () => clock,
      });
    });
    after(async () => {
      await server.close();
      await db.drop();
    });

    it('answers 404 unknown-board for a board no feed names', async () => {
      const res = await fetch(url('/api/questions/nope'));
      assert.equal(res.status, 404);
      assert.equal(((await res.json()) as ErrorBody).error.code, 'unknown-board');
      const post = await ask(server.origin, 'nope', { voter: voterId(), text: 'Hello?' });
      assert.equal(post.status, 404);
    });

    it('publishes at once without moderation, with the name, and lists it with ETag and 304', async () => {
      const voter = voterId(1);
      const res = await ask(server.origin, 'open', { voter, text: '  How will the council meet online?\n', name: ' Ana ' });
      assert.equal(res.status, 201);
      const receipt = (await res.json()) as QuestionReceipt;
      assert.equal(receipt.status, 'published');
      const get = await fetch(url('/api/questions/open'));
      assert.equal(get.headers.get('access-control-allow-origin'), '*');
      const body = (await get.json()) as QuestionsSnapshot;
      assert.equal(body.status, 'open');
      const q = body.questions.find((x) => x.id === receipt.id)!;
      assert.equal(q.text, 'How will the council meet online?');
      assert.equal(q.name, 'Ana');
      assert.equal(q.votes, 0);
      assert.equal(q.answered, false);
      assert.ok(!Number.isNaN(Date.parse(q.createdAt)));
      const again = await fetch(url('/api/questions/open'), { headers: { 'if-none-match': get.headers.get('etag')! } });
      assert.equal(again.status, 304);
    });

    it('counts the same voter asking the same text twice once, and answers with the first id', async () => {
      const voter = voterId(2);
      const first = (await (await ask(server.origin, 'open', { voter, text: 'Same question?' })).json()) as QuestionReceipt;
      const res = await ask(server.origin, 'open', { voter, text: ' Same question?\n' });
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as QuestionReceipt).id, first.id);
      const other = (await (await ask(server.origin, 'open', { voter: voterId(3), text: 'Same question?' })).json()) as QuestionReceipt;
      assert.notEqual(other.id, first.id, 'another voter asking the same text is another question');
      const all = (await snapshot('open')).questions.filter((q) => q.text === 'Same question?');
      assert.equal(all.length, 2);
    });

    it('refuses empty, whitespace-only and too long text with their codes', async () => {
      for (const [text, code] of [
        ['', 'question-empty'],
        [' \n\t ', 'question-empty'],
        ['x'.repeat(281), 'question-too-long'],
      ] as const) {
        const res = await ask(server.origin, 'open', { voter: voterId(), text });
        assert.equal(res.status, 400, code);
        assert.equal(((await res.json()) as ErrorBody).error.code, code);
      }
      const res = await ask(server.origin, 'open', { voter: voterId(), text: '😀'.repeat(280) });
      assert.equal(res.status, 201, '280 emoji are 280 characters');
      const bad = await ask(server.origin, 'open', { voter: 'short', text: 'ok' });
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as ErrorBody).error.code, 'invalid-request');
    });

    it('keeps markup as plain text', async () => {
      const text = '<img src=x onerror=alert(1)> & "quotes"';
      const { id } = (await (await ask(server.origin, 'open', { voter: voterId(), text })).json()) as QuestionReceipt;
      assert.equal((await snapshot('open')).questions.find((q) => q.id === id)?.text, text);
    });

    it('holds a question for moderation: only its author sees it, as pending, until published', async () => {
      const voter = voterId(4);
      const res = await ask(server.origin, 'moderated', { voter, text: 'Pending until approved?' });
      assert.equal(res.status, 201);
      const { id, status } = (await res.json()) as QuestionReceipt;
      assert.equal(status, 'pending');
      assert.equal((await snapshot('moderated')).questions.length, 0);
      assert.equal((await snapshot('moderated', voterId(5))).questions.length, 0, 'another voter does not see it');
      const mine = (await snapshot('moderated', voter)).questions;
      assert.deepEqual(
        mine.map((q) => [q.id, q.pending]),
        [[id, true]],
      );
      const stream = new SseReader(url('/api/questions/moderated/stream'));
      await stream.waitFor(1);
      assert.deepEqual(stream.json(0).questions, []);
      assert.equal((await upvote(server.origin, 'moderated', id, voterId())).status, 404, 'a pending question cannot be upvoted');
      assert.equal((await moderate('moderated', id, 'publish')).status, 200);
      const published = await stream.until((data) => (data.questions as unknown[]).length === 1);
      assert.equal((published.questions as { id: string; pending?: boolean }[])[0]!.id, id);
      assert.equal((published.questions as { pending?: boolean }[])[0]!.pending, undefined);
      stream.close();
      assert.equal((await snapshot('moderated', voter)).questions[0]!.pending, undefined);
    });

    it('counts an upvote twice by one voter once; DELETE takes it back, idempotently', async () => {
      const { id } = (await (await ask(server.origin, 'open', { voter: voterId(), text: 'Upvote me?' })).json()) as QuestionReceipt;
      const voter = voterId(6);
      const first = (await (await upvote(server.origin, 'open', id, voter)).json()) as UpvoteReceipt;
      const second = (await (await upvote(server.origin, 'open', id, voter)).json()) as UpvoteReceipt;
      assert.deepEqual([first.votes, second.votes, second.upvoted], [1, 1, true]);
      await upvote(server.origin, 'open', id, voterId(7));
      const board = await snapshot('open', voter);
      assert.equal(board.questions.find((q) => q.id === id)?.votes, 2);
      assert.ok(board.upvoted?.includes(id));
      assert.equal(board.questions[0]!.id, id, 'the most upvoted question comes first');
      const off = (await (await upvote(server.origin, 'open', id, voter, false)).json()) as UpvoteReceipt;
      const offAgain = (await (await upvote(server.origin, 'open', id, voter, false)).json()) as UpvoteReceipt;
      assert.deepEqual([off.votes, offAgain.votes, offAgain.upvoted], [1, 1, false]);
      assert.ok(!(await snapshot('open', voter)).upvoted?.includes(id));
      assert.equal((await upvote(server.origin, 'open', 'no-such-question', voter)).status, 404);
    });

    it('answers 409 board-not-open before the board opens and after it closes', async () => {
      const voter = voterId();
      const { id } = (await (await ask(server.origin, 'timed', { voter, text: 'In time?' })).json()) as QuestionReceipt;
      clock = Date.parse(CLOSES) + 1;
      try {
        const res = await ask(server.origin, 'timed', { voter, text: 'Too late?' });
        assert.equal(res.status, 409);
        assert.equal(((await res.json()) as ErrorBody).error.code, 'board-not-open');
        assert.equal((await upvote(server.origin, 'timed', id, voter)).status, 409);
        assert.equal((await snapshot('timed')).status, 'closed');
        clock = Date.parse(OPENS) - 1;
        assert.equal((await snapshot('timed')).status, 'scheduled');
        assert.equal((await ask(server.origin, 'timed', { voter, text: 'Too early?' })).status, 409);
      } finally {
        clock = Date.parse(OPENS) + 60_000;
      }
    });

    it('limits questions per voter (5 a minute), but a retry of a question that landed still answers', async () => {
      const voter = voterId(8);
      for (let i = 0; i < 5; i++) assert.equal((await ask(server.origin, 'open', { voter, text: `Question ${i}?` })).status, 201);
      const res = await ask(server.origin, 'open', { voter, text: 'One too many?' });
      assert.equal(res.status, 429);
      assert.equal(((await res.json()) as ErrorBody).error.code, 'rate-limited');
      assert.equal((await ask(server.origin, 'open', { voter, text: 'Question 0?' })).status, 200);
      clock += 61_000;
      assert.equal((await ask(server.origin, 'open', { voter, text: 'One too many?' })).status, 201);
    });

    it('streams new questions and upvotes, coalesced, to every open stream', async () => {
      const streams = [new SseReader(url('/api/questions/open/stream')), new SseReader(url('/api/questions/open/stream'))];
      await Promise.all(streams.map((s) => s.waitFor(1)));
      assert.match(String(streams[0]!.headers['content-type']), /text\/event-stream/);
      assert.equal(streams[0]!.events[0]!.event, 'questions');
      const { id } = (await (await ask(server.origin, 'open', { voter: voterId(), text: 'Live?' })).json()) as QuestionReceipt;
      // A burst of upvotes: each stream sees the final count, in far fewer events than upvotes.
      await Promise.all(Array.from({ length: 30 }, (_, i) => upvote(server.origin, 'open', id, voterId(100 + i))));
      for (const stream of streams) {
        const last = await stream.until((data) => (data.questions as { id: string; votes: number }[]).some((q) => q.id === id && q.votes === 30));
        assert.equal(last.status, 'open');
        assert.ok(stream.events.length < 15, `${stream.events.length} events for 31 changes`);
        stream.close();
      }
    });

    it('sends a stream the whole list first, then only the questions that changed; a late stream gets the same list whole', async () => {
      const first = new SseReader(url('/api/questions/open/stream'));
      const whole = (await first.waitFor(1), first.json(0)) as unknown as QuestionsSnapshot;
      assert.ok(whole.questions.length >= 2, 'earlier tests left questions on the board');
      assert.equal(whole.partial, undefined);
      const target = whole.questions.at(-1)!;
      assert.equal((await upvote(server.origin, 'open', target.id, voterId())).status, 200);
      const change = (await first.until((data) => data.partial === true)) as unknown as QuestionsSnapshot;
      assert.deepEqual(change.questions, [{ ...target, votes: target.votes + 1 }], 'only the upvoted question, whole');
      assert.deepEqual(change.rejected, [], 'with the rejected ids');
      const late = new SseReader(url('/api/questions/open/stream'));
      await late.waitFor(1);
      const lateWhole = late.json(0) as unknown as QuestionsSnapshot;
      assert.equal(lateWhole.partial, undefined);
      assert.deepEqual(lateWhole.questions, (await snapshot('open')).questions, 'as GET says it now');
      first.close();
      late.close();
    });

    it('answers a CORS preflight for an upvote', async () => {
      const res = await fetch(url('/api/questions/open/x/votes/voter-000000'), {
        method: 'OPTIONS',
        headers: { origin: 'https://city.example', 'access-control-request-method': 'PUT' },
      });
      assert.equal(res.status, 204);
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /PUT/);
      assert.match(res.headers.get('access-control-allow-methods') ?? '', /DELETE/);
    });

    it('moderates with the admin token: list pending, reject, answer, pin, export CSV', async () => {
      assert.equal((await fetch(url('/api/admin/questions/moderated'))).status, 401);
      const a = (await (await ask(server.origin, 'moderated', { voter: voterId(), text: '=HYPERLINK("x") reject me' })).json()) as QuestionReceipt;
      const b = (await (await ask(server.origin, 'moderated', { voter: voterId(), text: 'Answer and pin me', name: 'Kim' })).json()) as QuestionReceipt;
      const pending = (await (await fetch(url('/api/admin/questions/moderated?status=pending'), { headers: admin })).json()) as {
        questions: { id: string }[];
      };
      assert.deepEqual(pending.questions.map((q) => q.id).sort(), [a.id, b.id].sort());
      assert.equal((await moderate('moderated', a.id, 'reject')).status, 200);
      for (const action of ['publish', 'answer', 'pin']) assert.equal((await moderate('moderated', b.id, action)).status, 200);
      assert.equal((await moderate('moderated', 'nope', 'pin')).status, 404);
      const board = await snapshot('moderated', voterId());
      const shown = board.questions.find((q) => q.id === b.id)!;
      assert.deepEqual([shown.answered, shown.pinned, shown.name], [true, true, 'Kim']);
      assert.ok(!board.questions.some((q) => q.id === a.id), 'a rejected question is never shown');
      const boards = (await (await fetch(url('/api/admin/questions'), { headers: admin })).json()) as { boards: { id: string; pending: number }[] };
      assert.equal(boards.boards.find((x) => x.id === 'moderated')?.pending, 0);
      const csv = await fetch(url('/api/admin/questions/moderated/export?format=csv'), { headers: admin });
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const text = await csv.text();
      assert.match(text, /^question_id,created_at,status,votes,answered,pinned,name,text,voter\r\n/);
      assert.ok(text.includes(`"'=HYPERLINK(""x"") reject me"`), 'a formula is defused and quoted');
      assert.ok(text.includes(',rejected,'));
    });

    it('moderates from a console session: CSRF token on every change, and the admin stream follows the queue', async () => {
      const signIn = await fetch(url('/api/admin/session'), {
        method: 'POST',
        headers: { origin: server.origin, 'content-type': 'application/json' },
        body: JSON.stringify({ token: TOKEN }),
      });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
      const { csrf } = (await signIn.json()) as { csrf: string };
      const stream = new SseReader(url('/api/admin/stream'), { cookie });
      const board = (test: (b: BoardModeration) => boolean) =>
        stream.until((data) => data.id === 'moderated' && test(data as unknown as BoardModeration)) as unknown as Promise<BoardModeration>;
      await board(() => true);
      assert.ok(!JSON.stringify(stream.events).includes('"voter"'), 'no voter id on the console stream');

      const { id } = (await (await ask(server.origin, 'moderated', { voter: voterId(), text: 'Seen by the console?' })).json()) as QuestionReceipt;
      const queued = await board((b) => b.questions.some((q) => q.id === id && q.status === 'pending'));
      assert.equal(queued.pending, queued.questions.filter((q) => q.status === 'pending').length);

      const publish = (headers: Record<string, string>) =>
        fetch(url(`/api/admin/questions/moderated/${id}/publish`), { method: 'POST', headers: { cookie, origin: server.origin, 'content-type': 'application/json', ...headers }, body: '{}' });
      assert.equal((await publish({})).status, 403, 'a change without the CSRF token is refused');
      assert.equal((await publish({ 'x-csrf-token': 'wrong' })).status, 403);
      assert.equal((await snapshot('moderated')).questions.some((q) => q.id === id), false, 'still pending');
      const answer = await publish({ 'x-csrf-token': csrf });
      assert.equal(answer.status, 200);
      const shown = (await answer.json()) as ModeratedQuestion;
      assert.deepEqual([shown.id, shown.status, 'voter' in shown], [id, 'published', false]);
      const change = await board((b) => b.questions.some((q) => q.id === id && q.status === 'published'));
      assert.deepEqual([change.partial, change.questions.map((q) => q.id)], [true, [id]], 'after the first, an event carries only what changed');
      assert.equal(change.published, (await snapshot('moderated')).questions.length, 'with the board’s full counts');
      assert.ok((await snapshot('moderated')).questions.some((q) => q.id === id));

      const unknown = await fetch(url(`/api/admin/questions/moderated/${id}/delete`), { method: 'POST', headers: admin });
      assert.equal(unknown.status, 400, 'an unknown action is a 400, not a silent no-op');
      assert.equal(((await unknown.json()) as ErrorBody).error.code, 'invalid-request');
      stream.close();
    });
  });
}

if (process.env.DATABASE_URL_TEST) {
  describe('questions across two server processes sharing PostgreSQL', () => {
    let db: TestDatabase;
    let a: TestServer;
    let b: TestServer;
    before(async () => {
      db = testDatabase('postgres');
      a = await startServer({ demo: questionFeed() }, db, { adminToken: TOKEN });
      b = await startServer({ demo: questionFeed() }, db, { adminToken: TOKEN });
    });
    after(async () => {
      await a.close();
      await b.close();
      await db.drop();
    });

    it('a question asked on one process and published on it reaches the streams of the other (LISTEN/NOTIFY)', async () => {
      const stream = new SseReader(`${b.origin}/api/questions/moderated/stream`);
      await stream.waitFor(1);
      const { id } = (await (await ask(a.origin, 'moderated', { voter: voterId(), text: 'Across processes?' })).json()) as QuestionReceipt;
      await fetch(`${a.origin}/api/admin/questions/moderated/${id}/publish`, { method: 'POST', headers: admin });
      const seen = await stream.until((data) => (data.questions as { id: string }[]).some((q) => q.id === id));
      assert.ok(seen);
      await upvote(a.origin, 'moderated', id, voterId());
      await stream.until((data) => (data.questions as { id: string; votes: number }[]).some((q) => q.id === id && q.votes === 1));
      const fromB = (await (await fetch(`${b.origin}/api/questions/moderated`)).json()) as QuestionsSnapshot;
      assert.equal(fromB.questions.find((q) => q.id === id)?.votes, 1, "process B's cached list was dropped by A's notification");
      stream.close();
    });
  });
}

describe('question rate per client address', () => {
  let db: TestDatabase;
  let server: TestServer;
  before(async () => {
    db = testDatabase('sqlite');
    server = await startServer({ demo: questionFeed() }, db, { questionRatePerMinute: 2 });
  });
  after(async () => {
    await server.close();
    await db.drop();
  });

  it('answers 429 rate-limited with Retry-After past --question-rate from one address, whatever the voters', async () => {
    for (let i = 0; i < 2; i++) assert.equal((await ask(server.origin, 'open', { voter: voterId(200 + i), text: `From one office ${i}?` })).status, 201);
    const res = await ask(server.origin, 'open', { voter: voterId(202), text: 'One too many from this address?' });
    assert.equal(res.status, 429);
    const { error } = (await res.json()) as ErrorBody;
    assert.equal(error.code, 'rate-limited');
    assert.match(error.message, /too many questions from this address/);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    const { questions } = (await (await fetch(`${server.origin}/api/questions/open`)).json()) as QuestionsSnapshot;
    assert.equal(questions.length, 2, 'the refused question was not stored');
  });
});
