// A few typed combinators for the feed contract. valibot did this job first; it cost 3.6 KB gzip of the
// library's 20 KB budget, these cost about 1 KB, and the JSON Schema test still pins the behaviour.

export interface Issue {
  path: string;
  message: string;
}

/** Returns the checked (and possibly transformed) value; pushes an issue when the value is wrong. */
export type Check<T> = ((value: unknown, path: string, issues: Issue[]) => T) & { optional?: true };
export type Optional<T> = Check<T | undefined> & { optional: true };
type Output<C> = C extends Check<infer T> ? T : never;
type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOutput<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Output<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Output<S[K]>, undefined> }
>;

function fail(issues: Issue[], path: string, message: string): never {
  issues.push({ path: path || '(root)', message });
  return undefined as never;
}

export const string =
  (message = 'expected a string'): Check<string> =>
  (value, path, issues) =>
    typeof value === 'string' ? value : fail(issues, path, message);

export const nonEmpty: Check<string> = (value, path, issues) =>
  typeof value === 'string' && value ? value : fail(issues, path, typeof value === 'string' ? 'expected a non-empty string' : 'expected a string');

export const matching =
  (pattern: string, message: string): Check<string> =>
  (value, path, issues) =>
    typeof value === 'string' && new RegExp(pattern).test(value) ? value : fail(issues, path, message);

export const literal =
  <T>(expected: T, message: string): Check<T> =>
  (value, path, issues) =>
    value === expected ? expected : fail(issues, path, message);

export const oneOf =
  <const T extends string>(values: readonly T[]): Check<T> =>
  (value, path, issues) =>
    values.includes(value as T) ? (value as T) : fail(issues, path, `expected ${values.map((v) => `"${v}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}`);

export const wholeNumber: Check<number> = (value, path, issues) =>
  Number.isInteger(value) && (value as number) >= 1 ? (value as number) : fail(issues, path, 'expected a whole number, at least 1');

/** A further condition on an already checked value. */
export const refine =
  <T>(check: Check<T>, test: (value: T) => boolean, message: string): Check<T> =>
  (value, path, issues) => {
    const before = issues.length;
    const result = check(value, path, issues);
    return issues.length > before || test(result) ? result : fail(issues, path, message);
  };

export const map =
  <T, U>(check: Check<T>, transform: (value: T) => U): Check<U> =>
  (value, path, issues) => {
    const before = issues.length;
    const result = check(value, path, issues);
    return issues.length > before ? (undefined as U) : transform(result);
  };

export const optional = <T>(check: Check<T>): Optional<T> => Object.assign<Check<T | undefined>, { optional: true }>((value, path, issues) => (value === undefined ? undefined : check(value, path, issues)), { optional: true });

export const array =
  <T>(item: Check<T>, message: string, minItems = 0, minMessage = ''): Check<T[]> =>
  (value, path, issues) =>
    !Array.isArray(value)
      ? fail(issues, path, message)
      : value.length < minItems
        ? fail(issues, path, minMessage)
        : value.map((entry, index) => item(entry, `${path}[${index}]`, issues));

/** Values checked under keys checked by `key`. */
export const record =
  <T>(key: Check<string>, item: Check<T>, message: string): Check<Record<string, T>> =>
  (value, path, issues) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(issues, path, message);
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(value)) {
      const at = `${path}.${k}`;
      key(k, at, issues);
      out[k] = item(v, at, issues);
    }
    return out;
  };

/** The first alternative that passes; the union's own message when none does. */
export const either =
  <A, B>(a: Check<A>, b: Check<B>, message: string): Check<A | B> =>
  (value, path, issues) => {
    for (const check of [a, b] as Check<A | B>[]) {
      const trial: Issue[] = [];
      const result = check(value, path, trial);
      if (!trial.length) return result;
    }
    return fail(issues, path, message);
  };

/** Known keys only (unknown ones are dropped: the contract is forward compatible). */
export const object =
  <S extends Shape>(shape: S, message = 'expected an object'): Check<ObjectOutput<S>> =>
  (value, path, issues) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(issues, path, message);
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const at = path ? `${path}.${key}` : key;
      const input = (value as Record<string, unknown>)[key];
      if (input === undefined && !check.optional) fail(issues, at, 'missing (required)');
      else if (input !== undefined) {
        const result = check(input, at, issues);
        if (result !== undefined) out[key] = result;
      }
    }
    return out as ObjectOutput<S>;
  };
