import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

// The browser↔server contract lives in src/contract/: the server may import browser code only from
// there, and the contract imports nothing outside itself (so the server never pulls in Lit or the DOM).

const root = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => resolve(dirname(file), m[1]!));
}

const inside = (target: string, dir: string) => !relative(join(root, dir), target).startsWith('..');

describe('the contract boundary', () => {
  it('server code imports from src/ only through src/contract/', () => {
    const crossings = sources('server').flatMap((file) =>
      importsOf(file)
        .filter((target) => inside(target, 'src') && !inside(target, 'src/contract'))
        .map((target) => `${relative(root, file)} → ${relative(root, target)}`),
    );
    assert.deepEqual(crossings, []);
  });

  it('src/contract/ imports nothing outside itself', () => {
    const crossings = sources('src/contract').flatMap((file) =>
      importsOf(file)
        .filter((target) => !inside(target, 'src/contract'))
        .map((target) => `${relative(root, file)} → ${relative(root, target)}`),
    );
    assert.deepEqual(crossings, []);
  });
});
