// Feeds and calls shared by the question tests (API, crash, bench).

/** A feed with three boards: open without moderation, open with `pre` moderation, and one with dates. */
export function questionFeed(timed: { opensAt?: string; closesAt?: string } = {}): object {
  return {
    version: 1,
    languages: ['en', 'fr'],
    event: { id: 'ev', title: 'Test event', timeZone: 'Europe/Madrid' },
    sessions: [{ id: 's1', title: 'Session', start: '2026-06-18T15:00:00+02:00', end: '2026-06-18T17:00:00+02:00' }],
    questions: [
      { id: 'open', title: 'Open floor', moderation: 'none' },
      { id: 'moderated', title: { en: 'Moderated', fr: 'Modéré' }, moderation: 'pre' },
      { id: 'timed', title: 'Timed', moderation: 'none', ...timed },
    ],
  };
}

export function ask(origin: string, board: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}/api/questions/${board}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function upvote(origin: string, board: string, questionId: string, voter: string, on = true): Promise<Response> {
  return fetch(`${origin}/api/questions/${board}/${encodeURIComponent(questionId)}/votes/${voter}`, { method: on ? 'PUT' : 'DELETE' });
}
