// frab/pretalx schedules (JSON v1, v2, XML) and YouTube feeds → feed v1, on fixtures written for
// this project and modelled on real exports (test/fixtures/import/).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importText, ImportError } from '../../server/import/index.js';
import { validateFeed } from '../../src/contract/validate.js';
import { ID } from '../../src/contract/patterns.js';
import { ROOT } from './support.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/import', name), 'utf8');
const valid = (feed: unknown) => {
  const result = validateFeed(feed, 'http://localhost/feeds/x.json');
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues));
};
const byTitle = <T extends { title: string }>(sessions: T[], start: string): T => sessions.find((s) => s.title.startsWith(start))!;

describe('schedule.json v1 (frab, pretalx)', () => {
  const { feed, warnings, format } = importText(fixture('schedule-v1.json'), 'auto', { source: 'schedule-v1.json' });

  it('is detected, valid, and keeps each talk', () => {
    assert.equal(format, 'schedule');
    valid(feed);
    assert.equal(feed.sessions.length, 3);
    assert.equal(feed.event.id, 'forum26');
    assert.equal(feed.event.title, 'Local Democracy Forum');
  });

  it('trusts the offset on each date over a wrong time_zone_name, and says so once', () => {
    const opening = byTitle(feed.sessions, 'Opening');
    assert.equal(opening.start, '2026-06-18T09:30:00+02:00');
    assert.equal(opening.end, '2026-06-18T10:45:00+02:00');
    assert.equal(feed.event.timeZone, 'Etc/GMT-2');
    assert.equal(warnings.filter((w) => /disagrees with time_zone_name "UTC"/.test(w)).length, 1);
    const named = importText(fixture('schedule-v1.json'), 'schedule', { source: 's', timeZone: 'Europe/Madrid' });
    assert.equal(named.feed.event.timeZone, 'Europe/Madrid');
    assert.equal(byTitle(named.feed.sessions, 'Opening').start, '2026-06-18T09:30:00+02:00');
  });

  it('reads durations whose hours exceed 24, and keys rooms by name although their guids repeat', () => {
    const night = byTitle(feed.sessions, 'Hackathon');
    assert.equal(night.start, '2026-06-18T23:30:00+02:00');
    assert.equal(night.end, '2026-06-20T01:30:00+02:00');
    assert.deepEqual(feed.sessions.map((s) => s.location).sort(), ['Room B', 'Sala Plenaria', 'Sala Plenaria']);
  });

  it('maps tracks, languages, subtitles, plain-text descriptions, and both kinds of persons', () => {
    const budgets = byTitle(feed.sessions, 'Budgets');
    assert.equal(budgets.title, 'Budgets people choose: Participatory budgeting in practice');
    assert.equal(budgets.track, 'track-participation');
    assert.deepEqual(budgets.languages, ['fr']);
    assert.deepEqual(feed.tracks!.map((t) => t.title).sort(), ['Civic Tech', 'Participation']);
    assert.deepEqual(feed.languages!.sort(), ['en', 'es', 'fr']);
    const night = byTitle(feed.sessions, 'Hackathon');
    assert.equal(night.description, 'Bring a laptop & ideas.');
    const ana = feed.speakers!.filter((s) => s.name === 'Ana Ruiz');
    assert.equal(ana.length, 1, 'one speaker for the same frab person id');
    assert.deepEqual(budgets.speakers, [ana[0]!.id]);
    const lea = feed.speakers!.find((s) => s.name === 'Léa Martin')!;
    assert.equal(lea.photo, 'https://talks.example.org/media/avatars/lea.png');
    assert.deepEqual(night.speakers, [lea.id, feed.speakers!.find((s) => s.name === 'Kwame Mensah')!.id]);
  });

  it('derives valid, stable ids from guids and numeric or string ids', () => {
    const again = importText(fixture('schedule-v1.json'), 'auto', { source: 'again' });
    assert.deepEqual(again.feed.sessions.map((s) => s.id), feed.sessions.map((s) => s.id));
    for (const id of [...feed.sessions, ...feed.speakers!].map((x) => x.id)) assert.match(id, new RegExp(ID));
    assert.ok(feed.sessions.some((s) => s.id === 'late-night'));
  });

  it('names a zone that exists when the dates carry an offset no zone has', () => {
    const odd = fixture('schedule-v1.json').replaceAll('+02:00"', '+19:00"');
    const { feed } = importText(odd, 'schedule', { source: 'odd.json' });
    assert.equal(feed.event.timeZone, 'UTC');
    valid(feed);
  });

  it('names the file and the path when a talk cannot be placed', () => {
    const broken = JSON.parse(fixture('schedule-v1.json'));
    broken.schedule.conference.days[0].rooms['Room B'][0].duration = 'soon';
    assert.throws(
      () => importText(JSON.stringify(broken), 'auto', { source: 'talks.json' }),
      (error: Error) => error instanceof ImportError && error.message === 'talks.json: schedule.conference.days[0].rooms.Room B[0].duration: expected "H:MM", got "soon"',
    );
    delete broken.schedule.conference.days;
    assert.throws(() => importText(JSON.stringify(broken), 'auto', { source: 'talks.json' }), /talks\.json: schedule\.conference\.days: expected an array/);
    assert.throws(() => importText('{"schedule": ', 'auto', { source: 'cut.json' }), /cut\.json: not valid JSON/);
  });
});

describe('schedule.json v2 (flat events)', () => {
  const { feed, warnings } = importText(fixture('schedule-v2.json'), 'auto', { source: 'v2.json' });

  it('reads ISO start/end, room and track objects, participants with their avatars', () => {
    valid(feed);
    const talk = byTitle(feed.sessions, 'Open data');
    assert.equal(talk.start, '2026-09-01T10:00:00+02:00');
    assert.equal(talk.end, '2026-09-01T10:45:00+02:00');
    assert.equal(talk.location, 'Auditorium');
    assert.equal(feed.event.timeZone, 'Europe/Madrid');
    assert.deepEqual(feed.tracks, [{ id: 'track-open-data', title: 'Open Data', color: '#0A7F5A' }]);
    assert.equal(talk.track, 'track-open-data');
    const sofia = feed.speakers!.find((s) => s.name === 'Sofia Marin')!;
    assert.equal(sofia.photo, 'https://hub.example.org/avatars/sofia.jpg');
    assert.equal(talk.speakers!.length, 2);
  });

  it('keeps a talk that ends before it starts, with its end at its start, and warns', () => {
    const backwards = byTitle(feed.sessions, 'A talk whose end');
    assert.equal(backwards.end, backwards.start);
    assert.equal(warnings.filter((w) => /schedule\.events\[1\]: ends before it starts/.test(w)).length, 1);
  });
});

describe('schedule.xml (frab, pentabarf, wafer)', () => {
  const { feed, format, warnings } = importText(fixture('schedule.xml'), 'auto', { source: 'schedule.xml' });

  it('reads a UTC <date> beside a local <start> in the conference zone', () => {
    assert.equal(format, 'schedule-xml');
    valid(feed);
    assert.deepEqual(warnings, []);
    assert.equal(feed.event.title, 'Regional Forum & Fair');
    assert.equal(byTitle(feed.sessions, 'Opening').start, '2023-09-10T10:30:00+05:30');
    assert.equal(byTitle(feed.sessions, 'Opening').title, 'Opening "ceremony"');
    const late = byTitle(feed.sessions, 'вареники');
    assert.equal(late.start, '2023-09-11T00:15:00+05:30');
    assert.equal(late.end, '2023-09-11T12:15:00+05:30');
    assert.equal(late.speakers!.length, 2);
    assert.equal(feed.speakers!.length, 2);
  });

  it('reports XML that is not well formed with its line', () => {
    assert.throws(() => importText('<schedule><day>\n<room></day>', 'schedule-xml', { source: 'bad.xml' }), /bad\.xml: not well-formed XML \(line \d+/);
  });
});

describe('YouTube channel feed', () => {
  const { feed, format, warnings } = importText(fixture('youtube.xml'), 'auto', { source: 'videos.xml' });

  it('makes one recording per entry with its video id, date and thumbnail', () => {
    assert.equal(format, 'youtube');
    valid(feed);
    assert.deepEqual(feed.recordings![0], {
      id: 'yt-dQw4w9WgXcQ',
      title: 'Budgets People Choose!',
      provider: 'youtube',
      videoId: 'dQw4w9WgXcQ',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      recordedAt: '2026-06-18T12:00:00+00:00',
      thumbnail: 'https://i1.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
    });
    assert.equal(feed.recordings!.length, 2);
    assert.equal(feed.event.title, 'Local Democracy Network');
  });

  it('drops an entry without a video id, with a warning naming it', () => {
    assert.deepEqual(warnings, ['videos.xml: feed.entry[2]: no usable yt:videoId (""); dropped']);
  });
});

describe('format detection', () => {
  it('names what it found when it is none of the formats', () => {
    assert.throws(() => importText('<!DOCTYPE html><html><body>Login</body></html>', 'auto', { source: 'https://x.example/s' }), /https:\/\/x\.example\/s: an HTML page; expected a frab/);
    assert.throws(() => importText('', 'auto', { source: 'empty.json' }), /empty\.json: an empty file/);
  });
});
