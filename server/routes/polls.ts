import type { FastifyPluginAsync } from 'fastify';
import { etagOf } from '../feed-catalog.js';
import type { PollService } from '../poll-service.js';
import type { SseHub } from '../sse.js';
import { pollSchema, VOTE_BODY_LIMIT, voteSchema, type PollRequest, type VoteRequest } from './polls.schemas.js';
import { refuseHead, serveEventStream } from './stream-route.js';

export interface PollRoutesOptions {
  service: PollService;
  hub: SseHub;
  voteRatePerMinute: number;
}

/** The poll API (docs/server.md): a poll's snapshot, its votes and its event stream. */
export const pollRoutes: FastifyPluginAsync<PollRoutesOptions> = async (app, { service, hub, voteRatePerMinute }) => {
  // An unknown poll is a 404 before anything else is said about the request.
  const knownPoll = async (request: { params: unknown }): Promise<void> => {
    service.entry((request.params as PollRequest['Params']).id);
  };

  app.get<PollRequest>('/api/polls/:id', { schema: pollSchema, preValidation: knownPoll }, async (request, reply) => {
    const body = JSON.stringify(await service.view(request.params.id, request.query.voter));
    const etag = etagOf(body);
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.post<VoteRequest>(
    '/api/polls/:id/votes',
    {
      schema: voteSchema,
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
    { schema: pollSchema, preValidation: knownPoll, exposeHeadRoute: false },
    async (request, reply) => {
      await serveEventStream(request, reply, (res) => hub.open(request.params.id, res, request.query.voter));
    },
  );

  refuseHead(app, '/api/polls/:id/stream');
};
