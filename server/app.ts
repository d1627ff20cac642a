import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiErrorCode } from '../src/contract/errors.js';
import { ApiError, errorBody } from './errors.js';
import type { FeedCatalog } from './feed-catalog.js';
import { PollService } from './poll-service.js';
import type { OneTimeLinks } from './admin/one-time-links.js';
import { adminPlugin } from './routes/admin.js';
import { QuestionService } from './question-service.js';
import { QuestionHub } from './question-stream.js';
import { DEFAULT_QUESTION_RATE, questionRoutes } from './routes/questions.js';
import { assetRoutes } from './routes/assets.js';
import { feedRoutes } from './routes/feeds.js';
import { pollRoutes } from './routes/polls.js';
import { SseHub } from './sse.js';
import type { Store } from './storage/store.js';

export interface AppOptions {
  catalog: FeedCatalog;
  /** Owned by the app from now on: closed when the app closes. */
  store: Store;
  /** Static site served at `/`. */
  siteDir?: string;
  /** Allowed origins; `['*']` (the default) allows any page to embed the widgets. */
  corsOrigins?: string[];
  /** Votes per minute per client address. */
  voteRatePerMinute?: number;
  /** Questions per minute per client address (`<civic-questions>`). */
  questionRatePerMinute?: number;
  /** Enables `/api/admin/*`; usually `process.env.CIVIC_ADMIN_TOKEN`. */
  adminToken?: string;
  /** One-time sign-in links for the console (`serve` prints one when no token was set). */
  signInLinks?: OneTimeLinks;
  /** `--vote-url`: the page where visitors vote, shown and encoded by the presenter view. */
  voteUrl?: string;
  /** Take the client address from the last `X-Forwarded-For` entry (behind one load balancer). */
  trustProxy?: boolean;
  /** SSE heartbeat period; shorten it for proxies that drop streams idle for less than 30 s. */
  sseHeartbeatMs?: number;
  /** The clock that opens and closes polls. */
  now?: () => number;
  /** Fastify's logger: the CLI logs warnings and errors (a 500's cause) to stdout. */
  logger?: boolean | { level: string };
  /** Connection timeouts (tests shorten them); defaults in docs/server.md. */
  timeouts?: Partial<ServerTimeouts>;
}

/** How long a client may take, in milliseconds. None applies to an SSE stream once it is answered. */
export interface ServerTimeouts {
  /** From the first byte to the last byte of the request (headers and body). */
  requestMs: number;
  /** From the first byte to the end of the headers: a slow-headers attack is cut this early. */
  headersMs: number;
  /** An idle keep-alive connection between two requests. */
  keepAliveMs: number;
  /** A connection on which nothing moves at all (a client that stops reading its answer). */
  idleMs: number;
}

const DEFAULT_TIMEOUTS: ServerTimeouts = {
  requestMs: 30_000,
  headersMs: 10_000,
  // Longer than the 60 s idle timeout of common load balancers, so that they close first and never
  // send a request on a connection this server is closing.
  keepAliveMs: 65_000,
  idleMs: 120_000,
};

/** Generous: a whole office behind one NAT address may vote in the same minute. */
export const DEFAULT_VOTE_RATE = 600;
const BODY_LIMIT = 16 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Never shorter than the request timeout: it would cut a slow request without the 408 that says why.
    connectionTimeout: Math.max(timeouts.idleMs, timeouts.requestMs + 1000),
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      // Node checks the request and headers timeouts this often (30 s by default, which would let a
      // stalled body hold its connection for up to twice the request timeout).
      connectionsCheckingInterval: Math.max(20, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
      // Node would answer a missing Host with an empty 400; the hook below answers it in our shape.
      requireHostHeader: false,
    },
    // One hop: the address the load balancer appended. Those before it are whatever the client sent,
    // and trusting them would let anyone pick a new address per request and escape the vote rate limit.
    // (A function: this Fastify reads a bare hop count as "trust nothing".)
    trustProxy: options.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    // Strict types: `"choices": "a"` is an error, not a one-element array.
    ajv: { customOptions: { coerceTypes: false, allErrors: false } },
    // Fastify answers these itself, before any route, in its own shape: a URL that is not valid
    // percent-encoding (`/api/polls/%`), and requests the HTTP parser cannot read.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
    clientErrorHandler,
  });
  const service = await PollService.create(options.catalog, options.store, options.now);
  const hub = new SseHub(service, options.sseHeartbeatMs);
  const questions = new QuestionService(options.catalog, options.store, options.now);
  const questionHub = new QuestionHub(questions, options.sseHeartbeatMs);

  answerOddRequestsInOurShape(app);

  // A ballot sent as text/plain is a "simple" CORS request: the browser skips the preflight.
  // Both parsers accept a leading byte-order mark, deliberately (secure-json-parse strips it): some
  // HTTP clients (PowerShell, .NET) add one, and it is only an encoding marker. docs/server.md says so.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('not-found', `nothing at ${request.method} ${request.url.split('?')[0]}`));
  });

  const origins = options.corsOrigins?.length ? options.corsOrigins : ['*'];
  await app.register(cors, {
    origin: origins.includes('*') ? '*' : origins,
    // PUT and DELETE: a question's upvote (preflighted; the answer is cached for maxAge).
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    exposedHeaders: ['ETag', 'Date'],
    maxAge: 86_400,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate-limited', `too many votes from this address; try again in ${Math.ceil(context.ttl / 1000)} s`),
  });

  await app.register(feedRoutes, { catalog: options.catalog });
  await app.register(pollRoutes, { service, hub, voteRatePerMinute: options.voteRatePerMinute ?? DEFAULT_VOTE_RATE });
  await app.register(adminPlugin, { service, questions, token: options.adminToken, signInLinks: options.signInLinks, voteUrl: options.voteUrl, now: options.now });
  await app.register(questionRoutes, {
    service: questions,
    hub: questionHub,
    questionRatePerMinute: options.questionRatePerMinute ?? DEFAULT_QUESTION_RATE,
    upvoteRatePerMinute: options.voteRatePerMinute ?? DEFAULT_VOTE_RATE,
  });
  await app.register(assetRoutes, { catalog: options.catalog, siteDir: options.siteDir });

  // Streams never end by themselves: end them first, or closing would wait for them forever.
  app.addHook('preClose', async () => {
    hub.close();
    questionHub.close();
  });
  app.addHook('onClose', async () => options.store.close());
  return app;
}

/**
 * Requests that Node or a plugin would otherwise answer in plain text, with an empty body, or not at
 * all: every error answer has the `{ error: { code, message } }` shape.
 */
function answerOddRequestsInOurShape(app: FastifyInstance): void {
  // Before the CORS plugin's hook (hooks run in the order they are added), which answers these two
  // with a plain-text "Invalid Preflight Request".
  app.addHook('onRequest', async (request, reply) => {
    if (!request.headers.host && request.raw.httpVersion !== '1.0') {
      return reply.code(400).header('Connection', 'close').send(errorBody('invalid-request', 'an HTTP/1.1 request needs a Host header'));
    }
    if (request.method === 'OPTIONS' && (!request.headers.origin || !request.headers['access-control-request-method'])) {
      return reply
        .code(400)
        .send(errorBody('invalid-request', 'a CORS preflight needs the Origin and Access-Control-Request-Method headers'));
    }
  });
  // `Expect: 100-continue` is answered by Node; any other expectation cannot be met.
  app.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const body = JSON.stringify(errorBody('invalid-request', `cannot meet the expectation "${request.headers.expect}"`));
    response.writeHead(417, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), Connection: 'close' });
    response.end(body);
  });
  // This is not a proxy. Without a listener Node closes the connection without a word.
  app.server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    writeRawError(socket, 405, 'method-not-allowed', 'CONNECT is not supported: this is not a proxy', 'Allow: GET, POST, OPTIONS\r\n');
  });
}

function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  // The client has gone: there is nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'the request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'the request took too long to arrive']
        : [400, 'the request is not valid HTTP'];
  writeRawError(socket, status, 'invalid-request', message);
}

/** An error answer written straight to the socket (there is no request object), then the socket closed. */
function writeRawError(socket: Duplex, status: number, code: ApiErrorCode, message: string, extraHeaders = ''): void {
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n${extraHeaders}Connection: close\r\n\r\n${body}`,
    );
  }
  // end() lets the answer go out first; a client that never reads it must not keep the socket.
  setTimeout(() => socket.destroy(), 1000).unref();
}

function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ApiError) return reply.code(error.statusCode).send(errorBody(error.code, error.message));
  if (error.validation) return reply.code(400).send(errorBody('invalid-request', error.message));
  const status = error.statusCode ?? 500;
  if (status === 413) return reply.code(413).send(errorBody('body-too-large', 'the request body is too large'));
  if (status === 415) return reply.code(415).send(errorBody('unsupported-media-type', 'send application/json'));
  if (status >= 400 && status < 500) return reply.code(status).send(errorBody('invalid-request', error.message));
  request.log.error({ err: error });
  return reply.code(500).send(errorBody('internal-error', 'the server could not answer; try again'));
}
