import { expect } from '@open-wc/testing';
import type { Recording } from '../../src/contract/types.js';
import { formatDuration, parseDuration } from '../../src/recordings/duration.js';
import { captionFor, embedUrl, videoIdOf } from '../../src/recordings/embed-url.js';
import { filterRecordings } from '../../src/recordings/filter.js';
import { searchable } from '../../src/i18n/search.js';

const youtube = (extra: Partial<Recording> = {}): Recording => ({
  id: 'r',
  title: 'T',
  provider: 'youtube',
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  captions: [
    { language: 'en', url: 'https://example.org/en.vtt' },
    { language: 'es-419', url: 'https://example.org/es.vtt' },
  ],
  ...extra,
});

describe('recordings: embed URLs', () => {
  it('builds the youtube-nocookie URL with the UI language and caption preference', () => {
    const url = new URL(embedUrl(youtube(), 'es-MX')!);
    expect(url.origin + url.pathname).to.equal('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      autoplay: '1',
      rel: '0',
      hl: 'es-MX',
      cc_lang_pref: 'es-419',
      cc_load_policy: '1',
    });
  });

  it('asks for no captions when none are in the visitor’s language', () => {
    const url = new URL(embedUrl(youtube(), 'fr')!);
    expect(url.searchParams.get('hl')).to.equal('fr');
    expect(url.searchParams.has('cc_lang_pref')).to.be.false;
    expect(url.searchParams.has('cc_load_policy')).to.be.false;
  });

  it('prefers the feed’s videoId, else reads it from any YouTube URL form', () => {
    expect(videoIdOf(youtube({ videoId: 'abcdefghijk' }))).to.equal('abcdefghijk');
    for (const url of [
      'https://youtu.be/abcDEF12345?t=10',
      'https://www.youtube.com/watch?feature=share&v=abcDEF12345',
      'https://www.youtube.com/embed/abcDEF12345',
      'https://www.youtube.com/live/abcDEF12345',
      'https://m.youtube.com/shorts/abcDEF12345',
    ]) {
      expect(videoIdOf(youtube({ url })), url).to.equal('abcDEF12345');
    }
    expect(embedUrl(youtube({ url: 'https://www.youtube.com/channel/x' }), 'en')).to.be.undefined;
  });

  it('builds the Vimeo URL with dnt=1 and the caption track', () => {
    const vimeo = youtube({ provider: 'vimeo', url: 'https://vimeo.com/channels/staffpicks/76979871' });
    expect(embedUrl(vimeo, 'en')).to.equal('https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&texttrack=en');
    expect(embedUrl({ ...vimeo, captions: [] }, 'en')).to.equal('https://player.vimeo.com/video/76979871?autoplay=1&dnt=1');
    expect(embedUrl({ ...vimeo, videoId: '123' }, 'ar')).to.equal('https://player.vimeo.com/video/123?autoplay=1&dnt=1');
  });

  it('keeps an unlisted Vimeo video’s hash, even one that starts with digits', () => {
    const vimeo = (url: string) => youtube({ provider: 'vimeo', url, captions: [] });
    expect(videoIdOf(vimeo('https://vimeo.com/123456789/0a1b2c3d4e'))).to.equal('123456789');
    expect(embedUrl(vimeo('https://vimeo.com/123456789/0a1b2c3d4e'), 'en')).to.equal(
      'https://player.vimeo.com/video/123456789?autoplay=1&h=0a1b2c3d4e&dnt=1',
    );
    expect(embedUrl(vimeo('https://player.vimeo.com/video/123456789?h=abcdef0123&badge=0'), 'en')).to.equal(
      'https://player.vimeo.com/video/123456789?autoplay=1&h=abcdef0123&dnt=1',
    );
    expect(embedUrl(vimeo('https://vimeo.com/channels/staffpicks/76979871/'), 'en')).to.equal(
      'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1',
    );
  });

  it('has no embed for files, and picks their caption by primary language', () => {
    const file = youtube({ provider: 'file', url: 'https://example.org/v.mp4' });
    expect(embedUrl(file, 'en')).to.be.undefined;
    expect(captionFor(file, 'es')?.url).to.equal('https://example.org/es.vtt');
    expect(captionFor(file, 'fr')).to.be.undefined;
  });
});

describe('recordings: durations', () => {
  it('parses ISO 8601 durations, folding days into hours', () => {
    expect(parseDuration('PT1H58M')).to.deep.equal({ hours: 1, minutes: 58, seconds: 0 });
    expect(parseDuration('P1DT2H')).to.deep.equal({ hours: 26, minutes: 0, seconds: 0 });
    expect(parseDuration('PT45M30.5S')).to.deep.equal({ hours: 0, minutes: 45, seconds: 30 });
    expect(parseDuration('1:58')).to.be.undefined;
  });

  it('formats with Intl in the visitor’s language, seconds only under an hour', () => {
    const en = formatDuration('PT1H58M20S', 'en');
    expect(en).to.match(/1\s?hr/).and.match(/58\s?min/).and.not.match(/sec|20/);
    expect(formatDuration('PT45M30S', 'en')).to.match(/45\s?min/).and.match(/30\s?sec/);
    expect(formatDuration('PT2H', 'fr')).to.match(/2\s?h/).and.not.match(/hr/);
    expect(formatDuration('PT2H', 'ar')).to.not.equal(formatDuration('PT2H', 'en'));
    expect(formatDuration(undefined, 'en')).to.equal('');
  });
});

describe('recordings: search and filters', () => {
  const items = [
    { id: 1, haystack: searchable('Démocratie numérique Ana Martínez'), languages: ['fr'], tags: ['digital'] },
    { id: 2, haystack: searchable('Housing after the pandemic'), languages: ['es', 'en'], tags: ['housing', 'resilience'] },
    { id: 3, haystack: searchable('Financing resilience'), languages: ['fr'], tags: ['finance', 'resilience'] },
  ];
  const ids = (filter: Parameters<typeof filterRecordings>[1]) => filterRecordings(items, filter).map((i) => i.id);

  it('finds text regardless of case and accents, every word anywhere', () => {
    expect(ids({ query: 'DEMOCRATIE' })).to.deep.equal([1]);
    expect(ids({ query: 'martinez numérique' })).to.deep.equal([1]);
    expect(ids({ query: '  pandemic   housing ' })).to.deep.equal([2]);
    expect(ids({ query: 'housing finance' })).to.deep.equal([]);
    expect(ids({ query: '' })).to.deep.equal([1, 2, 3]);
  });

  it('filters by language (primary subtag) and tag, combined with the text', () => {
    expect(ids({ language: 'en-GB' })).to.deep.equal([2]);
    expect(ids({ language: 'fr' })).to.deep.equal([1, 3]);
    expect(ids({ tag: 'resilience' })).to.deep.equal([2, 3]);
    expect(ids({ tag: 'resilience', language: 'fr', query: 'financ' })).to.deep.equal([3]);
  });
});
