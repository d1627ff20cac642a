// dist/civic-widgets-wordpress.zip: the plugin folder as WordPress's "Upload Plugin" expects it, with
// the single-file bundle inside (assets/civic-widgets.js) for sites that want no external script.
import { zipSync, type Zippable } from 'fflate';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const plugin = join(root, 'integrations/wordpress/civic-widgets');
const bundle = join(root, 'dist/civic-widgets.js');
const out = join(root, 'dist/civic-widgets-wordpress.zip');

const files: Zippable = {};
for (const entry of readdirSync(plugin, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath, entry.name);
  files[`civic-widgets/${relative(plugin, path)}`] = readFileSync(path);
}
files['civic-widgets/assets/civic-widgets.js'] = readFileSync(bundle);
writeFileSync(out, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
console.log(`${relative(root, out)}: ${Object.keys(files).length} files`);
