import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { elementsMarkdown, readmeWithElements } from '../../scripts/elements-doc.js';

const root = new URL('../../', import.meta.url);

it('docs/elements.md matches custom-elements.json (run `npm run docs` after changing a class JSDoc)', () => {
  assert.ok(existsSync(new URL('custom-elements.json', root)), 'custom-elements.json is made by `npm run build`');
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const expected = elementsMarkdown(manifest);
  assert.ok(expected.includes('<civic-event>'), 'the manifest lists <civic-event>');
  assert.equal(readFileSync(new URL('docs/elements.md', root), 'utf8'), expected);
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  assert.equal(readme, readmeWithElements(readme, expected), 'the README elements section is out of date');
  for (const tag of ['civic-event', 'civic-countdown', 'civic-agenda', 'civic-poll', 'civic-recordings']) {
    assert.ok(readme.includes(`<${tag}>`), `the README documents <${tag}>`);
  }
});
