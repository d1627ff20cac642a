import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, errorBody } from './errors.js';
import type { FeedCatalog } from './feed-catalog.js';
import { PollService } from './poll-service.js';
import { QuestionService } from './question-service.js';
import { QuestionHub } from './question-stream.js';
import { adminQuestionRoutes } from './routes/admin-questions.js';
import { DEFAULT_QUESTION_RATE, questionRoutes } from './routes/questions.js';
import { adminRoutes } from './routes/admin.js';
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
  /** Take the client address from the last `X-Forwarded-For` entry (behind one load balancer). */
  trustProxy?: boolean;
  /** SSE heartbeat period; shorten it for proxies that drop streams idle for less than 30 s. */
  sseHeartbeatMs?: number;
  /** The clock that opens and closes polls. */
  now?: () => number;
  /** Fastify's logger: the CLI logs warnings and errors (a 500's cause) to stdout. */
  logger?: boolean | { level: string };
}

/** Generous: a whole office behind one NAT address may vote in the same minute. */
export const DEFAULT_VOTE_RATE = 600;
const BODY_LIMIT = 16 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
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

  // A ballot sent as text/plain is a "simple" CORS request: the browser skips the preflight.
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

  feedRoutes(app, options.catalog);
  pollRoutes(app, service, hub, options.voteRatePerMinute ?? DEFAULT_VOTE_RATE);
  adminRoutes(app, service, options.adminToken);
  await app.register(questionRoutes, {
    service: questions,
    hub: questionHub,
    questionRatePerMinute: options.questionRatePerMinute ?? DEFAULT_QUESTION_RATE,
    upvoteRatePerMinute: options.voteRatePerMinute ?? DEFAULT_VOTE_RATE,
  });
  await app.register(adminQuestionRoutes, { service: questions, token: options.adminToken });
  await assetRoutes(app, options.catalog, options.siteDir);

  // Streams never end by themselves: end them first, or closing would wait for them forever.
  app.addHook('preClose', async () => {
    hub.close();
    questionHub.close();
  });
  app.addHook('onClose', async () => options.store.close());
  return app;
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
  const body = JSON.stringify(errorBody('invalid-request', message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
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
