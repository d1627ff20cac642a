import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import sinon from 'sinon';
import { CivicEvent } from '../../src/event/civic-event.js';
import '../../src/event/define.js';
import { FeedController } from '../../src/feed/feed-controller.js';
import type { FeedErrorEvent, FeedLoadEvent } from '../../src/feed/events.js';
import { renderFeedStatus, renderStaleNote } from '../../src/feed/feed-status.js';
import { localize } from '../../src/contract/text.js';
import { LocaleController } from '../../src/i18n/locale-controller.js';
import { hostStyles } from '../../src/styles/host-styles.js';
import { textOf } from '../support/dom.js';

// The smallest widget built the way the real ones are: FeedController + LocaleController + status.
class FeedProbe extends LitElement {
  static override styles = hostStyles;
  @property() src?: string;
  readonly feed = new FeedController(this);
  readonly locale = new LocaleController(this);
  override render() {
    const state = this.feed.state;
    if (!state?.feed) return renderFeedStatus(state, this.locale);
    return html`${renderStaleNote(state, this.locale)}<h2>${localize(state.feed.event.title, this.locale.lang)}</h2>`;
  }
}
customElements.define('feed-probe', FeedProbe);

let unique = 0;
const feedUrl = (query = '') => `/__feed/local-democracy.json?key=event-${Date.now()}-${unique++}${query}`;
const shadowText = (el: Element) => textOf(el.shadowRoot);
const title = (el: Element) => el.shadowRoot!.querySelector('h2')?.textContent;

describe('<civic-event> and widgets', () => {
  const pageErrors: unknown[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => pageErrors.push(e);
  beforeEach(() => {
    pageErrors.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    sinon.restore();
    localStorage.clear();
  });

  it('shares its feed with the widgets inside it, in each one’s language', async () => {
    const el = await fixture<CivicEvent>(html`<civic-event src=${feedUrl()}>
      <feed-probe lang="en"></feed-probe><div><feed-probe lang="fr"></feed-probe></div>
    </civic-event>`);
    const [en, fr] = [...el.querySelectorAll('feed-probe')];
    await waitUntil(() => title(en!) && title(fr!));
    expect(title(en!)).to.equal('Live Learning Experience: Beyond the immediate response to the outbreak');
    expect(title(fr!)).to.equal('Live Learning Experience : au-delà de la réponse immédiate à l’épidémie');
  });

  it('fires civic-feed-load with the feed', async () => {
    const el = document.createElement('civic-event');
    el.src = feedUrl();
    const loaded = new Promise<FeedLoadEvent>((resolve) => el.addEventListener('civic-feed-load', resolve, { once: true }));
    document.body.append(el);
    const event = await loaded;
    expect(event.feed.event.id).to.equal('live-learning-local-democracy');
    expect(event.bubbles && event.composed).to.be.true;
    el.remove();
  });

  it('lets a widget stand alone with its own src', async () => {
    const probe = await fixture<FeedProbe>(html`<feed-probe src=${feedUrl()}></feed-probe>`);
    await waitUntil(() => title(probe));
    expect(probe.feed.state?.status).to.equal('ready');
  });

  it('says what is missing when a widget has neither src nor <civic-event>', async () => {
    const probe = await fixture<FeedProbe>(html`<feed-probe lang="es"></feed-probe>`);
    expect(shadowText(probe)).to.contain('añada un atributo src');
    expect(probe.shadowRoot!.querySelector('[role=status]')).to.exist;
  });

  it('works when the provider is defined after the widgets (late upgrade)', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <late-civic-event src=${feedUrl()}><feed-probe></feed-probe></late-civic-event>
    </div>`);
    const probe = wrapper.querySelector('feed-probe')!;
    expect(title(probe)).to.equal(undefined);
    customElements.define('late-civic-event', class extends CivicEvent {});
    await waitUntil(() => title(probe), 'the widget never got the late provider’s feed');
  });

  it('follows a change of src', async () => {
    const el = await fixture<CivicEvent>(html`<civic-event src=${feedUrl('&status=500')}><feed-probe></feed-probe></civic-event>`);
    sinon.stub(console, 'error');
    const probe = el.querySelector('feed-probe')!;
    await waitUntil(() => probe.shadowRoot!.querySelector('[role=alert]'));
    el.src = feedUrl();
    await waitUntil(() => title(probe));
  });

  const errorCases: [string, string, string, string][] = [
    ['an HTTP error', '&status=500', 'The server answered with an error.', 'Le serveur a répondu par une erreur.'],
    ['a wrong content type', '&type=text/html', 'The server did not send event data.', 'Le serveur n’a pas envoyé de données d’événement.'],
    ['invalid JSON', '&raw=%7Bnope', 'The event data is damaged.', 'Les données de l’événement sont endommagées.'],
    ['a schema error', '&raw=%7B%22version%22%3A1%7D', 'The event data is incomplete or malformed.', 'Les données de l’événement sont incomplètes ou mal formées.'],
    ['a 5 MB feed', `&size=${5 * 1024 * 1024}`, 'The event data is too large to show.', 'Les données de l’événement sont trop volumineuses.'],
  ];
  for (const [what, query, english, french] of errorCases) {
    it(`shows ${what} as a readable, translated alert and never throws into the page`, async () => {
      const errors = sinon.stub(console, 'error');
      const url = feedUrl(query);
      const el = await fixture<CivicEvent>(html`<civic-event src=${url}>
        <feed-probe lang="en"></feed-probe><feed-probe lang="fr"></feed-probe>
      </civic-event>`);
      const failed = new Promise<FeedErrorEvent>((resolve) => el.addEventListener('civic-feed-error', resolve, { once: true }));
      const [en, fr] = [...el.querySelectorAll('feed-probe')];
      await waitUntil(() => en!.shadowRoot!.querySelector('[role=alert]') && fr!.shadowRoot!.querySelector('[role=alert]'));
      expect(shadowText(en!)).to.contain(english);
      expect(shadowText(fr!)).to.contain(french);
      expect(errors.callCount, 'one console error for the page, not one per widget').to.equal(1);
      expect((await failed).stale).to.be.false;
      expect(pageErrors).to.be.empty;
      await expect(en!).to.be.accessible();
    });
  }

  it('shows a network failure as an alert', async () => {
    sinon.stub(console, 'error');
    const probe = await fixture<FeedProbe>(html`<feed-probe src="http://127.0.0.1:9/unreachable.json"></feed-probe>`);
    await waitUntil(() => probe.shadowRoot!.querySelector('[role=alert]'));
    expect(shadowText(probe)).to.contain('The network is unreachable.');
    expect(pageErrors).to.be.empty;
  });

  it('says that the feed’s server does not allow this site when CORS blocks it, in each language', async () => {
    sinon.stub(console, 'error');
    const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const src = `${location.protocol}//${other}:${location.port}${feedUrl()}`;
    const el = await fixture<HTMLElement>(html`<div><feed-probe src=${src}></feed-probe><feed-probe lang="fr" src=${src}></feed-probe></div>`);
    const [en, fr] = [...el.querySelectorAll('feed-probe')];
    await waitUntil(() => fr!.shadowRoot!.querySelector('[role=alert]'));
    expect(shadowText(en!)).to.contain('The feed’s server does not allow this site.');
    expect(shadowText(fr!)).to.contain('Le serveur du flux n’autorise pas ce site.');
    expect(pageErrors).to.be.empty;
  });

  it('shows a src that is not a URL as an error instead of throwing into the page', async () => {
    const errors = sinon.stub(console, 'error');
    // A port out of range: a typo the URL parser rejects outright.
    const probe = await fixture<FeedProbe>(html`<feed-probe src="https://events.example:99999/feed.json"></feed-probe>`);
    await waitUntil(() => probe.shadowRoot!.querySelector('[role=alert]'), 'the widget shows an alert');
    expect(probe.feed.state?.status).to.equal('error');
    expect(String(errors.firstCall?.args[0])).to.contain('https://events.example:99999/feed.json');
    expect(pageErrors).to.be.empty;
  });

  it('shows the last good copy with a translated "could not refresh" note when offline', async () => {
    const good = feedUrl();
    const probe = await fixture<FeedProbe>(html`<feed-probe src=${good}></feed-probe>`);
    await waitUntil(() => title(probe));
    // The next visit finds the server failing; the copy saved by the first visit is shown.
    const failing = good + '&status=503';
    const key = (u: string) => `civic-widgets:feed:${new URL(u, document.baseURI).href}`;
    localStorage.setItem(key(failing), localStorage.getItem(key(good))!);
    sinon.stub(console, 'error');
    const offline = await fixture<FeedProbe>(html`<feed-probe lang="es" src=${failing}></feed-probe>`);
    await waitUntil(() => offline.feed.state?.status === 'stale');
    await offline.updateComplete;
    expect(title(offline)).to.equal('Live Learning Experience: más allá de la respuesta inmediata al brote');
    expect(shadowText(offline)).to.contain('No se pudo actualizar');
    // A bare date after the participle is not Spanish, French or Arabic: "guardada el 25 nov…".
    expect(shadowText(offline)).to.match(/se muestra la información guardada el \d/);
    const fr = await fixture<FeedProbe>(html`<feed-probe lang="fr" src=${failing}></feed-probe>`);
    expect(shadowText(fr)).to.match(/informations enregistrées le \d/);
    const ar = await fixture<FeedProbe>(html`<feed-probe lang="ar" src=${failing}></feed-probe>`);
    expect(shadowText(ar)).to.match(/تُعرض المعلومات المحفوظة في \d/);
  });
});
