/** A JSON syntax error, named by file, line and column (1-based, as editors count them). */
export class JsonSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: not valid JSON (${reason})`);
  }
}

/**
 * `JSON.parse`, but a syntax error says where it is: `feeds/forum.json:12:5: not valid JSON (…)`.
 * V8 gives a character offset for most errors, none for some (`Unexpected token`): then a small scan
 * finds it. A leading byte-order mark is skipped, as editors do.
 */
export function parseJsonWithPosition(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? body.length : firstErrorOffset(body)));
    const { line, column } = lineAndColumn(body, offset);
    // The message may quote the whole text (`"{…}" is not valid JSON`): the position says enough.
    const reason = message
      .replace(/,? ".*" is not valid JSON$/s, '')
      .replace(/( in JSON)? at position \d+.*$/s, '')
      .replace(/[\r\n\t]/g, (c) => JSON.stringify(c).slice(1, -1));
    throw new JsonSyntaxError(file, line, column, reason);
  }
}

/** 1-based line and column of a character offset; `\r\n`, `\n` and `\r` each end a line. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first character that cannot continue a JSON text (only called on invalid JSON). */
function firstErrorOffset(text: string): number {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number) return void (i += number[0].length);
    // A literal cut short (`tru`): point at the first character that differs from every literal.
    for (const word of ['true', 'false', 'null']) {
      let k = 0;
      while (k < word.length && text[i + k] === word[k]) k++;
      if (k > 0) {
        i += k;
        fail();
      }
    }
    fail();
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    space();
    return i;
  } catch (offset) {
    return offset as number;
  }
}
