import { expect } from '@open-wc/testing';
import { offsetChange } from '../../src/agenda/dst-note.js';
import { filtersMatcher, hasFilters, parseFilters, writeFilters } from '../../src/agenda/filters.js';
import { searchable } from '../../src/i18n/search.js';
import { groupByDay } from '../../src/agenda/group-by-day.js';
import { zoneOffsetMinutes } from '../../src/time/format.js';

// 09:00 in Seoul is 20:00 the evening before in New York, and 13:00 the same day in Auckland.
const sessions = [
  { id: 'late', start: '2026-10-11T23:30:00+09:00' },
  { id: 'morning', start: '2026-10-11T09:00:00+09:00' },
  { id: 'afternoon', start: '2026-10-11T14:00:00+09:00' },
];
const ids = (days: ReturnType<typeof groupByDay<(typeof sessions)[number]>>) => days.map((d) => [d.key, d.items.map((s) => s.id)]);

describe('agenda helpers: groupByDay', () => {
  it('groups by the day of the start in the display zone, across midnight', () => {
    expect(ids(groupByDay(sessions, 'Asia/Seoul'))).to.deep.equal([['2026-10-11', ['morning', 'afternoon', 'late']]]);
    expect(ids(groupByDay(sessions, 'America/New_York'))).to.deep.equal([
      ['2026-10-10', ['morning']],
      ['2026-10-11', ['afternoon', 'late']],
    ]);
    expect(ids(groupByDay(sessions, 'Pacific/Auckland'))).to.deep.equal([
      ['2026-10-11', ['morning', 'afternoon']],
      ['2026-10-12', ['late']],
    ]);
  });

  it('returns no day for no session', () => {
    expect(groupByDay([], 'UTC')).to.deep.equal([]);
  });
});

describe('agenda helpers: filters in the hash', () => {
  it('reads its own namespaced parameter and ignores the page anchors and other agendas', () => {
    const hash = '#top&other=day:2026-10-10&agenda=day:2026-10-11;track:peer;lang:fr;q:water%20%3B%3A';
    expect(parseFilters(hash, 'agenda')).to.deep.equal({ day: '2026-10-11', track: 'peer', lang: 'fr', q: 'water ;:' });
    expect(parseFilters(hash, 'other')).to.deep.equal({ day: '2026-10-10' });
    expect(parseFilters(hash, 'missing')).to.deep.equal({});
    expect(parseFilters('#agenda=q:%E0%A4;unknown:1;track:x', 'agenda')).to.deep.equal({ track: 'x' });
  });

  it('writes its parameter back, keeping the others, and round-trips', () => {
    const filters = { day: '2026-10-12', q: 'eau & assainissement; été' };
    const hash = writeFilters('#top&agenda=track:peer', 'agenda', filters);
    expect(hash.startsWith('#top&agenda=')).to.equal(true);
    expect(parseFilters(hash, 'agenda')).to.deep.equal(filters);
    expect(writeFilters(hash, 'agenda', {})).to.equal('#top');
    expect(writeFilters('', 'agenda', { track: '' })).to.equal('');
    expect(hasFilters({ q: '' })).to.equal(false);
    expect(hasFilters({ lang: 'fr' })).to.equal(true);
  });

  it('matches every filter and all the words of a search, without accents', () => {
    const session = { day: '2026-10-11', track: 'peer', languages: ['en', 'fr'], text: searchable('Délibération active: Water and Cities') };
    expect(filtersMatcher({})(session)).to.equal(true);
    expect(filtersMatcher({ day: '2026-10-11', track: 'peer', lang: 'fr', q: 'deliberation  WATER' })(session)).to.equal(true);
    expect(filtersMatcher({ day: '2026-10-12' })(session)).to.equal(false);
    expect(filtersMatcher({ track: 'forum' })(session)).to.equal(false);
    expect(filtersMatcher({ lang: 'es' })(session)).to.equal(false);
    expect(filtersMatcher({ q: 'water sanitation' })(session)).to.equal(false);
  });
});

describe('agenda helpers: offsetChange', () => {
  it('finds the hour a zone changes its clocks inside a span, and nothing when it does not', () => {
    const from = new Date('2026-10-24T10:00:00+02:00');
    const to = new Date('2026-10-26T12:00:00+01:00');
    const at = offsetChange('Europe/Madrid', from, to)!;
    expect(zoneOffsetMinutes(at, 'Europe/Madrid')).to.equal(60);
    expect(zoneOffsetMinutes(new Date(at.getTime() - 3_600_000), 'Europe/Madrid')).to.equal(120);
    expect(offsetChange('Asia/Seoul', from, to)).to.equal(undefined);
    expect(offsetChange('America/New_York', from, to)).to.equal(undefined);
    expect(offsetChange('America/New_York', from, new Date('2026-11-02T00:00:00Z'))!.toISOString().slice(0, 10)).to.equal('2026-11-01');
  });
});
