// The TypeScript type of a request part, derived from its JSON schema, so that the two cannot drift.
// Hand-written for the few keywords our route schemas use (object, properties, required, string,
// integer/number, boolean, array/items, enum): a dozen lines instead of a type provider and
// json-schema-to-ts, whose deep types cost seconds of type-checking for four small schemas.

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type ObjectFrom<P, R> = Simplify<
  { -readonly [K in keyof P as K extends R ? K : never]: FromSchema<P[K]> } & {
    -readonly [K in keyof P as K extends R ? never : K]?: FromSchema<P[K]>;
  }
>;

/** `FromSchema<typeof voteBody>` is `{ voter: string; choices: string[] }`. */
export type FromSchema<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'string' }
    ? string
    : S extends { type: 'integer' | 'number' }
      ? number
      : S extends { type: 'boolean' }
        ? boolean
        : S extends { type: 'array'; items: infer I }
          ? FromSchema<I>[]
          : S extends { type: 'object'; properties: infer P }
            ? ObjectFrom<P, S extends { required: readonly (infer R)[] } ? R : never>
            : unknown;
