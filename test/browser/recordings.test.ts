import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/event/define.js';
import '../../src/recordings/define.js';
import type { CivicRecordings } from '../../src/recordings/civic-recordings.js';
import type { RecordingPlayEvent } from '../../src/recordings/events.js';
import { textOf as text } from '../support/dom.js';

let unique = 0;
const feedUrl = (name = 'recordings', query = '') => `/__feed/${name}.json?key=rec-${Date.now()}-${unique++}${query}`;

const root = (el: Element) => el.shadowRoot!;
const all = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const titles = (el: Element) => all(el, '[part=title]').map(text);
const status = (el: Element) => text(root(el).querySelector('.count'));
const item = (el: Element, title: string) => all(el, '[part=item]').find((li) => text(li.querySelector('h3')) === title)!;

async function widget(template = (src: string) => html`<civic-recordings lang="en" src=${src}></civic-recordings>`, src = feedUrl()) {
  const el = await fixture<CivicRecordings>(template(src));
  await waitUntil(() => root(el).querySelector('[part=item], .notice:not([aria-busy]), [part=error]'), 'the widget never settled');
  await el.updateComplete;
  return el;
}

async function type(el: CivicRecordings, query: string) {
  const input = root(el).querySelector('input')!;
  input.value = query;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function choose(el: CivicRecordings, index: number, value: string) {
  const select = all(el, 'select')[index] as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function play(el: CivicRecordings, title: string) {
  (item(el, title).querySelector('[part=play]') as HTMLButtonElement).click();
  await el.updateComplete;
}

/** A feed of `n` recordings, served from a blob: URL (the store fetches it like any other). */
function bigFeed(n: number): string {
  const recordings = Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    title: `Recording ${i}`,
    recordedAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    duration: 'PT1H',
    provider: i % 3 ? 'youtube' : 'vimeo',
    videoId: String(100000 + i),
    url: `https://example.org/${i}`,
    language: ['en', 'fr', 'es'][i % 3],
    tags: [`tag${i % 10}`],
  }));
  const feed = { version: 1, event: { id: 'big', title: 'Big', timeZone: 'UTC' }, sessions: [], recordings };
  return URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
}

describe('<civic-recordings>', () => {
  afterEach(() => {
    sinon.restore();
    localStorage.clear();
  });

  it('lists recordings newest first, dated in the visitor’s zone, or in each session’s zone', async () => {
    const el = await widget();
    expect(titles(el)).to.deep.equal([
      'Opening of the Forum',
      'Housing after the pandemic',
      'Financing local resilience',
      'Démocratie numérique: a conversation',
      'Peer learning among cities',
    ]);
    // 10:00 in Seoul on 20 June is 21:00 on 19 June in New York.
    expect(text(item(el, 'Opening of the Forum').querySelector('[part=time]'))).to.equal('Jun 19, 2026');
    el.timeZone = 'event';
    await el.updateComplete;
    expect(text(item(el, 'Opening of the Forum').querySelector('[part=time]'))).to.equal('Jun 20, 2026');
    expect(item(el, 'Opening of the Forum').querySelector('[part=time]')!.getAttribute('datetime')).to.equal('2026-06-20T01:00:00.000Z');
  });

  it('shows session, duration, language, captions, speakers and tags', async () => {
    const el = await widget();
    const li = item(el, 'Peer learning among cities');
    const meta = [...li.querySelectorAll('.meta')].map(text);
    expect(meta[0]).to.contain('Stocktaking 1: Peer learning').and.contain('May 31, 2026').and.match(/1\s?hr, 32\s?min/).and.contain('English');
    expect(meta[1]).to.equal('Captions: English and Spanish');
    expect(meta[2]).to.equal('Speakers: Ana Martínez and Octavi de la Varga');
    expect([...li.querySelectorAll('.tags li')].map(text)).to.deep.equal(['peer learning']);
    expect(li.querySelector('time[datetime=PT1H32M]')).to.exist;
  });

  it('requests nothing from a third party before play, and only the player after', async () => {
    performance.setResourceTimingBufferSize(10_000);
    performance.clearResourceTimings();
    const seen: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.name)));
    observer.observe({ type: 'resource' });
    const src = feedUrl();
    const el = await widget(undefined, src);
    // Let the organizer's thumbnails load (or fail) before counting.
    await waitUntil(() => performance.getEntriesByType('resource').some((e) => e.name.includes('peer-learning.svg')));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const names = [...performance.getEntriesByType('resource').map((e) => e.name), ...seen];
    const thirdParty = names.filter((name) => new URL(name).origin !== location.origin);
    expect(names.some((name) => name.includes(src.split('?')[1]!))).to.be.true; // the counter does see requests
    expect(thirdParty).to.deep.equal([]);
    expect(all(el, 'iframe, video')).to.have.length(0);
    expect(all(el, 'img').map((img) => new URL((img as HTMLImageElement).src).origin)).to.deep.equal([location.origin]);
    await play(el, 'Peer learning among cities');
    expect(all(el, 'iframe')).to.have.length(1);
    observer.disconnect();
  });

  it('opens the YouTube privacy-enhanced player on click, fires civic-recordings-play and moves focus', async () => {
    const el = await widget();
    const button = item(el, 'Peer learning among cities').querySelector<HTMLButtonElement>('[part=play]')!;
    expect(button.getAttribute('aria-label')).to.equal('Play: Peer learning among cities (loads YouTube)');
    const fired = oneEvent(document, 'civic-recordings-play');
    button.click();
    const event = (await fired) as unknown as RecordingPlayEvent;
    expect([event.recordingId, event.provider, event.bubbles, event.composed]).to.deep.equal(['rec-peer-learning', 'youtube', true, true]);
    await el.updateComplete;
    const iframe = root(el).querySelector('iframe')!;
    expect(iframe.src).to.equal('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0&hl=en&cc_lang_pref=en&cc_load_policy=1');
    expect(iframe.title).to.equal('Peer learning among cities (YouTube)');
    expect(iframe.getAttribute('allow')).to.equal('autoplay; fullscreen; picture-in-picture');
    expect(iframe.getAttribute('referrerpolicy')).to.equal('strict-origin-when-cross-origin');
    expect(iframe.hasAttribute('sandbox')).to.be.false;
    expect(root(el).activeElement).to.equal(iframe);
  });

  it('passes the visitor’s language and captions to YouTube (id read from the URL) and Vimeo', async () => {
    const fr = await widget((src) => html`<civic-recordings lang="fr" src=${src}></civic-recordings>`);
    await play(fr, 'Financer la résilience locale');
    expect(root(fr).querySelector('iframe')!.src).to.equal(
      'https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1&rel=0&hl=fr&cc_lang_pref=fr&cc_load_policy=1',
    );
    await play(fr, 'Apprendre entre villes'); // no French captions
    expect(root(fr).querySelector('iframe')!.src).to.equal('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0&hl=fr');
    const es = await widget((src) => html`<civic-recordings lang="es" src=${src}></civic-recordings>`);
    await play(es, 'La vivienda tras la pandemia');
    expect(root(es).querySelector('iframe')!.src).to.equal('https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&texttrack=es');
    expect(root(es).querySelector('iframe')!.title).to.equal('La vivienda tras la pandemia (Vimeo)');
  });

  it('keeps one player open: playing another closes the first', async () => {
    const el = await widget();
    await play(el, 'Peer learning among cities');
    await play(el, 'Housing after the pandemic');
    expect(all(el, 'iframe').map((f) => (f as HTMLIFrameElement).src)).to.deep.equal([
      'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1&texttrack=en',
    ]);
    expect(item(el, 'Peer learning among cities').querySelector('[part=play]')).to.exist;
  });

  it('plays a file in a native <video> with a caption track per language, the visitor’s by default', async () => {
    const src = feedUrl();
    const el = await widget((s) => html`<civic-recordings lang="fr" src=${s}></civic-recordings>`, src);
    const li = item(el, 'Ouverture du Forum');
    expect(li.querySelector('[part=play]')!.getAttribute('aria-label')).to.equal('Lire: Ouverture du Forum');
    expect(li.querySelector('.privacy')).to.be.null; // the organizer's own file: no third party to announce
    expect(all(el, 'video')).to.have.length(0);
    await play(el, 'Ouverture du Forum');
    const video = root(el).querySelector('video')!;
    expect(video.controls).to.be.true;
    expect(video.preload).to.equal('none');
    expect(video.src).to.equal(new URL('/__feed/media/forum-opening.mp4', location.href).href);
    const tracks = [...video.querySelectorAll('track')].map((t) => [t.kind, t.srclang, t.label, t.default, new URL(t.src).pathname]);
    expect(tracks).to.deep.equal([
      ['captions', 'en', 'anglais', false, '/__feed/captions/forum.en.vtt'],
      ['captions', 'fr', 'français', true, '/__feed/captions/forum.fr.vtt'],
    ]);
    expect(root(el).activeElement).to.equal(video);
  });

  it('searches title, session, speakers and tags, ignoring accents', async () => {
    const el = await widget();
    expect(status(el)).to.equal('Recordings: 5');
    await type(el, 'democratie');
    expect(titles(el)).to.deep.equal(['Démocratie numérique: a conversation']);
    expect(status(el)).to.equal('Found: 1 of 5');
    await type(el, 'heo tae');
    expect(titles(el)).to.deep.equal(['Opening of the Forum']);
    await type(el, 'local finance');
    expect(titles(el)).to.deep.equal(['Financing local resilience']);
    await type(el, 'nothing like this');
    expect(titles(el)).to.deep.equal([]);
    expect(text(root(el).querySelector('[part=notice]'))).to.equal('No recording matches your search.');
  });

  it('filters by language (spoken or captioned) and by tag', async () => {
    const el = await widget();
    const options = all(el, 'select').map((s) => [...(s as HTMLSelectElement).options].map((o) => o.text));
    expect(options[0]).to.deep.equal(['All', 'Arabic', 'English', 'French', 'Spanish']);
    expect(options[1]).to.deep.equal(['All', 'digital', 'finance', 'forum', 'housing', 'peer learning', 'resilience']);
    await choose(el, 0, 'fr');
    expect(titles(el)).to.deep.equal(['Opening of the Forum', 'Financing local resilience']);
    await choose(el, 1, 'resilience');
    expect(titles(el)).to.deep.equal(['Financing local resilience']);
    await choose(el, 0, '');
    expect(titles(el)).to.deep.equal(['Housing after the pandemic', 'Financing local resilience']);
  });

  it('groups by session in programme order, with the session-less last', async () => {
    const el = await widget((src) => html`<civic-recordings lang="en" group="session" src=${src}></civic-recordings>`);
    expect(all(el, 'h2.group').map(text)).to.deep.equal([
      'Stocktaking 1: Peer learning',
      'Stocktaking 2: Local finance',
      'Stocktaking 3: Housing',
      'Learning Forum',
      'Other recordings',
    ]);
    expect(text(all(el, 'section')[3]!.querySelector('h3'))).to.equal('Opening of the Forum');
  });

  it('closes the open player when the search changes, rather than restart it elsewhere', async () => {
    const el = await widget();
    await play(el, 'Peer learning among cities');
    await type(el, 'peer');
    expect(titles(el)).to.deep.equal(['Peer learning among cities']);
    expect(all(el, 'iframe')).to.have.length(0);
  });

  it('links to the provider when no video id can be read, and embeds nothing', async () => {
    const feed = {
      version: 1,
      event: { id: 'e', title: 'E', timeZone: 'UTC' },
      sessions: [],
      recordings: [{ id: 'x', title: 'Channel', provider: 'youtube', url: 'https://www.youtube.com/channel/UC123' }],
    };
    const src = URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
    const el = await widget((s) => html`<civic-recordings lang="en" src=${s}></civic-recordings>`, src);
    const link = root(el).querySelector<HTMLAnchorElement>('[part=item] a')!;
    expect([link.href, text(link)]).to.deep.equal(['https://www.youtube.com/channel/UC123', 'YouTube']);
    expect(all(el, '[part=play], iframe')).to.have.length(0);
    URL.revokeObjectURL(src);
  });

  it('shows only the recordings of the session named by `session`', async () => {
    const el = await widget((src) => html`<civic-recordings lang="en" session="stocktaking-3" src=${src}></civic-recordings>`);
    expect(titles(el)).to.deep.equal(['Housing after the pandemic']);
    expect(root(el).querySelector('form')).to.be.null;
  });

  it('renders 1,000 recordings a page at a time, and searches all of them', async () => {
    const src = bigFeed(1000);
    const el = await widget((s) => html`<civic-recordings lang="en" src=${s}></civic-recordings>`, src);
    expect(all(el, '[part=item]')).to.have.length(24);
    expect(titles(el)[0]).to.equal('Recording 999');
    expect(status(el)).to.equal('Recordings: 1,000');
    const more = root(el).querySelector<HTMLButtonElement>('[part=button]')!;
    expect(text(more)).to.equal('Show more (24 of 1,000 shown)');
    more.click();
    await el.updateComplete;
    expect(all(el, '[part=item]')).to.have.length(48);
    expect(root(el).activeElement).to.equal(all(el, '[part=item]')[24]!.querySelector('[part=play]')); // the first new card
    await type(el, '123');
    expect(titles(el)).to.deep.equal(['Recording 123']); // far beyond the pages shown
    expect(status(el)).to.equal('Found: 1 of 1,000');
    await type(el, '');
    await choose(el, 1, 'tag3');
    const tagged = Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 10 === 3);
    expect(status(el)).to.equal(`Found: ${tagged.length} of 1,000`);
    expect(titles(el)).to.deep.equal(tagged.reverse().slice(0, 24).map((i) => `Recording ${i}`));
    URL.revokeObjectURL(src);
  });

  for (const [lang, play, loads, total, dir] of [
    ['en', 'Play: Peer learning among cities (loads YouTube)', 'YouTube loads only when you press play', 'Recordings: 5', 'ltr'],
    ['fr', 'Lire: Apprendre entre villes (charge YouTube)', 'YouTube ne se charge qu’à la lecture', 'Enregistrements : 5', 'ltr'],
    ['es', 'Reproducir: Aprender entre ciudades (carga YouTube)', 'YouTube solo se carga al reproducir', 'Grabaciones: 5', 'ltr'],
    ['ar', 'تشغيل: Peer learning among cities (يحمّل YouTube)', 'لا يُحمَّل YouTube إلا عند الضغط على تشغيل', 'التسجيلات: 5', 'rtl'],
  ] as const) {
    it(`speaks ${lang}, with 0 axe violations in the list and while playing`, async () => {
      const el = await widget((src) => html`<civic-recordings lang=${lang} src=${src}></civic-recordings>`);
      const first = all(el, '[part=item]').find((li) => li.querySelector('[part=play]')?.getAttribute('aria-label') === play);
      expect(first, `a poster labelled "${play}"`).to.exist;
      expect(text(first!.querySelector('.privacy'))).to.contain(loads);
      expect(status(el)).to.equal(total);
      expect(root(el).querySelector('[part=base]')!.getAttribute('dir')).to.equal(dir);
      await expect(el).to.be.accessible();
      (first!.querySelector('[part=play]') as HTMLButtonElement).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }

  it('has 0 axe violations loading, on error, empty, with no match, grouped, playing a file, and dark', async () => {
    const loading = await fixture<CivicRecordings>(html`<civic-recordings lang="en" src=${feedUrl('recordings', '&delay=3000')}></civic-recordings>`);
    expect(text(root(loading).querySelector('[aria-busy]'))).to.equal('Loading…');
    await expect(loading).to.be.accessible();
    const error = await widget((src) => html`<civic-recordings lang="fr" src=${src}></civic-recordings>`, feedUrl('recordings', '&status=500'));
    expect(root(error).querySelector('[role=alert]')).to.exist;
    await expect(error).to.be.accessible();
    const empty = await widget(undefined, feedUrl('recordings-empty'));
    expect(text(root(empty).querySelector('[part=notice]'))).to.equal('No recordings yet.');
    await expect(empty).to.be.accessible();
    const grouped = await widget((src) => html`<civic-recordings lang="es" group="session" theme="dark" src=${src}></civic-recordings>`);
    await expect(grouped).to.be.accessible();
    await type(grouped, 'zzz');
    await expect(grouped).to.be.accessible();
    const file = await widget((src) => html`<civic-recordings lang="ar" theme="dark" src=${src}></civic-recordings>`);
    await play(file, 'Opening of the Forum');
    expect(root(file).querySelector('video')).to.exist;
    await expect(file).to.be.accessible();
  });

  it('survives a malformed lang attribute; a page-size of 0 means the default, below 0 one card', async () => {
    const el = await widget((src) => html`<civic-recordings lang="en_US" page-size="0" src=${src}></civic-recordings>`);
    expect(titles(el)).to.have.length(5);
    expect(status(el)).to.equal('Recordings: 5');
    el.pageSize = -3;
    await el.updateComplete;
    expect(titles(el)).to.have.length(1);
    expect(text(root(el).querySelector('[part=button]'))).to.equal('Show more (1 of 5 shown)');
  });

  it('marks titles the feed has only in English with lang="en" on an Arabic page', async () => {
    // A screen reader picks its voice from `lang`; dir="auto" keeps the English title's punctuation in place in RTL.
    const el = await widget((src) => html`<civic-recordings lang="ar" src=${src}></civic-recordings>`);
    const title = item(el, 'Peer learning among cities').querySelector('h3')!;
    expect(title.getAttribute('lang')).to.equal('en');
    expect(title.getAttribute('dir')).to.equal('auto');
    const fr = await widget((src) => html`<civic-recordings lang="fr" src=${src}></civic-recordings>`);
    expect(item(fr, 'Apprendre entre villes').querySelector('h3')!.hasAttribute('lang')).to.be.false;
  });

  it('agrees each filter’s "all" with its noun in French', async () => {
    const el = await widget((src) => html`<civic-recordings lang="fr" src=${src}></civic-recordings>`);
    const first = Array.from(el.shadowRoot!.querySelectorAll('select')).map((s) => s.options[0]!.textContent);
    expect(first).to.deep.equal(['Toutes', 'Tous']); // langue, thèmes
  });

  it('sets French colons apart with a narrow no-break space', async () => {
    // textContent as is: `text()` would fold the narrow no-break space into a plain one.
    const el = await widget((src) => html`<civic-recordings lang="fr" src=${src}></civic-recordings>`);
    expect(root(el).querySelector('.count')!.textContent).to.equal('Enregistrements\u202f: 5');
    const captions = all(el, '.meta').find((p) => p.textContent!.startsWith('Sous-titres'));
    expect(captions!.textContent).to.match(/^Sous-titres\u202f: /);
  });

  it('works inside <civic-event> without its own src', async () => {
    const host = await fixture(html`<civic-event src=${feedUrl()}><civic-recordings lang="en"></civic-recordings></civic-event>`);
    const el = host.querySelector('civic-recordings')!;
    await waitUntil(() => titles(el).length === 5);
    expect(titles(el)[0]).to.equal('Opening of the Forum');
  });

  it('plays a video whose id holds a lone UTF-16 surrogate instead of staying on "Loading…" (issue 18)', async () => {
    const feed = {
      version: 1,
      event: { id: 'lone', title: 'Lone', timeZone: 'UTC' },
      sessions: [],
      recordings: [{ id: 'r1', title: 'Cut \ud83d', provider: 'youtube', videoId: 'abc\ud83d', url: 'https://www.youtube.com/watch?v=abc' }],
    };
    const src = URL.createObjectURL(new Blob([JSON.stringify(feed)], { type: 'application/json' }));
    const el = await widget(undefined, src);
    expect(titles(el)).to.deep.equal(['Cut \ud83d']);
    await play(el, 'Cut \ud83d');
    expect(root(el).querySelector('iframe')!.src).to.match(/^https:\/\/www\.youtube-nocookie\.com\/embed\/abc%EF%BF%BD\?/);
  });

  describe('issue 13, item 5', () => {
    const tagged = {
      version: 1,
      languages: ['en', 'fr'],
      event: { id: 'tags', title: 'Tags', timeZone: 'UTC' },
      sessions: [],
      tracks: [{ id: 'e-learning', title: { en: 'e-Learning', fr: 'Apprentissage en ligne' } }],
      recordings: [
        { id: 'a', title: 'A', provider: 'file', url: 'https://example.org/a.mp4', duration: 'PT1H58M', tags: ['e learning', 'captions'], recordedAt: '2026-01-02T10:00:00Z' },
        { id: 'b', title: 'B', provider: 'file', url: 'https://example.org/b.mp4', tags: ['captions'], recordedAt: '2026-01-01T10:00:00Z' },
      ],
    };

    it('shows a tag that names a track as its title in the visitor’s language, any other as written in the feed’s language', async () => {
      const src = URL.createObjectURL(new Blob([JSON.stringify(tagged)], { type: 'application/json' }));
      const el = await widget((url) => html`<civic-recordings lang="fr" src=${url}></civic-recordings>`, src);
      const options = [...(all(el, 'select').at(-1) as HTMLSelectElement).options].slice(1);
      expect(options.map((o) => [o.textContent, o.getAttribute('lang')])).to.deep.equal([
        ['Apprentissage en ligne', null],
        ['captions', 'en'],
      ]);
      expect(all(el, '.tags li').map((li) => [text(li), li.getAttribute('lang')])).to.deep.equal([
        ['Apprentissage en ligne', null],
        ['captions', 'en'],
        ['captions', 'en'],
      ]);
      await choose(el, all(el, 'select').length - 1, 'e learning');
      expect(titles(el)).to.deep.equal(['A']);
    });

    it('never wraps a duration between number and unit', async () => {
      const src = URL.createObjectURL(new Blob([JSON.stringify(tagged)], { type: 'application/json' }));
      const el = await widget((url) => html`<civic-recordings lang="ar" src=${url}></civic-recordings>`, src);
      const duration = root(el).querySelector<HTMLElement>('time[datetime="PT1H58M"]')!;
      expect(getComputedStyle(duration).whiteSpace).to.equal('nowrap');
    });

    /** WCAG relative luminance of an sRGB colour [0–255]. */
    const luminance = (rgb: number[]) =>
      rgb
        .map((c) => c / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
        .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const rgba = (value: string) => value.match(/[\d.]+/g)!.map(Number);
    const over = (color: number[], poster: number[]) => {
      const alpha = color[3] ?? 1;
      return [0, 1, 2].map((i) => color[i]! * alpha + poster[i]! * (1 - alpha));
    };

    it('draws Play as a centred dark disc with a light ring: 3:1 or more against a white, black or blue poster', async () => {
      const el = await widget();
      const button = item(el, 'Peer learning among cities').querySelector<HTMLElement>('[part=play]')!;
      const disc = button.querySelector<HTMLElement>('.play')!;
      const style = getComputedStyle(disc);
      const ring = rgba(style.borderTopColor);
      const fill = rgba(style.backgroundColor);
      for (const poster of [[255, 255, 255], [0, 0, 0], [11, 87, 164], [0, 99, 154]]) {
        const background = over(fill, poster);
        // The ring stands out from the disc, and the disc (or the ring) from the poster.
        expect(contrast(over(ring, background), background)).to.be.at.least(3);
        expect(Math.max(contrast(background, poster), contrast(over(ring, poster), poster))).to.be.at.least(3);
      }
      const a = button.getBoundingClientRect();
      const b = disc.getBoundingClientRect();
      expect(Math.abs(a.left + a.width / 2 - (b.left + b.width / 2))).to.be.below(2);
      expect(Math.abs(a.top + a.height / 2 - (b.top + b.height / 2))).to.be.below(2);
      expect(button.getAttribute('aria-label')).to.equal('Play: Peer learning among cities (loads YouTube)');
    });
  });
});
