import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import sinon from 'sinon';
import '../../src/bundle.js';
import { settled } from '../support/feed-settled.js';
import { textOf } from '../support/dom.js';

let unique = 0;
const feedUrl = (query = '') => `/__feed/local-democracy.json?key=attrs-${Date.now()}-${unique++}${query}`;

/** Mounts `markup` on a loaded feed, re-renders it a few times, and returns what it warned. */
async function warningsOf(build: (src: string) => ReturnType<typeof html>): Promise<string[]> {
  const warn = sinon.stub(console, 'warn');
  const src = feedUrl();
  await settled(src);
  const host = await fixture<HTMLElement>(html`<div>${build(src)}</div>`);
  const el = host.firstElementChild as LitElement;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="base"]') && !el.shadowRoot.querySelector('[aria-busy]'));
  for (let i = 0; i < 3; i++) {
    el.requestUpdate();
    await el.updateComplete;
  }
  return warn.getCalls().map((c) => String(c.args[0])).filter((m) => m.startsWith('[civic-widgets]'));
}

describe('attribute mistakes: one console warning each, naming the element, the attribute and what it accepts', () => {
  afterEach(() => sinon.restore());

  const cases: [string, (src: string) => ReturnType<typeof html>, string][] = [
    ['theme="drak"', (src) => html`<civic-countdown src=${src} theme="drak"></civic-countdown>`, '[civic-widgets] <civic-countdown theme="drak">: theme accepts "auto", "light" or "dark".'],
    ['layout="compakt"', (src) => html`<civic-countdown src=${src} layout="compakt"></civic-countdown>`, '[civic-widgets] <civic-countdown layout="compakt">: layout accepts "full" or "compact".'],
    ['session="no-such-id"', (src) => html`<civic-countdown src=${src} session="no-such-id"></civic-countdown>`, '[civic-widgets] <civic-countdown session="no-such-id">: session accepts "local-democracy".'],
    ['poll="no-such"', (src) => html`<civic-poll src=${src} poll="no-such"></civic-poll>`, '[civic-widgets] <civic-poll poll="no-such">: poll accepts "local-democracy-questions".'],
    ['recordings group="sesion"', (src) => html`<civic-recordings src=${src} group="sesion"></civic-recordings>`, '[civic-widgets] <civic-recordings group="sesion">: group accepts "session".'],
    ['time-zone="Mars/Olympus"', (src) => html`<civic-agenda src=${src} time-zone="Mars/Olympus"></civic-agenda>`, '[civic-widgets] time-zone="Mars/Olympus" is not a known IANA time zone; time-zone accepts "local", "event" or an IANA name such as "Europe/Madrid".'],
    ['a misspelt attribute (time-zome)', (src) => html`<civic-agenda src=${src} time-zome="UTC"></civic-agenda>`, '[civic-widgets] <civic-agenda>: unknown attribute "time-zome"; did you mean "time-zone"?'],
  ];
  for (const [what, build, expected] of cases) {
    it(what, async () => {
      const warnings = await warningsOf(build);
      expect(warnings, warnings.join("\n")).to.have.length(1);
      expect(warnings[0]).to.contain(expected);
    });
  }

  it('a misspelt attribute on <civic-event>', async () => {
    const warn = sinon.stub(console, 'warn');
    const el = await fixture<LitElement>(html`<civic-event scr="/feed.json"></civic-event>`);
    el.requestUpdate();
    await el.updateComplete;
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain('<civic-event>: unknown attribute "scr"; did you mean "src"?');
  });

  it('says nothing about correct attributes, global ones, data-* and aria-*', async () => {
    const warnings = await warningsOf(
      (src) => html`<civic-countdown src=${src} id="c" class="x" lang="fr" dir="ltr" data-x="1" aria-label="Countdown" theme="dark" layout="compact" time-zone="Asia/Seoul" refresh="300" session="local-democracy"></civic-countdown>`,
    );
    expect(warnings).to.deep.equal([]);
  });
});

describe('one broken feed shown by several widgets', () => {
  afterEach(() => sinon.restore());

  it('gives the same error box in each: no double frame, the same indent', async () => {
    sinon.stub(console, 'error');
    const src = feedUrl('&status=500');
    const page = await fixture<HTMLElement>(html`<div style="width: 600px">
      <civic-countdown src=${src}></civic-countdown>
      <civic-agenda src=${src}></civic-agenda>
      <civic-poll src=${src}></civic-poll>
      <civic-recordings src=${src}></civic-recordings>
    </div>`);
    const widgets = [...page.children] as LitElement[];
    await waitUntil(() => widgets.every((w) => w.shadowRoot?.querySelector('.error')));
    const boxes = widgets.map((w) => {
      const box = w.shadowRoot!.querySelector('.error')!;
      const base = w.shadowRoot!.querySelector('[part~="base"]')!;
      const [outer, inner] = [w.getBoundingClientRect(), box.getBoundingClientRect()];
      const frame = getComputedStyle(base);
      return {
        inset: [inner.left - outer.left, inner.top - outer.top, outer.right - inner.right],
        frame: [frame.borderTopWidth, frame.paddingTop, frame.paddingLeft],
        text: textOf(box),
      };
    });
    for (const [i, box] of boxes.entries()) expect(box, widgets[i]!.localName).to.deep.equal(boxes[0]);
  });
});
