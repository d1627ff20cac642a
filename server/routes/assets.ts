import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { ApiError } from '../errors.js';
import { etagOf, type FeedCatalog } from '../feed-catalog.js';
import { packageRoot } from '../package-root.js';

/** What `vite build` writes to dist/ (see vite.config.ts), each served at the root. */
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
const BUNDLES = ['civic-widgets.js', ...LANGUAGES.flatMap((lang) => [`civic-widgets.${lang}.js`, `civic-countdown.${lang}.js`])];

/**
 * The script-tag bundles (`/civic-widgets.js`, the one-language `/civic-widgets.fr.js` and the
 * countdown-only `/civic-countdown.fr.js`), and the site (or a small index) at `/`.
 */
export interface AssetRoutesOptions {
  catalog: FeedCatalog;
  /** Static site served at `/`; without one, `/` answers a JSON index of the feeds and polls. */
  siteDir: string | undefined;
}

export const assetRoutes: FastifyPluginAsync<AssetRoutesOptions> = async (app, { catalog, siteDir }) => {
  // Read and hashed again only when a file changes, so that a rebuild shows up without a restart.
  const bundles = new Map<string, { mtimeMs: number; body: string; etag: string }>();
  const serveBundle = (name: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const path = join(packageRoot, 'dist', name);
    const { mtimeMs } = await stat(path).catch(() => {
      throw new ApiError(404, 'not-found', `${name} is not built: run npm run build`);
    });
    let bundle = bundles.get(name);
    if (bundle?.mtimeMs !== mtimeMs) {
      const body = await readFile(path, 'utf8');
      bundle = { mtimeMs, body, etag: etagOf(body) };
      bundles.set(name, bundle);
    }
    const { body, etag } = bundle;
    reply.header('Access-Control-Allow-Origin', '*').header('ETag', etag).header('Cache-Control', 'public, max-age=300');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('text/javascript; charset=utf-8').send(body);
  };
  for (const name of BUNDLES) app.get(`/${name}`, serveBundle(name));

  if (siteDir) {
    const realRoot = await realpath(siteDir).catch(() => siteDir);
    await app.register(fastifyStatic, {
      root: siteDir,
      prefix: '/',
      index: 'index.html',
      wildcard: true,
      decorateReply: false,
      // `/agenda` for a folder `agenda/`: its index.html with relative links that resolve (as /agenda/).
      redirect: true,
      // @fastify/static serves dotfiles by default: a site folder copied from a CMS or a checkout
      // brings its .env, .htpasswd or .git/ along. Only .well-known is meant for the public.
      allowedPath: (pathname) => isPublicPath(pathname.split(/[/\\]/)),
      // A symlink inside the folder may point anywhere on the disk, or at a dotfile inside it
      // (`env.txt → .env`, `public → .git`): serve only what lies inside and is public once resolved.
      onFile: async (path) => {
        const inside = relative(realRoot, await realpath(path));
        if (inside.startsWith('..') || isAbsolute(inside) || !isPublicPath(inside.split(sep))) {
          throw new ApiError(404, 'not-found', 'nothing at this path');
        }
      },
    });
    return;
  }
  app.get('/', async () => ({
    feeds: [...catalog.feeds.keys()].map((name) => `/feeds/${name}.json`),
    polls: [...catalog.polls.keys()].map((id) => `/api/polls/${id}`),
  }));
};

/** A dotfile or dot-folder anywhere in the path is private; only .well-known is meant for the public. */
function isPublicPath(segments: readonly string[]): boolean {
  return !segments.some((segment) => segment.startsWith('.') && segment !== '.well-known');
}
