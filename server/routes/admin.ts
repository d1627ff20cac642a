import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { votesCsv } from '../export/votes-csv.js';
import type { PollService } from '../poll-service.js';

const params = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 128 } } } as const;
const exportQuery = { type: 'object', properties: { format: { type: 'string', enum: ['json', 'csv'] } } } as const;

/**
 * `/api/admin/*`, only when a token is configured (otherwise these routes do not exist: 404), and
 * then only with `Authorization: Bearer <token>`.
 */
export function adminRoutes(app: FastifyInstance, service: PollService, token: string | undefined): void {
  if (!token) return;
  const expected = Buffer.from(`Bearer ${token}`);
  const authorize = async (request: FastifyRequest): Promise<void> => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError(401, 'unauthorized', 'send Authorization: Bearer <CIVIC_ADMIN_TOKEN>');
    }
  };
  app.register(async (admin) => {
    admin.addHook('onRequest', authorize);
    admin.addHook('onSend', async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
    });
    admin.get('/api/admin/polls', async () => ({ polls: await service.list() }));
    for (const action of ['open', 'close', 'reset'] as const) {
      admin.post<{ Params: { id: string } }>(`/api/admin/polls/:id/${action}`, { schema: { params } }, async (request) => {
        const id = request.params.id;
        if (action === 'reset') return service.reset(id);
        return service.setOverride(id, action === 'open' ? 'open' : 'closed');
      });
    }
    admin.get<{ Params: { id: string }; Querystring: { format?: 'json' | 'csv' } }>(
      '/api/admin/polls/:id/export',
      { schema: { params, querystring: exportQuery } },
      async (request, reply) => {
        const data = await service.export(request.params.id);
        if (request.query.format !== 'csv') return data;
        return reply
          .type('text/csv; charset=utf-8')
          .header('Content-Disposition', `attachment; filename="${data.id}.csv"`)
          .send(votesCsv(service, data));
      },
    );
  });
}
