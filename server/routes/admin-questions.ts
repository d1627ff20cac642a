import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import type { QuestionService } from '../question-service.js';
import type { QuestionRecord, QuestionUpdate } from '../storage/question-store.js';
import { questionsCsv } from '../export/questions-csv.js';
import { boardParams, exportQuery, listQuery, moderationParams } from './questions-schemas.js';

export interface AdminQuestionRoutesOptions {
  service: QuestionService;
  /** Without a token these routes do not exist (404), as for the polls' admin routes. */
  token: string | undefined;
}

/** What each moderation action changes. */
const ACTIONS: Record<string, QuestionUpdate> = {
  publish: { status: 'published' },
  reject: { status: 'rejected' },
  answer: { answered: true },
  unanswer: { answered: false },
  pin: { pinned: true },
  unpin: { pinned: false },
};

/**
 * `/api/admin/questions/*`: list a board's questions (pending first for moderators), publish,
 * reject, mark answered, pin, and export, with `Authorization: Bearer <token>`.
 */
export const adminQuestionRoutes: FastifyPluginAsync<AdminQuestionRoutesOptions> = async (app, { service, token }) => {
  if (!token) return;
  const expected = Buffer.from(`Bearer ${token}`);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError(401, 'unauthorized', 'send Authorization: Bearer <CIVIC_ADMIN_TOKEN>');
    }
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/admin/questions', async () => ({ boards: await service.list() }));

  app.get<{ Params: { id: string }; Querystring: { status?: QuestionRecord['status'] } }>(
    '/api/admin/questions/:id',
    { schema: { params: boardParams, querystring: listQuery } },
    async (request) => {
      const all = await service.all(request.params.id);
      const status = request.query.status;
      return { id: request.params.id, questions: status ? all.filter((q) => q.status === status) : all };
    },
  );

  for (const [action, change] of Object.entries(ACTIONS)) {
    app.post<{ Params: { id: string; questionId: string } }>(
      `/api/admin/questions/:id/:questionId/${action}`,
      { schema: { params: moderationParams } },
      async (request) => service.moderate(request.params.id, request.params.questionId, change),
    );
  }

  app.get<{ Params: { id: string }; Querystring: { format?: 'json' | 'csv' } }>(
    '/api/admin/questions/:id/export',
    { schema: { params: boardParams, querystring: exportQuery } },
    async (request, reply) => {
      const questions = await service.all(request.params.id);
      if (request.query.format !== 'csv') return { id: request.params.id, questions };
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${request.params.id}-questions.csv"`)
        .send(questionsCsv(questions));
    },
  );
};
