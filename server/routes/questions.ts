import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ApiError } from '../errors.js';
import { etagOf } from '../feed-catalog.js';
import type { QuestionService } from '../question-service.js';
import type { QuestionHub } from '../question-stream.js';
import { boardParams, questionBody, upvoteParams, voterQuery } from './questions.schemas.js';
import { refuseHead, serveEventStream } from './stream-route.js';

/** A question is at most 280 characters; anything much bigger is a mistake or an attack. */
export const QUESTION_BODY_LIMIT = 4096;
/** Questions per minute per client address: a room behind one NAT address asks a few each. */
export const DEFAULT_QUESTION_RATE = 120;

export interface QuestionRoutesOptions {
  service: QuestionService;
  hub: QuestionHub;
  /** Questions per minute per client address. */
  questionRatePerMinute: number;
  /** Upvotes per minute per client address (the poll's vote rate). */
  upvoteRatePerMinute: number;
}

interface BoardRequest {
  Params: { id: string };
  Querystring: { voter?: string };
}

interface UpvoteRequest {
  Params: { id: string; questionId: string; voter: string };
}

/** The question API under `/api/questions/<id>` (docs/server.md). */
export const questionRoutes: FastifyPluginAsync<QuestionRoutesOptions> = async (app, { service, hub, questionRatePerMinute, upvoteRatePerMinute }) => {
  // An unknown board is a 404 before anything else is said about the request.
  const knownBoard = async (request: { params: unknown }): Promise<void> => {
    service.entry((request.params as { id: string }).id);
  };
  const noStore = (reply: FastifyReply) => reply.header('Cache-Control', 'no-store');

  app.get<BoardRequest>('/api/questions/:id', { schema: { params: boardParams, querystring: voterQuery }, preValidation: knownBoard }, async (request, reply) => {
    const body = JSON.stringify(await service.snapshot(request.params.id, request.query.voter));
    const etag = etagOf(body);
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.post<{ Params: { id: string }; Body: { voter: string; text: string; name?: string } }>(
    '/api/questions/:id',
    {
      schema: { params: boardParams, body: questionBody },
      bodyLimit: QUESTION_BODY_LIMIT,
      preValidation: knownBoard,
      config: {
        rateLimit: {
          max: questionRatePerMinute,
          timeWindow: 60_000,
          errorResponseBuilder: (_request, context) =>
            new ApiError(429, 'rate-limited', `too many questions from this address; try again in ${Math.ceil(context.ttl / 1000)} s`),
        },
      },
    },
    async (request, reply) => {
      const { voter, text, name } = request.body;
      const { created, ...receipt } = await service.ask(request.params.id, voter, text, name);
      // 201 for a new question; 200 for a retry of one that had landed (same id, nothing written).
      return noStore(reply).code(created ? 201 : 200).send(receipt);
    },
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route<UpvoteRequest>({
      method,
      url: '/api/questions/:id/:questionId/votes/:voter',
      schema: { params: upvoteParams },
      preValidation: knownBoard,
      config: { rateLimit: { max: upvoteRatePerMinute, timeWindow: 60_000 } },
      handler: async (request, reply) => {
        const { id, questionId, voter } = request.params;
        noStore(reply);
        return service.upvote(id, questionId, voter, method === 'PUT');
      },
    });
  }

  app.get<BoardRequest>(
    '/api/questions/:id/stream',
    // HEAD would get headers and a stream that never ends (see the poll stream): 405 below instead.
    { schema: { params: boardParams }, preValidation: knownBoard, exposeHeadRoute: false },
    async (request, reply) => {
      await serveEventStream(request, reply, (res) => hub.open(request.params.id, res));
    },
  );

  refuseHead(app, '/api/questions/:id/stream');
};
