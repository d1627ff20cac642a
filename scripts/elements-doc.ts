import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// docs/elements.md from custom-elements.json: the class JSDoc is the one source of the public API.

interface Member { name: string; kind?: string; description?: string; type?: { text: string }; default?: string; static?: boolean; privacy?: string; attribute?: string; readonly?: boolean }
interface Named { name: string; description?: string; type?: { text: string }; default?: string; fieldName?: string }
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  summary?: string;
  attributes?: Named[];
  members?: Member[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

const cell = (text = '') => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();

function table(title: string, head: string[], rows: string[][]): string {
  if (!rows.length) return '';
  return [`### ${title}`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''].join('\n');
}

export function elementsMarkdown(manifest: { modules: { declarations?: Declaration[] }[] }): string {
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d): d is Declaration & { tagName: string } => Boolean(d.customElement && d.tagName))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const out = ['# Elements', '', 'Generated from `custom-elements.json` by `npm run docs`; do not edit by hand.', ''];
  for (const el of elements) {
    out.push(`## \`<${el.tagName}>\` (${el.name})`, '', el.description ?? el.summary ?? '', '');
    out.push(table('Attributes', ['attribute', 'property', 'type', 'default', 'description'], (el.attributes ?? []).map((a) => [`\`${a.name}\``, a.fieldName ?? '', a.type?.text ?? '', a.default ?? '', a.description ?? ''])));
    const properties = (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.attribute && m.description);
    out.push(table('Properties', ['property', 'type', 'description'], properties.map((m) => [`\`${m.name}\``, m.type?.text ?? '', m.description ?? ''])));
    out.push(table('Events', ['event', 'description'], (el.events ?? []).map((e) => [`\`${e.name}\``, e.description ?? ''])));
    out.push(table('Slots', ['slot', 'description'], (el.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description ?? ''])));
    out.push(table('CSS parts', ['part', 'description'], (el.cssParts ?? []).map((p) => [`\`::part(${p.name})\``, p.description ?? ''])));
    out.push(table('CSS custom properties', ['property', 'default', 'description'], (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.default ?? '', p.description ?? ''])));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

const START = '<!-- elements:start -->';
const END = '<!-- elements:end -->';

/** The README with the elements' API (headings one level down) between its markers. */
export function readmeWithElements(readme: string, elements: string): string {
  const body = elements.replace(/^# Elements\n\n.*\n/, '').replace(/^(#+) /gm, '#$1 ');
  return readme.replace(new RegExp(`${START}[\\s\\S]*${END}`), `${START}\n${body.trim()}\n${END}`);
}

const root = new URL('../', import.meta.url);
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const elements = elementsMarkdown(manifest);
  writeFileSync(new URL('docs/elements.md', root), elements);
  const readme = new URL('README.md', root);
  writeFileSync(readme, readmeWithElements(readFileSync(readme, 'utf8'), elements));
  console.log('wrote docs/elements.md and the elements section of README.md');
}
