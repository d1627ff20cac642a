import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COALESCE_MS, Coalescer } from '../../server/event-stream.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Coalescer (server/event-stream.ts)', () => {
  it('flushes again for a change that arrived while a flush was reading the store', async () => {
    const started: number[] = [];
    let release!: () => void;
    const coalescer = new Coalescer(async () => {
      started.push(Date.now());
      if (started.length === 1) await new Promise<void>((resolve) => (release = resolve));
    });
    coalescer.schedule();
    await sleep(20);
    assert.equal(started.length, 1, 'the leading edge flushes at once');
    coalescer.schedule();
    coalescer.schedule();
    release();
    await sleep(COALESCE_MS + 100);
    assert.equal(started.length, 2, 'one more flush for the changes during the first, not one each');
    assert.ok(started[1]! - started[0]! >= COALESCE_MS - 5, 'and no sooner than the coalescing window');
    coalescer.cancel();
  });

  it('goes on after a flush that throws', async () => {
    let calls = 0;
    const coalescer = new Coalescer(async () => {
      calls++;
      throw new Error('store unreachable');
    });
    coalescer.schedule();
    await sleep(20);
    coalescer.schedule();
    await sleep(COALESCE_MS + 50);
    assert.equal(calls, 2);
    coalescer.cancel();
  });
});
