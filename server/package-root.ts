import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's folder, found from this file whether it runs from `server/` or `dist/server/server/`. */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'civic-widgets') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('civic-widgets: cannot find the package root');
    dir = parent;
  }
})();
