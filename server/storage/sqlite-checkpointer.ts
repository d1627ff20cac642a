import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const CHECKPOINT_MS = 500;

// A checkpoint copies the WAL into the database file and fsyncs it: tens of milliseconds on a slow
// disk. Done by SQLite's auto-checkpoint, it would run inside a vote's commit, on the event loop,
// and stall every request in flight. This thread does it instead, on its own connection.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} }, workerData.every);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(TRUNCATE)'); } catch {}
  db.close();
  parentPort.postMessage('closed');
});
`;

/** Checkpoints `file`'s WAL every half second from a worker thread; `stop()` does a last full one. */
export function startCheckpointer(file: string): { stop(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, every: CHECKPOINT_MS } });
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
