import type { FastifyPluginAsync } from 'fastify';
import type { ModerationAction } from '../../src/contract/admin.js';
import { questionsCsv } from '../export/questions-csv.js';
import { moderated, type QuestionService } from '../question-service.js';
import type { QuestionRecord, QuestionUpdate } from '../storage/question-store.js';
import { exportQuery } from './admin.schemas.js';
import { boardParams, listQuery, moderationParams } from './admin-questions.schemas.js';

export interface AdminQuestionRoutesOptions {
  service: QuestionService;
}

/** What each moderation action changes. */
const CHANGES: Record<ModerationAction, QuestionUpdate> = {
  publish: { status: 'published' },
  reject: { status: 'rejected' },
  answer: { answered: true },
  unanswer: { answered: false },
  pin: { pinned: true },
  unpin: { pinned: false },
};

/**
 * `/api/admin/questions/*`: list a board's questions, publish, reject, mark answered, pin, and
 * export. Registered by the admin plugin inside its guard: a console session (with its CSRF token
 * on every change) or `Authorization: Bearer <token>`.
 */
export const adminQuestionRoutes: FastifyPluginAsync<AdminQuestionRoutesOptions> = async (app, { service }) => {
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

  app.post<{ Params: { id: string; questionId: string; action: ModerationAction } }>(
    '/api/admin/questions/:id/:questionId/:action',
    { schema: { params: moderationParams } },
    async (request) => {
      const { id, questionId, action } = request.params;
      return moderated(await service.moderate(id, questionId, CHANGES[action]));
    },
  );

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
