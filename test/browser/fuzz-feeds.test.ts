import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import '../../src/bundle.js';
import { formatIssue, validateFeed } from '../../src/contract/validate.js';
import { hostileFeed, hugeFeed } from '../support/hostile-feeds.js';
import { textOf } from '../support/dom.js';

// Hostile feeds loaded by every element on one page, the way a broken exporter or an attacker would
// serve them. Seeded and reproducible: FUZZ_SEED picks the run, FUZZ_FEEDS its size (1,000 by default;
// `FUZZ_FEEDS=10000 npx wtr --files test/browser/fuzz-feeds.test.ts` for a release check). The table
// of findings is printed at the end of the run; any finding fails the test.

const FINDINGS = ['exceptions', 'executions', 'injected', 'pollution', 'blank', 'stuck', 'error logs'] as const;
type Finding = (typeof FINDINGS)[number];

interface Run {
  feeds: number;
  msPerFeed?: number;
  hugeMs?: number;
  failedFeeds: number;
  counts: Record<Finding, number>;
  /** Exceptions by the first line of the library's own code in their stack. */
  places: Record<string, number>;
  examples: Record<Finding, string[]>;
}

declare global {
  interface Window {
    __fuzzPwned?: (n: number) => void;
  }
}

const TAGS = ['civic-countdown', 'civic-agenda', 'civic-poll', 'civic-recordings'];
const UNSAFE_URL = /^(javascript|data|vbscript):/i;

/** Every element in `root` and in the shadow roots below it. */
function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

function injected(page: HTMLElement): string[] {
  const found: string[] = [];
  if (document.querySelector('[data-fuzz-injected]')) found.push('[data-fuzz-injected] in the page');
  for (const el of deep(page)) {
    if (el.localName === 'script' || el.hasAttribute('data-fuzz-injected')) found.push(`<${el.localName}> element`);
    for (const { name, value } of el.attributes) {
      if (name.startsWith('on')) found.push(`${name} attribute on <${el.localName}>`);
      // The one data: URL the library writes itself: the .ics download it builds from the feed.
      const ownCalendar = name === 'href' && el.hasAttribute('download') && value.startsWith('data:text/calendar;');
      if (!ownCalendar && ['href', 'src', 'action', 'formaction', 'srcdoc', 'poster', 'data'].includes(name) && UNSAFE_URL.test(value.replace(/[\s\u0000-\u001f]/g, ''))) {
        found.push(`${name}="${value.slice(0, 40)}" on <${el.localName}>`);
      }
    }
  }
  return found;
}

function polluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return 'fuzzPolluted' in probe || 'fuzzPolluted' in [] || Object.prototype.hasOwnProperty.call(Object.prototype, 'fuzzPolluted');
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Loads `body` into <civic-event> with the four widgets, and records what went wrong. */
async function load(run: Run, label: string, body: string, caught: string[], errorLog: sinon.SinonStub): Promise<void> {
  const key = `fz-${label.replace(/\W+/g, '-')}-${Math.random().toString(36).slice(2)}`;
  const src = `/__mem/${key}.json`;
  await fetch(src, { method: 'PUT', body });
  const expected = validateFeed(JSON.parse(body), new URL(src, location.href).href);
  const note = (finding: Finding, detail: string) => {
    run.counts[finding]++;
    if (run.examples[finding].length < 5) run.examples[finding].push(`${label}: ${detail}`);
  };
  const logsBefore = errorLog.callCount;
  caught.length = 0;

  const page = document.createElement('div');
  const event = document.createElement('civic-event') as LitElement & { src: string };
  event.src = src;
  for (const tag of TAGS) event.append(document.createElement(tag));
  page.append(event);
  const settled = new Promise<string>((resolve) => {
    event.addEventListener('civic-feed-load', () => resolve('load'), { once: true });
    event.addEventListener('civic-feed-error', () => resolve('error'), { once: true });
    setTimeout(() => resolve('never'), 15_000);
  });
  document.body.append(page);
  const outcome = await settled;
  const widgets = [...event.children] as LitElement[];
  for (let i = 0; i < 2; i++) {
    await Promise.all(widgets.map((w) => w.updateComplete.catch((e: unknown) => caught.push(String((e as Error)?.stack ?? e)))));
    await frame();
  }

  // What a visitor does first: open "add to calendar" and play a recording (their links are built then).
  const clickable = widgets.flatMap((w) => [...(w.shadowRoot?.querySelectorAll<HTMLElement>('button.add, [part~="play"]') ?? [])].slice(0, 5));
  if (clickable.length) {
    for (const el of clickable) el.click();
    await Promise.all(widgets.map((w) => w.updateComplete.catch((e: unknown) => caught.push(String((e as Error)?.stack ?? e)))));
    await frame();
  }
  if (outcome === 'never') note('stuck', 'the feed never settled');
  for (const w of widgets) {
    const root = w.shadowRoot;
    const text = textOf(root);
    if (!text) note('blank', `<${w.localName}> shows nothing`);
    else if (root!.querySelector('[aria-busy="true"]')) note('stuck', `<${w.localName}> still says "${text.slice(0, 40)}" after the feed's ${outcome}`);
  }
  for (const found of injected(page)) note('injected', found);
  if (polluted()) {
    note('pollution', 'Object.prototype.fuzzPolluted');
    delete (Object.prototype as Record<string, unknown>)['fuzzPolluted'];
  }
  const feedLogs = errorLog
    .getCalls()
    .slice(logsBefore)
    .map((c) => String(c.args[0]))
    .filter((m) => m.startsWith('[civic-widgets] feed '));
  if (!expected.ok) {
    run.failedFeeds++;
    const path = formatIssue(expected.issues[0]!).split(':')[0]!;
    if (outcome !== 'error') note('error logs', `invalid (${path}) but the feed's ${outcome}`);
    else if (feedLogs.length !== 1 || !feedLogs[0]!.includes(path)) note('error logs', `${feedLogs.length} console errors for ${path}: ${feedLogs.join(' | ').slice(0, 160)}`);
  } else if (feedLogs.length) {
    note('error logs', `valid, yet logged: ${feedLogs[0]!.slice(0, 160)}`);
  }
  page.remove();
  await frame(); // errors thrown by a timer that fired while the widgets were on the page
  for (const error of caught) {
    const place = /src\/[\w/-]+\.ts:\d+/.exec(error)?.[0] ?? 'unknown place';
    run.places[place] = (run.places[place] ?? 0) + 1;
    note('exceptions', `${error.split('\n')[0]!.slice(0, 120)} at ${place}`);
  }
  void fetch(src, { method: 'DELETE' });
  run.feeds++;
}

function table(run: Run): string {
  const rows = [
    ['feeds', run.feeds],
    ['failed feeds (each must log one error naming the path)', run.failedFeeds],
    ['ms per feed (all five elements)', run.msPerFeed ?? ''],
    ['ms for the 10,000-session feed', run.hugeMs ?? ''],
    ...FINDINGS.map((f) => [f, run.counts[f]]),
  ];
  const lines = rows.map(([name, n]) => `${String(name).padEnd(56)} ${String(n).padStart(7)}`);
  for (const [place, n] of Object.entries(run.places)) lines.push(`  exceptions at ${place}: ${n}`);
  for (const f of FINDINGS) for (const example of run.examples[f]) lines.push(`  ${f}: ${example}`);
  return lines.join('\n');
}

describe('hostile feeds, every element on one page', function () {
  let config: { feeds: number; seed: number };
  const caught: string[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => {
    // Recorded here and kept from Mocha, which would end the run at the first one.
    caught.push('reason' in event ? `unhandled rejection: ${String(event.reason?.stack ?? event.reason)}` : `uncaught: ${event.error?.stack ?? event.message}`);
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  let pwned = 0;

  before(async () => {
    config = await (await fetch('/__fuzz-config')).json();
    this.timeout(0);
    window.__fuzzPwned = () => pwned++;
    window.addEventListener('error', onError, { capture: true });
    window.addEventListener('unhandledrejection', onError, { capture: true });
  });
  after(() => {
    window.removeEventListener('error', onError, { capture: true });
    window.removeEventListener('unhandledrejection', onError, { capture: true });
    delete window.__fuzzPwned;
    localStorage.clear();
  });

  it('no exception, execution, injected element, pollution, blank or stuck widget; one error naming the path per failed feed', async function () {
    this.timeout(0);
    const run: Run = {
      feeds: 0,
      failedFeeds: 0,
      places: {},
      counts: Object.fromEntries(FINDINGS.map((f) => [f, 0])) as Run['counts'],
      examples: Object.fromEntries(FINDINGS.map((f) => [f, []])) as unknown as Run['examples'],
    };
    const errorLog = sinon.stub(console, 'error');
    sinon.stub(console, 'warn');
    try {
      const now = Date.now();
      for (let i = 0; i < config.feeds; i++) {
        const feed = hostileFeed(config.seed, i, now, location.origin);
        const before = pwned;
        await load(run, `#${i} (${feed.mutations.join(', ')})`, feed.body, caught, errorLog);
        if (pwned > before) {
          run.counts.executions += pwned - before;
          run.examples.executions.push(`#${i} (${feed.mutations.join(', ')})`);
        }
      }
      run.msPerFeed = Math.round((Date.now() - now) / Math.max(1, config.feeds));
      const hugeStart = Date.now();
      await load(run, '10,000 sessions', hugeFeed(10_000, now), caught, errorLog);
      run.hugeMs = Date.now() - hugeStart;
    } finally {
      sinon.restore();
    }
    const report = `fuzz-feeds, seed ${config.seed}\n${table(run)}`;
    console.log(report);
    expect(run.feeds).to.equal(config.feeds + 1);
    expect(run.counts, report).to.deep.equal(Object.fromEntries(FINDINGS.map((f) => [f, 0])));
  });
});
