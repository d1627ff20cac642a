const ID = { type: 'string', minLength: 1, maxLength: 128 } as const;

export const params = { type: 'object', required: ['id'], properties: { id: ID } } as const;
export const presentParams = params;
export const exportQuery = { type: 'object', properties: { format: { type: 'string', enum: ['json', 'csv'] } } } as const;
export const signInBody = {
  type: 'object',
  required: ['token'],
  properties: { token: { type: 'string', minLength: 1, maxLength: 512 } },
} as const;
export const oneTimeQuery = {
  type: 'object',
  required: ['once'],
  properties: { once: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;
