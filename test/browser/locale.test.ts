import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocaleController } from '../../src/i18n/locale-controller.js';
import { commonMessages } from '../../src/i18n/common-messages.js';

// A bare host for the controller: the widgets use it the same way.
class LocaleProbe extends LitElement {
  readonly locale = new LocaleController(this);
  override render() {
    return html`<p dir=${this.locale.dir}>${commonMessages[this.locale.ui].loading}</p>`;
  }
}
customElements.define('locale-probe', LocaleProbe);

const text = (el: LocaleProbe) => el.shadowRoot!.querySelector('p')!;

describe('LocaleController', () => {
  it('inherits the closest lang, its own first', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="fr"><section lang="es"><locale-probe></locale-probe></section></div>`);
    const probe = wrapper.querySelector<LocaleProbe>('locale-probe')!;
    expect(probe.locale.lang).to.equal('es');
    probe.setAttribute('lang', 'fr-CA');
    await nextFrame();
    expect(probe.locale.lang).to.equal('fr-CA');
    expect(probe.locale.ui).to.equal('fr');
  });

  it('re-renders when an ancestor lang changes, in Arabic right to left', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><locale-probe></locale-probe></div>`);
    const probe = wrapper.querySelector<LocaleProbe>('locale-probe')!;
    expect(text(probe).textContent).to.equal('Loading…');
    wrapper.setAttribute('lang', 'ar');
    await nextFrame();
    await probe.updateComplete;
    expect(text(probe).textContent).to.equal('جارٍ التحميل…');
    expect(text(probe).getAttribute('dir')).to.equal('rtl');
  });

  it('speaks English for languages without a catalog but keeps their tag for content', async () => {
    const probe = await fixture<LocaleProbe>(html`<locale-probe lang="de-AT"></locale-probe>`);
    expect(probe.locale.lang).to.equal('de-AT');
    expect(probe.locale.ui).to.equal('en');
    expect(probe.locale.dir).to.equal('ltr');
  });

  it('finds the lang across a shadow root', async () => {
    const outer = await fixture<HTMLElement>(html`<div lang="es"></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    root.innerHTML = '<locale-probe></locale-probe>';
    const probe = root.querySelector('locale-probe') as LocaleProbe;
    await probe.updateComplete;
    expect(probe.locale.lang).to.equal('es');
  });

  it('falls back to the document, then the browser', async () => {
    const probe = await fixture<LocaleProbe>(html`<locale-probe></locale-probe>`);
    expect(probe.locale.lang).to.equal(document.documentElement.lang || navigator.language);
  });
});
