import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import recordings from '../test/fixtures/feeds/recordings.json';
import '../src/recordings/define.js';
import { thumbnailSvg } from './assets/thumbnails.js';
import { mockFeed } from './support/mock-feed.js';

/**
 * `<civic-recordings>`: the event's recordings with privacy-first players. Nothing comes from
 * YouTube or Vimeo until a play button is pressed (watch the network panel); there is no internet
 * here, so the player itself stays blank after the click.
 */
const meta: Meta = {
  title: 'Elements/civic-recordings',
  component: 'civic-recordings',
  args: { group: '', theme: 'auto', 'time-zone': 'local', 'page-size': 24 },
  argTypes: {
    group: { control: 'inline-radio', options: ['', 'session'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    'time-zone': { control: 'text' },
    'page-size': { control: { type: 'number', min: 1 } },
  },
};
export default meta;

type Story = StoryObj;

const thumbnails = http.get('/mock/thumbs/:name', ({ params }) => {
  const name = String(params.name).replace(/\.svg$/, '');
  return new HttpResponse(thumbnailSvg(name.replaceAll('-', ' '), (name.length * 47) % 360), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
});

/** The fixture feed, with organizer-served thumbnails on two of its five recordings. */
const feed = {
  ...recordings,
  recordings: recordings.recordings.map((r, i) => (i < 2 ? { ...r, thumbnail: `/mock/thumbs/${r.id}.svg` } : r)),
};

const render = (src: string) => (args: Record<string, unknown>) =>
  html`<civic-recordings
    src=${src}
    group=${String(args.group ?? '')}
    theme=${String(args.theme ?? 'auto')}
    time-zone=${String(args['time-zone'] ?? 'local')}
    page-size=${Number(args['page-size'] ?? 24)}
  ></civic-recordings>`;

function story(name: string, body: Record<string, unknown>, options?: Parameters<typeof mockFeed>[2]): Story {
  const mock = mockFeed(`recordings-${name}`, body, options);
  return { parameters: { msw: { handlers: [...mock.handlers, thumbnails] } }, render: render(mock.src) };
}

/** Newest first: YouTube, Vimeo and a file, with and without thumbnails. */
export const List: Story = story('list', feed);

/** `group="session"`: under each session's title, in programme order; session-less ones last. */
export const GroupedBySession: Story = { ...story('grouped', feed), args: { group: 'session' } };

/** `provider: "file"`: press play for a native `<video>` with a caption track per language. */
export const FileWithCaptions: Story = story('file', { ...feed, recordings: feed.recordings.filter((r) => r.provider === 'file') });

export const Empty: Story = story('empty', { ...feed, recordings: [] });

export const Loading: Story = story('loading', feed, { delayMs: 'infinite' });

// The store reports the failed feed on the console, as it should; the Storybook smoke test allows that here.
export const ErrorState: Story = { ...story('error', feed, { status: 500 }), tags: ['console-error-expected'] };

/** A search typed by the visitor: "resilience" matches titles and tags, accents ignored. */
export const SearchApplied: Story = {
  ...story('search', feed),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('civic-recordings')!;
    let input: HTMLInputElement | null | undefined;
    for (let i = 0; i < 50 && !(input = el.shadowRoot?.querySelector('input')); i++) await new Promise((r) => setTimeout(r, 100));
    if (!input) return;
    input.value = 'resilience';
    input.dispatchEvent(new Event('input'));
  },
};

/** 1,000 recordings: 24 rendered, "Show more" adds 24; search and filters cover all 1,000. */
export const ThousandItems: Story = story('thousand', {
  ...feed,
  recordings: Array.from({ length: 1000 }, (_, i) => {
    const base = feed.recordings[i % feed.recordings.length]!;
    return {
      ...base,
      id: `${base.id}-${i}`,
      title: `${base.title.en} (${i + 1})`,
      recordedAt: new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString(),
    };
  }),
});

/** Arabic: mirrored layout, Arabic words; feed texts without Arabic fall back to the feed's first language. */
const arabic = story('arabic', feed);
export const Arabic: Story = { ...arabic, render: (args, context) => html`<div lang="ar">${arabic.render!(args, context)}</div>` };

export const Dark: Story = { ...story('dark', feed), args: { theme: 'dark' } };
