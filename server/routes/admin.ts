import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PresentData, SessionInfo } from '../../src/contract/admin.js';
import { AdminStream } from '../admin/admin-stream.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '../admin/cookies.js';
import { checkCsrf, checkSameOrigin, ownOrigin } from '../admin/csrf.js';
import { feedReports } from '../admin/feed-report.js';
import type { OneTimeLinks } from '../admin/one-time-links.js';
import { ICON_SVG, PAGE_CSS, sendPage } from '../admin/pages.js';
import { qrSvg, shortUrl, voteUrlFor } from '../admin/qr.js';
import { safeEqual, SessionKeys, type Session } from '../admin/sessions.js';
import { ApiError } from '../errors.js';
import { votesCsv } from '../export/votes-csv.js';
import { packageRoot } from '../package-root.js';
import type { PollService } from '../poll-service.js';
import type { QuestionService } from '../question-service.js';
import { adminQuestionRoutes } from './admin-questions.js';
import { params, exportQuery, signInBody, presentParams, oneTimeQuery } from './admin.schemas.js';
import { serveEventStream } from './stream-route.js';

export interface AdminOptions {
  service: PollService;
  /** The question boards, moderated from the console and from `/api/admin/questions/*`. */
  questions: QuestionService;
  /** The admin token; without one, none of these routes exist (404). */
  token: string | undefined;
  /** The printed one-time sign-in links (`serve` without CIVIC_ADMIN_TOKEN). */
  signInLinks?: OneTimeLinks;
  /** `--vote-url`: where visitors vote; `{poll}` is replaced by the poll id. */
  voteUrl?: string;
  /** Sign-in attempts per minute per client address. */
  signInRatePerMinute?: number;
  now?: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    adminSession?: Session;
  }
}

/** Wrong tokens are guesses: a handful a minute is plenty for a person who mistyped. */
export const SIGN_IN_RATE = 10;

/**
 * The organizer's side of the server: the console at `/admin/`, the presenter view at
 * `/present/<pollId>`, and `/api/admin/*` (polls, feeds, question moderation), open to a signed-in console (session cookie, plus Origin
 * and X-CSRF-Token on every state change) or to scripts with `Authorization: Bearer <token>`.
 */
export const adminPlugin: FastifyPluginAsync<AdminOptions> = async (app, options) => {
  const { service, token } = options;
  if (!token) return;
  const now = options.now ?? Date.now;
  const keys = new SessionKeys(token, now);
  const stream = new AdminStream(service, options.questions);
  const bearer = `Bearer ${token}`;
  const signInLimit = { rateLimit: { max: options.signInRatePerMinute ?? SIGN_IN_RATE, timeWindow: 60_000 } };
  app.addHook('preClose', async () => stream.close());

  const startSession = (request: FastifyRequest, reply: FastifyReply) => {
    const { cookie, session } = keys.issue();
    setSessionCookie(request, reply, cookie, session.expiresAt - now());
    return session;
  };
  const sessionAnswer = (session: Session): SessionInfo => ({ expiresAt: new Date(session.expiresAt).toISOString(), csrf: session.csrf });

  // Pages and their script: public (they show nothing until signed in); the data they load is not.
  app.get('/admin', async (_request, reply) => reply.redirect('/admin/', 301));
  app.get('/admin/', async (request, reply) => sendPage(request, reply, 'console'));
  app.get<{ Params: { id: string } }>('/present/:id', { schema: { params: presentParams } }, async (request, reply) => {
    service.entry(request.params.id);
    return sendPage(request, reply, 'present', { poll: request.params.id });
  });
  app.get('/admin/console.js', async (_request, reply) => {
    const file = join(packageRoot, 'dist', 'admin', 'console.js');
    await stat(file).catch(() => {
      throw new ApiError(404, 'not-found', 'the console is not built: run npm run build');
    });
    return reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'no-cache').send(await readFile(file, 'utf8'));
  });
  app.get('/admin/page.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=300').send(PAGE_CSS));
  app.get('/admin/icon.svg', async (_request, reply) => reply.type('image/svg+xml').header('Cache-Control', 'public, max-age=86400').send(ICON_SVG));

  // What the presenter view shows is what visitors can see anyway: the poll's texts and where to vote.
  app.get<{ Params: { id: string } }>('/api/present/:id', { schema: { params: presentParams } }, async (request): Promise<PresentData> => {
    const { poll, feed } = service.entry(request.params.id);
    const ids = [...service.catalog.polls.keys()];
    const at = ids.indexOf(poll.id);
    const voteUrl = voteUrlFor(options.voteUrl, poll.id, feed.feed.event.url, ownOrigin(request));
    return {
      poll,
      languages: feed.feed.languages ?? [],
      event: feed.feed.event.title,
      voteUrl,
      shortUrl: shortUrl(voteUrl),
      qr: `/present/${encodeURIComponent(poll.id)}/qr.svg`,
      previous: ids[(at - 1 + ids.length) % ids.length] ?? null,
      next: ids[(at + 1) % ids.length] ?? null,
    };
  });
  app.get<{ Params: { id: string } }>('/present/:id/qr.svg', { schema: { params: presentParams } }, async (request, reply) => {
    const { poll, feed } = service.entry(request.params.id);
    const url = voteUrlFor(options.voteUrl, poll.id, feed.feed.event.url, ownOrigin(request));
    return reply.type('image/svg+xml').header('Cache-Control', 'no-cache').send(qrSvg(url));
  });

  // The printed link: its secret works once, then the browser lands on /admin/ with no secret in the URL.
  app.get<{ Querystring: { once: string } }>(
    '/admin/sign-in',
    { schema: { querystring: oneTimeQuery }, config: signInLimit },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store').header('Referrer-Policy', 'no-referrer');
      if (!options.signInLinks?.consume(request.query.once)) return reply.redirect('/admin/?link=expired', 303);
      startSession(request, reply);
      return reply.redirect('/admin/', 303);
    },
  );

  await app.register(async (api) => {
    api.addHook('onSend', async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
    });

    api.post<{ Body: { token: string } }>(
      '/api/admin/session',
      { schema: { body: signInBody }, config: signInLimit },
      async (request, reply) => {
        // A sign-in form posted from another site would sign the victim in as the attacker (login CSRF).
        checkSameOrigin(request);
        if (!safeEqual(`Bearer ${request.body.token}`, bearer)) throw new ApiError(401, 'unauthorized', 'this is not the admin token');
        return sessionAnswer(startSession(request, reply));
      },
    );

    await api.register(async (guarded) => {
      guarded.addHook('onRequest', async (request) => {
        const authorization = request.headers.authorization;
        if (authorization !== undefined) {
          if (!safeEqual(authorization, bearer)) throw new ApiError(401, 'unauthorized', 'send Authorization: Bearer <CIVIC_ADMIN_TOKEN>');
          return;
        }
        const session = keys.verify(readSessionCookie(request));
        if (!session) throw new ApiError(401, 'unauthorized', 'sign in to the console, or send Authorization: Bearer <CIVIC_ADMIN_TOKEN>');
        if (request.method !== 'GET' && request.method !== 'HEAD') checkCsrf(request, session);
        request.adminSession = session;
      });

      guarded.get('/api/admin/session', async (request) => {
        if (!request.adminSession) throw new ApiError(400, 'invalid-request', 'a bearer token has no console session');
        return sessionAnswer(request.adminSession);
      });
      guarded.post('/api/admin/session/sign-out', async (request, reply) => {
        if (request.adminSession) keys.revoke(request.adminSession);
        clearSessionCookie(request, reply);
        return { signedOut: true };
      });

      guarded.get('/api/admin/feeds', async () => ({ feeds: feedReports(service.catalog) }));
      guarded.get('/api/admin/polls', async () => ({ polls: await service.list() }));
      guarded.get<{ Params: { id: string } }>('/api/admin/polls/:id', { schema: { params } }, async (request) => service.summary(request.params.id));
      for (const action of ['open', 'close', 'reset'] as const) {
        guarded.post<{ Params: { id: string } }>(`/api/admin/polls/:id/${action}`, { schema: { params } }, async (request) => {
          const id = request.params.id;
          if (action === 'reset') return service.reset(id);
          return service.setOverride(id, action === 'open' ? 'open' : 'closed');
        });
      }
      guarded.get<{ Params: { id: string }; Querystring: { format?: 'json' | 'csv' } }>(
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
      await guarded.register(adminQuestionRoutes, { service: options.questions });
      guarded.get('/api/admin/stream', { exposeHeadRoute: false }, async (request, reply) => {
        await serveEventStream(request, reply, (res) => stream.open(res), 'no-store, no-transform');
      });
    });
  });
};
