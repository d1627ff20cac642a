// Seeded hostile HTTP requests against a real server (issue 18): malformed and huge bodies, wrong
// types, traversal and encodings, dotfiles and symlinks in --site, method confusion, raw framing, slow
// and stalled bodies. Used by test/server/fuzz-requests.test.ts (2,000 in CI) and bench/fuzz-requests.ts.
import { connect } from 'node:net';

/** Small, fast and reproducible: the same seed gives the same requests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Kind = 'body' | 'path' | 'method' | 'cors' | 'raw' | 'slow';

export interface HostileRequest {
  kind: Kind;
  /** A short description, for the failure message. */
  label: string;
  method: string;
  chunks: (string | Buffer)[];
  /** Pause between chunks (slow clients). */
  pauseMs?: number;
}

/** Strings that must never appear in an answer: the contents of the dotfiles and of the file outside. */
export const SECRETS = ['SECRET-DOTENV-7f3a', 'SECRET-GITCONFIG-91c2', 'SECRET-OUTSIDE-5be0', 'SECRET-HTPASSWD-0d4e'];

const POLLS = ['single', 'multi', 'timed', 'after-vote', 'nope', '__proto__', 'constructor', '%00', '..%2f..%2fetc', 'x'.repeat(300), '%', '%E0%A4%A'];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain;charset=UTF-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json;;;',
  'APPLICATION/JSON',
  '',
  'text/html',
  'application/xml',
];
const PATHS = [
  '/',
  '/index.html',
  '/agenda',
  '/agenda/',
  '/feeds/demo.json',
  '/feeds/nope.json',
  '/feeds/demo',
  '/feeds/..%2fdemo.json',
  '/civic-widgets.js',
  '/api/polls/single',
  '/api/polls/single?voter=voter-000001-abcd',
  '/api/polls/single?voter[]=a&voter=b',
  '/api/polls/single?voter=%00%00%00%00%00%00%00%00',
  '/api/polls/nope',
  '/api/polls/',
  '/api/polls',
  '/api/admin/polls',
  '/api/admin/polls/single/export?format=csv',
  '/.env',
  '/%2eenv',
  '/%2Eenv',
  '/.env%00.txt',
  '/.htpasswd',
  '/.git/config',
  '/.git/',
  '/.git',
  '/%2egit/config',
  '/.%67it/config',
  '/env.txt',
  '/config.txt',
  '/public/config',
  '/public/',
  '/public',
  '/leak.txt',
  '/elsewhere/secret.txt',
  '/agenda/../.env',
  '/agenda/%2e%2e/.env',
  '/agenda/..%2f.env',
  '/agenda/..%5c.env',
  '/../../etc/passwd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/..%2f..%2fetc%2fpasswd',
  '/..%5c..%5cetc%5cpasswd',
  '/%252e%252e/%252e%252e/etc/passwd',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '/%e0%80%ae%e0%80%ae/etc/passwd',
  '//etc/passwd',
  '/\\..\\..\\etc\\passwd',
  '/.well-known/security.txt',
  '/.well-known/../.env',
  '/%',
  '/%zz',
  '/%00',
  '/index.html%00.json',
  '/index.html/',
  '/index.html;.env',
  '/?' + 'a'.repeat(5000),
  '/' + 'a/'.repeat(2000),
  '/%F0%9F%92%A9',
  '/\u00e9',
  '/api/polls/single/stream',
  '/api/polls/single/votes',
  '/api/polls/single/stream?voter=bad',
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'get', 'FOO', 'M-SEARCH', 'PURGE', 'LINK'];

const voterOf = (random: () => number) => `voter-${Math.floor(random() * 1e6).toString().padStart(6, '0')}-fuzz`;

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function request(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): (string | Buffer)[] {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: fuzz.test', 'Connection: close'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body !== undefined) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  const head = `${lines.join('\r\n')}\r\n\r\n`;
  return body === undefined ? [head] : [head, body];
}

function ballotBody(random: () => number): string | Buffer {
  const voter = voterOf(random);
  const choices = ['a', 'b', 'c', 'd', 'e'].filter(() => random() < 0.4);
  const valid = JSON.stringify({ voter, choices });
  const variants: (() => string | Buffer)[] = [
    () => valid,
    () => valid.slice(0, Math.floor(random() * valid.length)),
    () => `\ufeff${valid}`,
    () => JSON.stringify({ voter: pick(random, [42, null, [], {}, true, '', 'short', 'x'.repeat(65), '<script>', 'a b c d e f g h']), choices }),
    () => JSON.stringify({ voter, choices: pick(random, ['a', 42, null, {}, [['a']], [null], [42], Array(300).fill('a'), ['a', 'a'], ['zz'], [], ['x'.repeat(200)]]) }),
    () => JSON.stringify({ voter, choices, extra: 'x'.repeat(Math.floor(random() * 3000)) }),
    () => `{"__proto__":{"polluted":true},"voter":"${voter}","choices":["a"]}`,
    () => `{"constructor":{"prototype":{"polluted":true}},"voter":"${voter}","choices":["a"]}`,
    () => 'x'.repeat(pick(random, [5000, 20_000, 200_000])),
    () => `{"voter":"${voter}","choices":["${'a'.repeat(pick(random, [5000, 20_000]))}"]}`,
    () => '['.repeat(pick(random, [100, 3000])) + ']'.repeat(100),
    () => Buffer.from(Array.from({ length: 64 }, () => Math.floor(random() * 256))),
    () => Buffer.from(valid, 'utf16le'),
    () => `{"voter":"${voter}","choices":["\\ud800"]}`,
    () => '',
    () => 'null',
    () => '1e999',
    () => `{"voter":"${voter}","voter":"other-voter-1","choices":["a"]}`,
  ];
  return pick(random, variants)();
}

function rawFraming(random: () => number): HostileRequest {
  const body = JSON.stringify({ voter: voterOf(random), choices: ['a'] });
  const post = 'POST /api/polls/single/votes HTTP/1.1\r\nHost: fuzz.test\r\nContent-Type: application/json\r\n';
  const cases: [string, (string | Buffer)[]][] = [
    ['chunk size 2^64', [`${post}Transfer-Encoding: chunked\r\n\r\n10000000000000000\r\n{}\r\n0\r\n\r\n`]],
    ['chunk size ffffffffffffffff', [`${post}Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{}\r\n0\r\n\r\n`]],
    ['chunk size not hex', [`${post}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`]],
    ['chunk extension', [`${post}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body.length.toString(16)};ext=1\r\n${body}\r\n0\r\n\r\n`]],
    ['CL and TE', [`${post}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`]],
    ['two Content-Length', [`${post}Content-Length: 5\r\nContent-Length: 6\r\n\r\n{}`]],
    ['negative Content-Length', [`${post}Content-Length: -1\r\n\r\n{}`]],
    ['Content-Length with letters', [`${post}Content-Length: 12abc\r\n\r\n{}`]],
    ['huge Content-Length', [`${post}Content-Length: 99999999999999999999\r\n\r\n{}`]],
    ['TE gzip', [`${post}Transfer-Encoding: gzip\r\n\r\n{}`]],
    ['TE chunked, identity', [`${post}Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n`]],
    ['no Host', ['GET /api/polls/single HTTP/1.1\r\nConnection: close\r\n\r\n']],
    ['two Hosts', ['GET /api/polls/single HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n']],
    ['HTTP/1.0 no Host', ['GET /api/polls/single HTTP/1.0\r\n\r\n']],
    ['HTTP/0.9', ['GET /\r\n\r\n']],
    ['HTTP/2 preface', ['PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n']],
    ['HTTP/3.0', ['GET / HTTP/3.0\r\nHost: x\r\n\r\n']],
    ['CONNECT', ['CONNECT fuzz.test:443 HTTP/1.1\r\nHost: fuzz.test:443\r\n\r\n']],
    ['absolute URI', ['GET http://evil.example/.env HTTP/1.1\r\nHost: fuzz.test\r\nConnection: close\r\n\r\n']],
    ['asterisk', ['OPTIONS * HTTP/1.1\r\nHost: fuzz.test\r\nConnection: close\r\n\r\n']],
    ['header without colon', ['GET / HTTP/1.1\r\nHost: fuzz.test\r\nBroken header\r\n\r\n']],
    ['obs-fold', ['GET / HTTP/1.1\r\nHost: fuzz.test\r\nX-A: a\r\n b\r\nConnection: close\r\n\r\n']],
    ['NUL in header', ['GET / HTTP/1.1\r\nHost: fuzz.test\r\nX-A: a\u0000b\r\n\r\n']],
    ['bare LF', ['GET /api/polls/single HTTP/1.1\nHost: fuzz.test\nConnection: close\n\n']],
    ['huge header', [`GET / HTTP/1.1\r\nHost: fuzz.test\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]],
    ['many headers', [`GET / HTTP/1.1\r\nHost: fuzz.test\r\n${'X-A: a\r\n'.repeat(3000)}\r\n`]],
    ['Expect: x', ['GET /api/polls/single HTTP/1.1\r\nHost: fuzz.test\r\nExpect: x\r\nConnection: close\r\n\r\n']],
    ['Expect: 100-continue', [`${post}Expect: 100-continue\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`, body]],
    ['pipelined', ['GET /api/polls/single HTTP/1.1\r\nHost: fuzz.test\r\n\r\nGET /.env HTTP/1.1\r\nHost: fuzz.test\r\n\r\nGET /nope HTTP/1.1\r\nHost: fuzz.test\r\nConnection: close\r\n\r\n']],
    ['smuggled after body', [`${post}Content-Length: ${body.length}\r\n\r\n${body}GET /.env HTTP/1.1\r\nHost: fuzz.test\r\nConnection: close\r\n\r\n`]],
    ['garbage', [Buffer.from(Array.from({ length: 200 }, () => Math.floor(random() * 256)))]],
    ['TLS hello', [Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03])]],
    ['lowercase method', ['get / HTTP/1.1\r\nHost: fuzz.test\r\nConnection: close\r\n\r\n']],
    ['space in path', ['GET /a b HTTP/1.1\r\nHost: fuzz.test\r\nConnection: close\r\n\r\n']],
    ['tab in path', ['GET /a\tb HTTP/1.1\r\nHost: fuzz.test\r\nConnection: close\r\n\r\n']],
    ['long URL', [`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: fuzz.test\r\n\r\n`]],
  ];
  const [label, chunks] = pick(random, cases);
  return { kind: 'raw', label, method: 'RAW', chunks };
}

/** One hostile request; `slowShare` is the share of slow and stalled ones (each takes up to the request timeout). */
export function hostileRequest(random: () => number, slowShare: number): HostileRequest {
  const roll = random();
  if (roll < slowShare) {
    const body = JSON.stringify({ voter: voterOf(random), choices: ['b'] });
    const head = 'POST /api/polls/single/votes HTTP/1.1\r\nHost: fuzz.test\r\nContent-Type: application/json\r\nConnection: close\r\n';
    const cases: HostileRequest[] = [
      { kind: 'slow', label: 'stalled body', method: 'POST', chunks: [`${head}Content-Length: 100\r\n\r\n${body.slice(0, 10)}`] },
      { kind: 'slow', label: 'stalled headers', method: 'GET', chunks: ['GET /api/polls/single HTTP/1.1\r\nHost: fuzz.test\r\nX-Slow: '] },
      { kind: 'slow', label: 'stalled request line', method: 'GET', chunks: ['GET /api/pol'] },
      { kind: 'slow', label: 'stalled chunked body', method: 'POST', chunks: [`${head}Transfer-Encoding: chunked\r\n\r\n10\r\n{"voter"`] },
      {
        kind: 'slow',
        label: 'slow but in time',
        method: 'POST',
        chunks: [`${head}Content-Length: ${body.length}\r\n\r\n`, body.slice(0, 10), body.slice(10, 20), body.slice(20)],
        pauseMs: 60,
      },
    ];
    return pick(random, cases);
  }
  const share = (roll - slowShare) / (1 - slowShare);
  if (share < 0.3) {
    const poll = pick(random, POLLS);
    const type = pick(random, CONTENT_TYPES);
    return {
      kind: 'body',
      label: `POST ${poll} (${type || 'no type'})`,
      method: 'POST',
      chunks: request('POST', `/api/polls/${poll}/votes`, type ? { 'Content-Type': type } : {}, ballotBody(random)),
    };
  }
  if (share < 0.55) {
    const method = random() < 0.8 ? 'GET' : 'HEAD';
    const path = pick(random, PATHS);
    const headers: Record<string, string> = random() < 0.3 ? { 'If-None-Match': pick(random, ['*', '"x"', 'W/"y"', '']) } : {};
    if (random() < 0.2) headers.Authorization = pick(random, ['Bearer wrong', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer fuzz-admin-token-0123456789']);
    return { kind: 'path', label: `${method} ${path.slice(0, 80)}`, method, chunks: request(method, path, headers) };
  }
  if (share < 0.72) {
    const method = pick(random, METHODS);
    const path = pick(random, PATHS);
    const body = random() < 0.5 ? JSON.stringify({ voter: voterOf(random), choices: ['a'] }) : undefined;
    return { kind: 'method', label: `${method} ${path.slice(0, 80)}`, method, chunks: request(method, path, body ? { 'Content-Type': 'application/json' } : {}, body) };
  }
  if (share < 0.8) {
    const headers: Record<string, string> = {};
    if (random() < 0.7) headers.Origin = pick(random, ['https://city.example', 'null', '*', 'javascript:alert(1)', '', 'https://evil.example\r\nX-Injected: 1'.replace(/\r\n/g, ' ')]);
    if (random() < 0.6) headers['Access-Control-Request-Method'] = pick(random, ['POST', 'GET', 'DELETE', 'CONNECT', '', 'post']);
    if (random() < 0.4) headers['Access-Control-Request-Headers'] = pick(random, ['content-type', 'authorization', 'x-' + 'a'.repeat(500), '']);
    const path = pick(random, ['/api/polls/single/votes', '/api/polls/single', '/feeds/demo.json', '/.env', '/nope', '/api/admin/polls']);
    return { kind: 'cors', label: `OPTIONS ${path} ${Object.keys(headers).join(',')}`, method: 'OPTIONS', chunks: request('OPTIONS', path, headers) };
  }
  return rawFraming(random);
}

export interface ParsedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The answers in `bytes` (several for pipelined requests); HEAD answers have no body. */
export function parseAnswers(bytes: Buffer, method: string): ParsedAnswer[] {
  const answers: ParsedAnswer[] = [];
  let at = 0;
  while (at < bytes.length) {
    const end = bytes.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const [statusLine, ...lines] = bytes.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine!)?.[1]);
    if (!status) break;
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    at = end + 4;
    let body = '';
    if (status === 100) continue;
    if (method === 'HEAD' || status === 204 || status === 304) {
      // no body
    } else if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      body = bytes.subarray(at, at + length).toString('utf8');
      at += length;
    } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = bytes.indexOf('\r\n', at);
        if (lineEnd < 0) break;
        const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
        at = lineEnd + 2;
        if (!size) {
          at += 2;
          break;
        }
        parts.push(bytes.subarray(at, at + size));
        at += size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    } else {
      body = bytes.subarray(at).toString('utf8');
      at = bytes.length;
    }
    answers.push({ status, headers, body });
  }
  return answers;
}

export interface Outcome {
  request: HostileRequest;
  answers: ParsedAnswer[];
  /** Everything received, for the leak check. */
  raw: string;
  /** Still open (and not a stream) when the deadline came. */
  hung: boolean;
  ms: number;
}

/** Sends one request over its own connection and waits for the server to close it, or `deadlineMs`. */
export function send(origin: string, hostile: HostileRequest, deadlineMs: number): Promise<Outcome> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const started = Date.now();
    const received: Buffer[] = [];
    let done = false;
    const socket = connect(Number(port), hostname, async () => {
      for (const [i, chunk] of hostile.chunks.entries()) {
        if (i > 0 && hostile.pauseMs) await new Promise((wait) => setTimeout(wait, hostile.pauseMs));
        if (done || !socket.writable) return;
        socket.write(chunk);
      }
    });
    const finish = (hung: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const bytes = Buffer.concat(received);
      resolve({ request: hostile, answers: parseAnswers(bytes, hostile.method), raw: bytes.toString('utf8'), hung, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(true), deadlineMs);
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      // An event stream never ends by design: its first event is the answer.
      const text = Buffer.concat(received).toString('latin1');
      if (/content-type: text\/event-stream/i.test(text) && /\n\n/.test(text.slice(text.indexOf('\r\n\r\n') + 4))) finish(false);
    });
    socket.on('error', () => {});
    socket.on('close', () => finish(false));
  });
}

export interface Problem {
  label: string;
  kind: Kind;
  what: 'hang' | 'no answer' | '5xx' | 'non-JSON error' | 'leak';
  detail: string;
}

/** What is wrong with one outcome (nothing, usually). */
export function problemsOf(outcome: Outcome): Problem[] {
  const { request, answers, raw, hung } = outcome;
  const problem = (what: Problem['what'], detail: string): Problem => ({ label: request.label, kind: request.kind, what, detail });
  const problems: Problem[] = [];
  if (hung) problems.push(problem('hang', `still open after ${outcome.ms} ms`));
  else if (!answers.length) problems.push(problem('no answer', `closed after ${outcome.ms} ms with ${JSON.stringify(raw.slice(0, 80))}`));
  for (const secret of SECRETS) if (raw.includes(secret)) problems.push(problem('leak', secret));
  for (const answer of answers) {
    if (answer.status >= 500) problems.push(problem('5xx', `${answer.status} ${answer.body.slice(0, 200)}`));
    if (answer.status < 400 || request.method === 'HEAD') continue;
    const json = /^application\/json/i.test(answer.headers['content-type'] ?? '') ? tryParse(answer.body) : undefined;
    const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
      problems.push(problem('non-JSON error', `${answer.status} ${answer.headers['content-type'] ?? '(no type)'} ${JSON.stringify(answer.body.slice(0, 120))}`));
    }
  }
  return problems;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export interface FuzzReport {
  requests: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  problems: Problem[];
  ms: number;
}

/** Sends `count` seeded hostile requests, `concurrency` at a time, and tallies what came back. */
export async function fuzzRequests(
  origin: string,
  { count, seed, concurrency = 16, slowShare = 0.03, deadlineMs }: { count: number; seed: number; concurrency?: number; slowShare?: number; deadlineMs: number },
): Promise<FuzzReport> {
  const random = seededRandom(seed);
  // Generated up front, in order, so that the run does not depend on the order answers arrive in.
  const requests = Array.from({ length: count }, () => hostileRequest(random, slowShare));
  const report: FuzzReport = { requests: count, byKind: {}, byStatus: {}, problems: [], ms: 0 };
  const started = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const outcome = await send(origin, requests[next++]!, deadlineMs);
      report.byKind[outcome.request.kind] = (report.byKind[outcome.request.kind] ?? 0) + 1;
      const statuses = outcome.answers.length ? outcome.answers.map((answer) => String(answer.status)) : [outcome.hung ? 'hang' : 'none'];
      for (const status of statuses) report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
      report.problems.push(...problemsOf(outcome));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  report.ms = Date.now() - started;
  return report;
}

/** The table the issue asks for: requests by kind, status codes, and each kind of problem. */
export function formatReport(report: FuzzReport, seed: number): string {
  const count = (what: Problem['what']) => report.problems.filter((problem) => problem.what === what).length;
  const rows = [
    `hostile requests: ${report.requests} (seed ${seed}) in ${(report.ms / 1000).toFixed(1)} s`,
    `by kind:     ${Object.entries(report.byKind).sort().map(([kind, n]) => `${kind} ${n}`).join(' · ')}`,
    `status:      ${Object.entries(report.byStatus).sort().map(([status, n]) => `${status}×${n}`).join(' ')}`,
    `5xx: ${count('5xx')} · non-JSON errors: ${count('non-JSON error')} · leaks: ${count('leak')} · hangs: ${count('hang')} · no answer: ${count('no answer')}`,
  ];
  for (const problem of report.problems.slice(0, 20)) rows.push(`  ${problem.what}: [${problem.kind}] ${problem.label}: ${problem.detail}`);
  return rows.join('\n');
}
