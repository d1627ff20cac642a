/**
 * `derive` remembered for its last inputs (compared with `Object.is`): a widget's view is rebuilt
 * only when the feed, the language, the zone or another input it names changes, not on every render.
 */
export function memo<Args extends readonly unknown[], Result>(derive: (...args: Args) => Result): (...args: Args) => Result {
  let last: Args | undefined;
  let result!: Result;
  return (...args: Args): Result => {
    if (!last || args.length !== last.length || args.some((arg, i) => !Object.is(arg, last![i]))) {
      result = derive(...args);
      last = args;
    }
    return result;
  };
}
