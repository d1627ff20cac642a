import { createHash } from 'node:crypto';
import { ID } from '../../src/contract/patterns.js';

const validId = new RegExp(ID);

/** A short, stable digest: the same input always gives the same id. */
export function shortHash(value: string): string {
  return createHash('sha1').update(value).digest('base64url').replace(/[-_]/g, 'x').slice(0, 8);
}

/**
 * A valid feed id (`ID` in src/contract/patterns.ts) derived from `raw`. Kept as is when already
 * valid; otherwise sanitized, with a digest of the original so that `a@b` and `a#b` stay apart.
 */
export function stableId(raw: string | number, prefix = ''): string {
  const value = `${prefix}${raw}`;
  if (validId.test(value) && value.length <= 100) return value;
  const cleaned = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, 80);
  return `${cleaned || 'id'}-${shortHash(value)}`;
}

/** A readable id for a name (`Ethics, Society & Politics` → `ethics-society-politics`). */
export function slugId(name: string, prefix = ''): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug ? `${prefix}${slug}` : stableId(name, prefix);
}

/** Makes ids unique in one feed: a second `x` becomes `x-2` (in input order, so still stable). */
export function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id.slice(0, 120)}-${count}`;
  };
}
