import { MODERATION_ACTIONS } from '../../src/contract/admin.js';

export { boardParams } from './questions.schemas.js';

// JSON schemas of the moderation API (server/routes/admin-questions.ts).

export const moderationParams = {
  type: 'object',
  required: ['id', 'questionId', 'action'],
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 128 },
    questionId: { type: 'string', minLength: 1, maxLength: 64 },
    action: { type: 'string', enum: MODERATION_ACTIONS },
  },
} as const;

export const listQuery = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['pending', 'published', 'rejected'] } },
} as const;
