import type { FeedIssue } from './validate.js';
import type { Feed } from './types.js';

/**
 * What a valid feed may still get wrong: references to things it does not have (a session's speaker,
 * track or poll, an item's speaker, a poll's, a recording's or a question board's session), the same id twice, and a
 * session, item or poll that ends before it starts. The widgets cope with each (they skip what they
 * cannot find), so these are warnings, not errors: the JSON Schema and the validator keep agreeing.
 * Pure; `validate` and `serve` print them by path.
 */
export function feedWarnings(feed: Feed): FeedIssue[] {
  const warnings: FeedIssue[] = [];
  const warn = (path: string, message: string) => warnings.push({ path, message });

  const idsOf = (list: readonly { id: string }[] | undefined, name: string, label: string): Set<string> => {
    const seen = new Map<string, number>();
    (list ?? []).forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first === undefined) seen.set(entry.id, i);
      else warn(`${name}[${i}].id`, `"${entry.id}" is already the id of ${name}[${first}]: ids of ${label} must be unique`);
    });
    return new Set(seen.keys());
  };
  const sessions = idsOf(feed.sessions, 'sessions', 'sessions');
  const speakers = idsOf(feed.speakers, 'speakers', 'speakers');
  const tracks = idsOf(feed.tracks, 'tracks', 'tracks');
  const polls = idsOf(feed.polls, 'polls', 'polls');
  idsOf(feed.recordings, 'recordings', 'recordings');
  idsOf(feed.questions, 'questions', 'question boards');

  const known = (set: Set<string>, id: string | undefined, path: string, list: string) => {
    if (id !== undefined && !set.has(id)) warn(path, `no ${list.replace(/s$/, '')} "${id}" in ${list}`);
  };
  const inOrder = (start: string | undefined, end: string | undefined, path: string, what: string) => {
    if (start && end && Date.parse(end) < Date.parse(start)) warn(path, `${what} before it ${what === 'closes' ? 'opens' : 'starts'} (${end} < ${start})`);
  };

  feed.sessions.forEach((session, i) => {
    const at = `sessions[${i}]`;
    inOrder(session.start, session.end, `${at}.end`, 'ends');
    session.speakers?.forEach((id, j) => known(speakers, id, `${at}.speakers[${j}]`, 'speakers'));
    known(tracks, session.track, `${at}.track`, 'tracks');
    known(polls, session.poll, `${at}.poll`, 'polls');
    session.items?.forEach((item, k) => {
      inOrder(item.start, item.end, `${at}.items[${k}].end`, 'ends');
      item.speakers?.forEach((id, j) => known(speakers, id, `${at}.items[${k}].speakers[${j}]`, 'speakers'));
    });
  });
  feed.polls?.forEach((poll, i) => {
    known(sessions, poll.session, `polls[${i}].session`, 'sessions');
    inOrder(poll.opensAt, poll.closesAt, `polls[${i}].closesAt`, 'closes');
  });
  feed.recordings?.forEach((recording, i) => known(sessions, recording.session, `recordings[${i}].session`, 'sessions'));
  feed.questions?.forEach((board, i) => {
    known(sessions, board.session, `questions[${i}].session`, 'sessions');
    inOrder(board.opensAt, board.closesAt, `questions[${i}].closesAt`, 'closes');
  });
  return warnings;
}
