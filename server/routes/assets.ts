import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../errors.js';
import { etagOf, type FeedCatalog } from '../feeds.js';
import { packageRoot } from '../package-root.js';

/** The single-file bundle at `/civic-widgets.js`, and the site (or a small index) at `/`. */
export async function assetRoutes(app: FastifyInstance, catalog: FeedCatalog, siteDir: string | undefined): Promise<void> {
  const bundlePath = join(packageRoot, 'dist', 'civic-widgets.js');
  app.get('/civic-widgets.js', async (request, reply) => {
    // Read on each request so that a rebuild shows up without a restart; the file is small.
    const body = await readFile(bundlePath, 'utf8').catch(() => {
      throw new ApiError(404, 'not-found', 'the bundle is not built: run npm run build');
    });
    const etag = etagOf(body);
    reply.header('Access-Control-Allow-Origin', '*').header('ETag', etag).header('Cache-Control', 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(body);
  });

  if (siteDir) {
    await app.register(fastifyStatic, { root: siteDir, prefix: '/', index: 'index.html', wildcard: true, decorateReply: false });
    return;
  }
  app.get('/', async () => ({
    feeds: [...catalog.feeds.keys()].map((name) => `/feeds/${name}.json`),
    polls: [...catalog.polls.keys()].map((id) => `/api/polls/${id}`),
  }));
}
