import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors.js';
import type { FeedCatalog } from '../feed-catalog.js';

export function feedRoutes(app: FastifyInstance, catalog: FeedCatalog): void {
  app.get<{ Params: { file: string } }>(
    '/feeds/:file',
    { schema: { params: { type: 'object', properties: { file: { type: 'string', maxLength: 200 } } } } },
    async (request, reply) => {
      const served = catalog.feeds.get(request.params.file.replace(/\.json$/, ''));
      if (!served || !request.params.file.endsWith('.json')) throw new ApiError(404, 'not-found', `no feed ${request.url}`);
      reply.header('ETag', served.etag).header('Cache-Control', 'public, max-age=60');
      if (request.headers['if-none-match'] === served.etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(served.body);
    },
  );
}
