import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { StoreChange } from '../../server/storage/store.js';
import { openStore, type Store } from '../../server/storage/store.js';
import { storeKinds, testDatabase, voterId, waitUntil, type TestDatabase } from './support.js';

const postgres = storeKinds().includes('postgres');

/**
 * A TCP relay in front of the real PostgreSQL that the test can cut, as a network outage or a
 * database restart would: open connections are dropped and new ones refused until it is restored.
 */
class Outage {
  private readonly sockets = new Set<Socket>();
  private down = false;
  readonly server: Server;

  constructor(target: URL) {
    this.server = createServer((client) => {
      if (this.down) return void client.destroy();
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }
}

describe('PostgreSQL store through an outage', { skip: !postgres && 'DATABASE_URL_TEST is not set' }, () => {
  let db: TestDatabase;
  let outage: Outage;
  let relayed: Store;
  let direct: Store;
  const heard: StoreChange[] = [];

  before(async () => {
    db = testDatabase('postgres');
    const url = new URL(db.databaseUrl!);
    outage = new Outage(url);
    const relayedUrl = new URL(url);
    relayedUrl.host = `127.0.0.1:${await outage.listen()}`;
    relayed = await openStore({ databaseUrl: relayedUrl.href, sqliteFile: db.sqliteFile });
    relayed.onChange((change) => heard.push(change));
    direct = await openStore({ databaseUrl: db.databaseUrl, sqliteFile: db.sqliteFile });
  });

  after(async () => {
    await relayed.close();
    await direct.close();
    outage.server.close();
    await db.drop();
  });

  it('keeps trying to LISTEN again for as long as PostgreSQL is away, then hears changes again', async () => {
    outage.cut();
    // Longer than the first retries: a listener that gives up after one failed attempt stays deaf.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    assert.ok(!heard.some((change) => change.kind === 'external'), 'no reconnection while PostgreSQL is unreachable');
    outage.restore();
    const refreshed = () => heard.some((change) => change.kind === 'external');
    await waitUntil(refreshed, 10_000);
    assert.ok(refreshed(), 'the listener reconnected and asked for a refresh');

    const voter = voterId(7);
    await direct.vote('after-outage', voter, ['a']);
    const heardVote = () => heard.some((change) => change.kind === 'vote' && change.pollId === 'after-outage');
    await waitUntil(heardVote, 3000);
    assert.ok(heardVote(), 'a vote made through another connection is heard again');
  });
});
