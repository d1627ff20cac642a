import type { FastifyInstance } from 'fastify';
import { VOTER_ID } from '../../src/contract/patterns.js';
import { ApiError } from '../errors.js';
import { etagOf } from '../feed-catalog.js';
import type { PollService } from '../poll-service.js';
import type { SseHub } from '../sse.js';

const VOTER = VOTER_ID;

const params = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 128 } } } as const;
const voterQuery = { type: 'object', properties: { voter: { type: 'string', pattern: VOTER } } } as const;
const voteBody = {
  type: 'object',
  required: ['voter', 'choices'],
  properties: {
    voter: { type: 'string', pattern: VOTER },
    choices: { type: 'array', maxItems: 256, items: { type: 'string', maxLength: 128 } },
  },
} as const;

/** Ballots are tiny; anything bigger is a mistake or an attack. */
export const VOTE_BODY_LIMIT = 4096;

interface PollRequest {
  Params: { id: string };
  Querystring: { voter?: string };
}

export function pollRoutes(app: FastifyInstance, service: PollService, hub: SseHub, voteRatePerMinute: number): void {
  // An unknown poll is a 404 before anything else is said about the request.
  const knownPoll = async (request: { params: unknown }): Promise<void> => {
    service.entry((request.params as { id: string }).id);
  };

  app.get<PollRequest>('/api/polls/:id', { schema: { params, querystring: voterQuery }, preValidation: knownPoll }, async (request, reply) => {
    const body = JSON.stringify(await service.view(request.params.id, request.query.voter));
    const etag = etagOf(body);
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.post<{ Params: { id: string }; Body: { voter: string; choices: string[] } }>(
    '/api/polls/:id/votes',
    {
      schema: { params, body: voteBody },
      bodyLimit: VOTE_BODY_LIMIT,
      preValidation: knownPoll,
      config: { rateLimit: { max: voteRatePerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return service.vote(request.params.id, request.body.voter, request.body.choices);
    },
  );

  app.get<PollRequest>(
    '/api/polls/:id/stream',
    // Fastify would answer HEAD with this handler: headers, then a stream that never ends and never
    // carries a byte, so a link checker or monitoring probe hangs. HEAD gets a 405 below instead.
    { schema: { params, querystring: voterQuery }, preValidation: knownPoll, exposeHeadRoute: false },
    async (request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        // Proxies such as nginx would otherwise hold the events back in their buffers.
        'X-Accel-Buffering': 'no',
        Connection: 'keep-alive',
      });
      reply.raw.socket?.setNoDelay(true);
      // The idle timeout is for clients that stall; a stream is quiet between events by design.
      reply.raw.socket?.setTimeout(0);
      try {
        await hub.open(request.params.id, reply.raw, request.query.voter);
      } catch (error) {
        // Headers are gone already; ending the stream makes the browser reconnect after `retry`.
        request.log.error({ err: error });
        reply.raw.end();
      }
    },
  );

  app.head('/api/polls/:id/stream', async (_request, reply) => {
    reply.header('Allow', 'GET');
    throw new ApiError(405, 'method-not-allowed', 'the stream answers GET only');
  });
}
