import { VOTER_ID } from '../../src/contract/patterns.js';
import type { FromSchema } from './from-schema.js';

/** Ballots are tiny; anything bigger is a mistake or an attack. */
export const VOTE_BODY_LIMIT = 4096;

const params = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 128 } } } as const;
const voterQuery = { type: 'object', properties: { voter: { type: 'string', pattern: VOTER_ID } } } as const;
const voteBody = {
  type: 'object',
  required: ['voter', 'choices'],
  properties: {
    voter: { type: 'string', pattern: VOTER_ID },
    choices: { type: 'array', maxItems: 256, items: { type: 'string', maxLength: 128 } },
  },
} as const;

/** `GET /api/polls/:id` and `GET /api/polls/:id/stream`. */
export const pollSchema = { params, querystring: voterQuery };
/** `POST /api/polls/:id/votes`. */
export const voteSchema = { params, body: voteBody };

export interface PollRequest {
  Params: FromSchema<typeof params>;
  Querystring: FromSchema<typeof voterQuery>;
}

export interface VoteRequest {
  Params: FromSchema<typeof params>;
  Body: FromSchema<typeof voteBody>;
}
