import { VOTER_ID } from '../contract/patterns.js';

const KEY = 'civic-widgets:voter';
const VALID = new RegExp(VOTER_ID);
let memory: string | undefined;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * This browser's opaque voter id, kept in the host page's own localStorage (first party: no cookie,
 * no iframe, so third-party storage blocking cannot break it). When storage is blocked the id lives
 * in memory for the page's lifetime.
 */
export function voterId(): string {
  try {
    let id = localStorage.getItem(KEY);
    if (!id || !VALID.test(id)) {
      id = memory ?? randomId();
      localStorage.setItem(KEY, id);
    }
    return (memory = id);
  } catch {
    return (memory ??= randomId());
  }
}
