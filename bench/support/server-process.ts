import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(import.meta.url), '../../..');

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point (through tsx) as its own process; resolves once it prints "listening on <url>". */
export async function startProcess(entry: string, args: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, entry), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise<string>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (process.env.BENCH_DEBUG) process.stdout.write(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolvePromise(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${output}`)));
  });
  return {
    origin,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/**
 * A folder with one feed holding one open single-choice poll, `bench`, with options a, b, c, and
 * whatever else `extra` adds to the feed (question boards, say).
 */
export function benchFeeds(extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'civic-bench-feeds-'));
  const options = ['a', 'b', 'c'].map((id) => ({ id, text: `Option ${id}` }));
  const feed = {
    version: 1,
    event: { id: 'bench', title: 'Bench', timeZone: 'UTC' },
    sessions: [],
    polls: [{ id: 'bench', title: 'Bench', mode: 'single', groups: [{ id: 'g', title: 'G', options }] }],
    ...extra,
  };
  writeFileSync(join(dir, 'bench.json'), JSON.stringify(feed));
  return dir;
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'civic-bench-db-')), 'bench.db');
}
