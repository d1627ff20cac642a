import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../errors.js';
import type { FeedCatalog } from '../feed-catalog.js';
import { feedSchema, type FeedRequest } from './feeds.schemas.js';

export interface FeedRoutesOptions {
  catalog: FeedCatalog;
}

/** The feeds of the catalog at `/feeds/<name>.json`, with `ETag` and a short cache. */
export const feedRoutes: FastifyPluginAsync<FeedRoutesOptions> = async (app, { catalog }) => {
  app.get<FeedRequest>('/feeds/:file', { schema: feedSchema }, async (request, reply) => {
    const served = catalog.feeds.get(request.params.file.replace(/\.json$/, ''));
    if (!served || !request.params.file.endsWith('.json')) throw new ApiError(404, 'not-found', `no feed ${request.url}`);
    reply.header('ETag', served.etag).header('Cache-Control', 'public, max-age=60');
    if (request.headers['if-none-match'] === served.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(served.body);
  });
};
