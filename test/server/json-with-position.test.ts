import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonSyntaxError, lineAndColumn, parseJsonWithPosition } from '../../server/json-with-position.js';

const where = (text: string) => {
  try {
    parseJsonWithPosition(text, 'feeds/x.json');
  } catch (error) {
    assert.ok(error instanceof JsonSyntaxError);
    return error.message;
  }
  assert.fail('parsed');
};

describe('parseJsonWithPosition', () => {
  it('parses valid JSON, with or without a byte-order mark', () => {
    assert.deepEqual(parseJsonWithPosition('{"a":[1,true,null]}', 'x.json'), { a: [1, true, null] });
    assert.deepEqual(parseJsonWithPosition('\ufeff{"a":1}', 'x.json'), { a: 1 });
  });

  it('names file, line and column (1-based) of each kind of syntax error', () => {
    assert.equal(where('{\n  "a": 1\n  "b": 2\n}'), "feeds/x.json:3:3: not valid JSON (Expected ',' or '}' after property value)");
    assert.equal(where('{"a":1,}'), 'feeds/x.json:1:8: not valid JSON (Expected double-quoted property name)');
    // V8 gives no position for these two: the scan finds it.
    assert.match(where('{\r\n  "a": tru\r\n}'), /^feeds\/x\.json:2:11: /);
    assert.match(where('{"a": 1}\n\n  x'), /^feeds\/x\.json:3:3: not valid JSON \(Unexpected non-whitespace character after JSON\)$/);
    assert.match(where('{"a": [1, 2'), /^feeds\/x\.json:1:12: /);
    assert.match(where(''), /^feeds\/x\.json:1:1: /);
  });

  it('counts lines ended by \\n, \\r\\n or \\r', () => {
    assert.deepEqual(lineAndColumn('a\nb\r\nc\rd', 7), { line: 4, column: 1 });
    assert.deepEqual(lineAndColumn('abc', 2), { line: 1, column: 3 });
  });
});
