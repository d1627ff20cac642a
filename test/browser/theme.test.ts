import { expect, fixture, html, waitUntil } from '@open-wc/testing';
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

  it('follows prefers-color-scheme with theme="auto" on a page that allows dark, and theme="light"/"dark" override it', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = (await fixture<HTMLElement>(html`<div style="color-scheme: light dark"><theme-probe></theme-probe></div>`)).firstElementChild!;
    const light = await fixture<ThemeProbe>(html`<theme-probe theme="light"></theme-probe>`);
    expect(getComputedStyle(auto).backgroundColor).to.equal('rgb(23, 25, 28)');
    expect(getComputedStyle(light).backgroundColor).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'light' });
    const dark = await fixture<ThemeProbe>(html`<theme-probe theme="dark"></theme-probe>`);
    expect(getComputedStyle(dark).backgroundColor).to.equal('rgb(23, 25, 28)');
    expect(getComputedStyle(auto).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  describe('theme="auto" follows the color scheme the host page declares', () => {
    const surface = (el: Element) => getComputedStyle(el).backgroundColor;
    const DARK = 'rgb(23, 25, 28)';
    const LIGHT = 'rgb(255, 255, 255)';
    afterEach(() => document.querySelectorAll('meta[name=color-scheme]').forEach((m) => m.remove()));

    it('stays light on a page that declares no dark scheme, even when the visitor prefers dark', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const auto = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
      expect(surface(auto)).to.equal(LIGHT);
      expect(getComputedStyle(auto).colorScheme).to.equal('normal');
    });

    it('goes dark with <meta name="color-scheme" content="light dark"> when the visitor prefers dark', async () => {
      const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'light dark' });
      document.head.append(meta);
      await emulateMedia({ colorScheme: 'dark' });
      const auto = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
      expect(surface(auto)).to.equal(DARK);
      await emulateMedia({ colorScheme: 'light' });
      expect(surface(auto)).to.equal(LIGHT);
    });

    it('goes dark inside a part of the page that declares color-scheme: dark', async () => {
      const auto = (await fixture<HTMLElement>(html`<div style="color-scheme: dark"><theme-probe></theme-probe></div>`)).firstElementChild!;
      expect(surface(auto)).to.equal(DARK);
    });

    it('sets color-scheme on the widget, so that native checkboxes and selects follow its theme', async () => {
      const dark = await fixture<ThemeProbe>(html`<theme-probe theme="dark"></theme-probe>`);
      const light = (await fixture<HTMLElement>(html`<div style="color-scheme: dark"><theme-probe theme="light"></theme-probe></div>`)).firstElementChild!;
      expect(getComputedStyle(dark).colorScheme).to.equal('dark');
      expect(getComputedStyle(light).colorScheme).to.equal('light');
    });
  });

  describe('contrast whatever accent the page sets', () => {
    /** [r, g, b] of any CSS colour, as the browser paints it. */
    function rgb(color: string): number[] {
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    }
    function contrast(a: string, b: string): number {
      const lum = (c: string) => {
        const [r, g, b2] = rgb(c).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
      };
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    }

    for (const accent of ['#00639a', '#ffcc00', '#7fc4ff', '#e00000', '#222222', '#f0f0f0']) {
      for (const theme of ['light', 'dark']) {
        it(`${accent}, ${theme}: text on the accent and the accent as link text both reach 4.5:1`, async () => {
          const probe = (await fixture<HTMLElement>(html`<div style="--civic-color-accent: ${accent}"><theme-probe theme=${theme}></theme-probe></div>`)).firstElementChild!;
          const { color, backgroundColor } = button(probe);
          expect(contrast(color, backgroundColor), 'button text on the accent').to.be.at.least(4.5);
          const link = probe.shadowRoot!.querySelector('a')!;
          link.classList.replace('button', 'plain');
          expect(contrast(getComputedStyle(link).color, getComputedStyle(probe).backgroundColor), 'accent as text on the surface').to.be.at.least(4.5);
          expect(rgb(backgroundColor), 'the accent itself is kept as a background').to.deep.equal(rgb(accent));
        });
      }
    }
  });

  it('stops transitions under prefers-reduced-motion', async () => {
    const probe = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
    expect(button(probe).transitionDuration).to.equal('1s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(button(probe).transitionDuration).to.equal('0s');
  });
});

describe('a hostile host stylesheet', () => {
  // Every inherited CSS property Chromium knows, with a value no widget would choose. A property the
  // browser ignores would prove nothing: the first test checks that each one takes on a light-DOM element.
  const HOSTILE: [string, string][] = [
    ['color', 'rgb(255, 0, 255)'], ['font-family', 'fantasy'], ['font-size', '23px'], ['font-style', 'italic'],
    ['font-weight', '900'], ['font-stretch', 'condensed'], ['font-variant-caps', 'small-caps'],
    ['font-variant-ligatures', 'no-common-ligatures'], ['font-variant-numeric', 'oldstyle-nums'],
    ['font-variant-east-asian', 'jis78'], ['font-variant-alternates', 'historical-forms'], ['font-variant-position', 'super'],
    ['font-kerning', 'none'], ['font-feature-settings', '"smcp"'], ['font-variation-settings', '"wght" 100'],
    ['font-optical-sizing', 'none'], ['font-size-adjust', '0.9'], ['font-synthesis-weight', 'none'],
    ['font-synthesis-style', 'none'], ['font-synthesis-small-caps', 'none'], ['font-palette', 'dark'],
    ['line-height', '3.7'], ['letter-spacing', '3px'], ['word-spacing', '9px'], ['text-align', 'right'],
    ['text-align-last', 'justify'], ['text-indent', '40px'], ['text-transform', 'uppercase'],
    ['text-shadow', 'rgb(255, 0, 0) 2px 2px 0px'], ['text-rendering', 'geometricprecision'],
    ['text-underline-position', 'under'], ['text-underline-offset', '7px'], ['text-decoration-skip-ink', 'none'],
    ['text-emphasis-style', 'circle'], ['text-emphasis-color', 'rgb(0, 255, 0)'], ['text-emphasis-position', 'under right'],
    ['text-wrap-mode', 'nowrap'], ['text-wrap-style', 'balance'], ['white-space-collapse', 'preserve'],
    ['word-break', 'break-all'], ['overflow-wrap', 'anywhere'], ['hyphens', 'auto'], ['hyphenate-character', '"~"'],
    ['line-break', 'anywhere'], ['tab-size', '13'], ['text-size-adjust', '50%'], ['text-orientation', 'upright'],
    ['writing-mode', 'vertical-rl'], ['direction', 'rtl'], ['cursor', 'wait'], ['pointer-events', 'none'],
    ['quotes', '"<" ">"'], ['list-style-type', 'square'], ['list-style-position', 'inside'],
    ['caption-side', 'bottom'], ['border-collapse', 'collapse'], ['border-spacing', '9px'], ['empty-cells', 'hide'],
    ['orphans', '7'], ['widows', '7'], ['image-rendering', 'pixelated'], ['caret-color', 'rgb(255, 0, 0)'],
    ['accent-color', 'rgb(255, 0, 0)'], ['paint-order', 'markers'], ['fill', 'rgb(255, 0, 0)'],
    ['stroke', 'rgb(255, 0, 0)'], ['stroke-width', '5px'], ['-webkit-text-stroke-width', '1px'],
    ['-webkit-text-stroke-color', 'rgb(255, 0, 0)'], ['-webkit-text-fill-color', 'rgb(0, 0, 255)'],
    ['-webkit-text-security', 'disc'], ['-webkit-tap-highlight-color', 'rgb(255, 0, 0)'],
    ['print-color-adjust', 'exact'], ['forced-color-adjust', 'none'], ['math-style', 'compact'],
    ['ruby-position', 'under'], ['dominant-baseline', 'hanging'], ['text-anchor', 'end'],
    ['-webkit-user-modify', 'read-write'], ['-webkit-rtl-ordering', 'visual'], ['-webkit-line-break', 'after-white-space'],
    ['-webkit-font-smoothing', 'none'], ['text-combine-upright', 'all'], ['speak', 'none'],
  ];
  // Not reset on purpose: the widget follows the page's color scheme (theme="auto") and its hiding.
  const FOLLOWED = ['color-scheme', 'visibility'];
  // Resolved from the layout (a box's used size and position), compared through the styles that produce them.
  const LAID_OUT = /^(width|height|inline-size|block-size|top|right|bottom|left|inset-.*|transform-origin|perspective-origin|grid-template-(rows|columns))$/;
  const sheet = `html body, html body * { ${HOSTILE.map(([p, v]) => `${p}: ${v} !important;`).join(' ')} background: #fffbe0 !important; }`;
  let style: HTMLStyleElement | undefined;
  afterEach(() => {
    style?.remove();
    style = undefined;
  });

  it('is a real test: each hostile value takes effect on the page itself', async () => {
    const plain = await fixture<HTMLElement>(html`<p>plain</p>`);
    const before = getComputedStyle(plain);
    const initial = Object.fromEntries(HOSTILE.map(([p]) => [p, before.getPropertyValue(p)]));
    style = document.head.appendChild(Object.assign(document.createElement('style'), { textContent: sheet }));
    const ignored = HOSTILE.filter(([p]) => getComputedStyle(plain).getPropertyValue(p) === initial[p]).map(([p]) => p);
    expect(ignored, 'properties whose hostile value changed nothing').to.deep.equal([]);
    expect(FOLLOWED.every((p) => !HOSTILE.some(([q]) => q === p))).to.be.true;
  });

  it('changes no computed style inside any widget, and the widget paints its own background', async () => {
    await import('../../src/bundle.js');
    const src = `/__feed/local-democracy.json?key=hostile-${Date.now()}`;
    // The page lays the host boxes out (their width and writing mode are its choice): pinned here so
    // that only what reaches inside through inheritance and the host itself is compared.
    const box = 'inline-size: 720px !important; writing-mode: horizontal-tb !important';
    const page = await fixture<HTMLElement>(html`<div>
      <civic-countdown style=${box} src=${src} lang="en" theme="dark" session="local-democracy"></civic-countdown>
      <civic-agenda style=${box} src=${src} lang="en" theme="dark"></civic-agenda>
      <civic-poll style=${box} src=${src} lang="en" theme="dark" results-only></civic-poll>
      <civic-recordings style=${box} src=${src} lang="en" theme="dark"></civic-recordings>
    </div>`);
    const widgets = [...page.children] as HTMLElement[];
    await waitUntil(() => widgets.every((w) => w.shadowRoot?.querySelector('[part~="base"]') && !w.shadowRoot.querySelector('[aria-busy="true"]')), 'widgets never rendered', { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 300));
    const snapshot = () =>
      widgets.map((w) =>
        [...w.shadowRoot!.querySelectorAll('*')].filter((e) => !(e instanceof HTMLStyleElement)).map((e) => {
          const cs = getComputedStyle(e);
          return Object.fromEntries([...cs].filter((p) => !FOLLOWED.includes(p) && !LAID_OUT.test(p)).map((p) => [p, cs.getPropertyValue(p)]));
        }),
      );
    const clean = snapshot();
    style = document.head.appendChild(Object.assign(document.createElement('style'), { textContent: sheet }));
    const hostile = snapshot();
    const differences: string[] = [];
    widgets.forEach((w, i) => {
      expect(hostile[i]!.length, `${w.localName} elements`).to.equal(clean[i]!.length);
      hostile[i]!.forEach((styles, j) => {
        for (const [p, v] of Object.entries(styles)) {
          if (clean[i]![j]![p] !== v) differences.push(`${w.localName} #${j} ${p}: ${clean[i]![j]![p]} → ${v}`);
        }
      });
      const base = w.shadowRoot!.querySelector('[part~="base"]')!;
      expect(getComputedStyle(base).backgroundColor, `${w.localName} paints its own surface`).to.equal('rgb(23, 25, 28)');
    });
    expect([...new Set(differences.map((d) => d.replace(/ #\d+ /, ' ').replace(/:.*/, '')))], differences.slice(0, 20).join('\n')).to.deep.equal([]);
  });
});
