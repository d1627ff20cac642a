import { VOTER_ID } from '../../src/contract/patterns.js';

// JSON schemas of the question API (server/routes/questions.ts). Lengths here only stop abuse early;
// the exact rules (280 characters after cleaning, not empty) are the contract's, with their own codes.

export const boardParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 128 } } } as const;

export const upvoteParams = {
  type: 'object',
  required: ['id', 'questionId', 'voter'],
  properties: {
    id: { type: 'string', maxLength: 128 },
    questionId: { type: 'string', maxLength: 64 },
    voter: { type: 'string', pattern: VOTER_ID },
  },
} as const;

export const voterQuery = { type: 'object', properties: { voter: { type: 'string', pattern: VOTER_ID } } } as const;

export const questionBody = {
  type: 'object',
  required: ['voter', 'text'],
  properties: {
    voter: { type: 'string', pattern: VOTER_ID },
    text: { type: 'string', maxLength: 2000 },
    name: { type: 'string', maxLength: 500 },
  },
} as const;
