import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Missing, or older than a source file under `root/src`: measuring yesterday's bundle would mislead. */
export function bundleIsStale(root: string): boolean {
  const bundle = resolve(root, 'dist/civic-widgets.js');
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  const sources = readdirSync(resolve(root, 'src'), { recursive: true, withFileTypes: true });
  return sources.some((entry) => entry.isFile() && statSync(resolve(entry.parentPath, entry.name)).mtimeMs > built);
}
