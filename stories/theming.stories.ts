import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { localDemocracyAt } from './support/mock-feed.js';
import { mockPoll } from './support/mock-poll.js';
import { defineFeedProbe } from './support/feed-probe.js';

interface ThemingArgs {
  accent: string;
  onAccent: string;
  text: string;
  surface: string;
  subtle: string;
  border: string;
  radius: string;
  fontFamily: string;
  fontSize: string;
  space: string;
  styleParts: boolean;
}

/**
 * How a webmaster restyles the widgets from the page: the global `--civic-*` tokens (set on any
 * ancestor or on `:root`) and `::part()` for the few exposed parts. Nothing else gets in: the
 * page's own rules stop at the shadow boundary.
 */
const meta: Meta<ThemingArgs> = {
  title: 'Guides/Theming',
  args: {
    accent: '#6a1b9a',
    onAccent: '#ffffff',
    text: '#1f1a24',
    surface: '#fffaf2',
    subtle: '#f3e9f7',
    border: '#b8a2c4',
    radius: '2px',
    fontFamily: 'Georgia, "Times New Roman", serif',
    fontSize: '1.05rem',
    space: '1.25rem',
    styleParts: true,
  },
  argTypes: {
    accent: { control: 'color', description: '--civic-color-accent' },
    onAccent: { control: 'color', description: '--civic-color-on-accent' },
    text: { control: 'color', description: '--civic-color-text' },
    surface: { control: 'color', description: '--civic-color-surface' },
    subtle: { control: 'color', description: '--civic-color-subtle' },
    border: { control: 'color', description: '--civic-color-border' },
    radius: { control: 'text', description: '--civic-radius' },
    fontFamily: { control: 'text', description: '--civic-font-family' },
    fontSize: { control: 'text', description: '--civic-font-size' },
    space: { control: 'text', description: '--civic-space' },
    styleParts: { control: 'boolean', description: 'apply the ::part() rules shown in the story' },
  },
};
export default meta;
defineFeedProbe();

type Story = StoryObj<ThemingArgs>;

// What a webmaster would put in the site's stylesheet. Parts are the only way in besides tokens.
const partRules = `
.themed ::part(title) { text-transform: uppercase; letter-spacing: 0.06em; }
.themed ::part(button) { border-radius: 999px; }
.themed ::part(bar) { background: repeating-linear-gradient(45deg, #6a1b9a, #6a1b9a 6px, #8e24aa 6px, #8e24aa 12px); }
.themed ::part(item) { border-inline-start: 4px solid #6a1b9a; }
.themed ::part(base) { box-shadow: 0 1px 4px rgb(0 0 0 / 0.15); }
`;

/** A real <style> element: Lit does not bind inside <style> text. */
function partStyle(): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = partRules;
  return style;
}

const feed = mockPoll('theming', localDemocracyAt(-30));

export const TokensAndParts: Story = {
  parameters: { msw: { handlers: feed.handlers } },
  render: (args) => {
    const tokens = {
      '--civic-color-accent': args.accent,
      '--civic-color-on-accent': args.onAccent,
      '--civic-color-text': args.text,
      '--civic-color-surface': args.surface,
      '--civic-color-subtle': args.subtle,
      '--civic-color-border': args.border,
      '--civic-radius': args.radius,
      '--civic-font-family': args.fontFamily,
      '--civic-font-size': args.fontSize,
      '--civic-space': args.space,
    };
    return html`${args.styleParts ? partStyle() : ''}
      <div class="themed" style=${styleMap(tokens)}>
        <civic-event src=${feed.src}>
          <story-feed-probe></story-feed-probe>
          <civic-countdown></civic-countdown>
          <civic-agenda></civic-agenda>
          <civic-poll></civic-poll>
          <civic-recordings></civic-recordings>
        </civic-event>
      </div>
      <pre>${partRules.trim()}</pre>`;
  },
};

const plain = mockPoll('theming-defaults', localDemocracyAt(-30));

/** The same widgets with no tokens and no part rules: the defaults, for comparison. */
export const Defaults: Story = {
  // What the widgets look like with nothing set: the tokens' controls would contradict the story.
  parameters: { msw: { handlers: plain.handlers }, controls: { disable: true } },
  render: () => html`<civic-event src=${plain.src}>
    <story-feed-probe></story-feed-probe>
    <civic-countdown></civic-countdown>
    <civic-agenda></civic-agenda>
    <civic-poll></civic-poll>
    <civic-recordings></civic-recordings>
  </civic-event>`,
};
