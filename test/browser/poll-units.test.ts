import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { pollBase } from '../../src/poll/poll-client.js';
import { withVote, shareOf } from '../../src/poll/tally.js';
import { pollStatus } from '../../src/contract/poll-rules.js';
import { voterId } from '../../src/poll/voter-id.js';
import { sendVote, voteState } from '../../src/poll/vote-queue.js';
import type { Poll } from '../../src/contract/types.js';
import { FakePollApi, installApi, resetNetwork, townHallPoll } from './poll-support.js';

describe('poll building blocks', () => {
  afterEach(() => {
    sinon.restore();
    resetNetwork();
    localStorage.clear();
  });

  it('voter id: random, URL-safe, kept in localStorage', () => {
    const id = voterId();
    expect(id).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    expect(localStorage.getItem('civic-widgets:voter')).to.equal(id);
    expect(voterId()).to.equal(id);
    localStorage.clear();
    localStorage.setItem('civic-widgets:voter', 'bad id!');
    const fresh = voterId();
    expect(fresh).to.match(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('voter id: stays the same in memory when storage is blocked', () => {
    sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('blocked', 'SecurityError'));
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('blocked', 'SecurityError'));
    const id = voterId();
    expect(id).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    expect(voterId()).to.equal(id);
  });

  it('a vote that fails while storage is blocked is still kept (in memory)', async () => {
    sinon.stub(Storage.prototype, 'getItem').throws(new DOMException('blocked', 'SecurityError'));
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('blocked', 'SecurityError'));
    sinon.stub(Storage.prototype, 'removeItem').throws(new DOMException('blocked', 'SecurityError'));
    const base = `https://polls.test/blocked-${Date.now()}/budget`;
    const api = new FakePollApi(townHallPoll());
    api.postReplies.push('network');
    installApi(base, api);
    const failed = await sendVote(base, 'voter-blocked-1', ['pool']).catch((e: Error) => e);
    expect(failed).to.have.property('code', 'network');
    expect(voteState(base).choices).to.deep.equal(['pool']);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => api.votes.has('voter-blocked-1'), 'the retry sends it');
    await waitUntil(() => voteState(base).choices === undefined, 'no longer pending once it landed');
  });

  it('a vote that fails while storage is full is still kept, and sent on the retry', async () => {
    const realSetItem = Storage.prototype.setItem;
    // The origin's quota is used up (by the host page, or by cached feeds): only the queue's writes fail.
    sinon.stub(Storage.prototype, 'setItem').callsFake(function (this: Storage, key: string, value: string) {
      if (key === 'civic-widgets:pending-votes') throw new DOMException('full', 'QuotaExceededError');
      realSetItem.call(this, key, value);
    });
    const base = `https://polls.test/full-${Date.now()}/budget`;
    const api = new FakePollApi(townHallPoll());
    api.postReplies.push('network');
    installApi(base, api);
    const failed = await sendVote(base, 'voter-full-1', ['pool']).catch((e: Error) => e);
    expect(failed).to.have.property('code', 'network');
    expect(voteState(base).choices, 'still pending').to.deep.equal(['pool']);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => api.votes.has('voter-full-1'), 'the retry sends it');
    expect(api.posts.map((p) => p.body)).to.deep.equal([api.posts[0]!.body, api.posts[0]!.body]);
    await waitUntil(() => voteState(base).choices === undefined, 'no longer pending once it landed');
  });

  /** A poll API where the POST numbered `slow` (0-based) is slow to reach the application. */
  class SlowPost extends FakePollApi {
    /** POSTs that reached the server, including one still held up on its way to the application. */
    arrived = 0;
    constructor(private readonly slow: number) {
      super(townHallPoll());
    }
    override async handle(url: URL, init: RequestInit = {}): Promise<Response> {
      if (init.method === 'POST' && this.arrived++ === this.slow) await new Promise((r) => setTimeout(r, 150));
      return super.handle(url, init);
    }
  }

  it('a change of mind sent while the first vote is still on the wire is the one the server keeps', async () => {
    // If the second POST overtook the first (congested conference Wi-Fi), the server would end
    // with the choice the visitor abandoned.
    const base = `https://polls.test/overtake-${Date.now()}/budget`;
    const api = new SlowPost(0);
    installApi(base, api);
    const first = sendVote(base, 'voter-overtake-1', ['trees']);
    const second = sendVote(base, 'voter-overtake-1', ['pool']);
    await Promise.all([first, second]);
    expect(api.votes.get('voter-overtake-1')).to.deep.equal(['pool']);
    expect(voteState(base).choices).to.be.undefined;
  });

  it('a change of mind sent while a retry is on the wire is the one the server keeps', async () => {
    const base = `https://polls.test/overtake-retry-${Date.now()}/budget`;
    const api = new SlowPost(1);
    api.postReplies.push('network');
    installApi(base, api);
    await sendVote(base, 'voter-overtake-2', ['trees']).catch(() => undefined);
    window.dispatchEvent(new Event('online')); // the retry of "trees" goes out, slowly
    await waitUntil(() => api.arrived === 2);
    await sendVote(base, 'voter-overtake-2', ['pool']);
    await waitUntil(() => !voteState(base).choices && api.posts.length === 3);
    await new Promise((r) => setTimeout(r, 200)); // past the slow POST's delay
    expect(api.votes.get('voter-overtake-2')).to.deep.equal(['pool']);
  });

  it('a poll whose server stays unreachable does not hold back the retry of another poll’s vote', async () => {
    // An earlier event's poll server is gone for good; today's poll only had a network blip.
    const gone = `https://polls.test/gone-${Date.now()}/budget`;
    const today = `https://polls.test/today-${Date.now()}/budget`;
    const goneApi = new FakePollApi(townHallPoll());
    const todayApi = new FakePollApi(townHallPoll());
    goneApi.postReplies.push(...Array<'network'>(20).fill('network'));
    todayApi.postReplies.push('network');
    installApi(gone, goneApi);
    installApi(today, todayApi);
    await sendVote(gone, 'voter-two-polls', ['trees']).catch(() => undefined);
    await sendVote(today, 'voter-two-polls', ['pool']).catch(() => undefined);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => todayApi.votes.has('voter-two-polls'), 'today’s vote is retried', { timeout: 1500 });
    expect(voteState(gone).choices, 'the other vote is still kept').to.deep.equal(['trees']);
  });

  it('the API base is the poll endpoint, else the feed origin', () => {
    const poll = { id: 'q 1' } as Poll;
    expect(pollBase(poll, 'https://city.example/feeds/x.json')).to.equal('https://city.example/api/polls/q%201');
    expect(pollBase({ ...poll, endpoint: 'https://votes.example/p/' }, 'https://city.example/x.json')).to.equal('https://votes.example/p');
  });

  it('status by the clock', () => {
    const at = Date.parse('2026-06-18T12:00:00Z');
    expect(pollStatus({ opensAt: '2026-06-18T12:00:01Z', closesAt: null }, at)).to.equal('scheduled');
    expect(pollStatus({ opensAt: '2026-06-18T12:00:00Z', closesAt: '2026-06-18T12:00:00Z' }, at)).to.equal('closed');
    expect(pollStatus({ opensAt: null, closesAt: '2026-06-18T12:00:01Z' }, at)).to.equal('open');
  });

  it('optimistic totals: a change of mind moves a vote, a first vote adds a voter', () => {
    const base = { id: 'p', status: 'open' as const, opensAt: null, closesAt: null, updatedAt: null, totals: { a: 2, b: 1 }, voters: 3 };
    const first = withVote(base, ['b']);
    expect([first.totals, first.voters]).to.deep.equal([{ a: 2, b: 2 }, 4]);
    const change = withVote({ ...first, myChoices: ['b'] }, ['a']);
    expect([change.totals, change.voters]).to.deep.equal([{ a: 3, b: 1 }, 4]);
    expect(shareOf(3, change)).to.equal(3 / 4);
    expect(withVote({ ...base, totals: undefined }, ['a']).totals).to.be.undefined;
  });
});
