import type { FromSchema } from './from-schema.js';

const params = { type: 'object', required: ['file'], properties: { file: { type: 'string', maxLength: 200 } } } as const;

/** `GET /feeds/:file`. */
export const feedSchema = { params };

export interface FeedRequest {
  Params: FromSchema<typeof params>;
}
