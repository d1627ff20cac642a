import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css, LitElement } from 'lit';
import { hostStyles } from '../../src/styles/host-styles.js';

class ThemeProbe extends LitElement {
  static override styles = [hostStyles, css`.button { transition: opacity 1s; }`];
  override render() {
    return html`<a class="button" href="#">Join</a>`;
  }
}
customElements.define('theme-probe', ThemeProbe);

const button = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('.button')!);
const probeIn = async (markup: ReturnType<typeof html>) => (await fixture<HTMLElement>(markup)).querySelector('theme-probe') ?? undefined;

describe('theming tokens', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  it('takes --civic-* tokens from any ancestor', async () => {
    const probe = await probeIn(html`<section style="--civic-color-accent: rgb(1, 2, 3); --civic-radius: 3px"><div><theme-probe></theme-probe></div></section>`);
    expect(button(probe!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(button(probe!).borderTopLeftRadius).to.equal('3px');
  });

  it('is not reached by the host page’s own rules', async () => {
    const probe = await probeIn(html`<div><style>a, .button { background: rgb(255, 0, 0) !important; text-transform: uppercase; }</style><div style="line-height: 9; letter-spacing: 4px"><theme-probe></theme-probe></div></div>`);
    expect(button(probe!).backgroundColor).not.to.equal('rgb(255, 0, 0)');
    expect(button(probe!).textTransform).to.equal('none');
    expect(getComputedStyle(probe!).letterSpacing).to.equal('normal');
  });

  it('follows prefers-color-scheme with theme="auto", and theme="light"/"dark" override it', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
    const light = await fixture<ThemeProbe>(html`<theme-probe theme="light"></theme-probe>`);
    expect(getComputedStyle(auto).backgroundColor).to.equal('rgb(23, 25, 28)');
    expect(getComputedStyle(light).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'light' });
    const dark = await fixture<ThemeProbe>(html`<theme-probe theme="dark"></theme-probe>`);
    expect(getComputedStyle(dark).backgroundColor).to.equal('rgb(23, 25, 28)');
    expect(getComputedStyle(auto).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('stops transitions under prefers-reduced-motion', async () => {
    const probe = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
    expect(button(probe).transitionDuration).to.equal('1s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(button(probe).transitionDuration).to.equal('0s');
  });
});
