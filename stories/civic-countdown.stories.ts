import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { localDemocracyAt, mockFeed } from './support/mock-feed.js';
import { renderWidget, WIDGET_ARG_TYPES } from './support/widget-args.js';

/**
 * `<civic-countdown>` counts down to a session, then says it is live (with the join link), then
 * that it has ended (with its recording). Each story serves its own copy of the Local Democracy
 * feed, moved in time so that the state holds whenever the story is opened.
 */
const meta: Meta = {
  title: 'Elements/civic-countdown',
  component: 'civic-countdown',
  render: renderWidget('civic-countdown'),
  argTypes: {
    ...WIDGET_ARG_TYPES,
    layout: { control: 'inline-radio', options: ['full', 'compact'] },
  },
};
export default meta;

type Story = StoryObj;
type RawFeed = ReturnType<typeof localDemocracyAt>;

/** The feed with its one session changed by `patch`. */
function withSession(feed: RawFeed, patch: Record<string, unknown>): Record<string, unknown> {
  return { ...feed, sessions: feed.sessions.map((s) => ({ ...s, ...patch })) };
}

const HOUR = 60;
const DAY = 24 * HOUR;

const upcoming = mockFeed('countdown-upcoming', localDemocracyAt(2 * DAY + 3 * HOUR + 5));
/** Two days away: the four units, the start in Madrid and in the visitor's zone, calendar links. */
export const Upcoming: Story = {
  parameters: { msw: { handlers: upcoming.handlers } },
  args: { src: upcoming.src },
};

// Dated when the feed is requested, not when Storybook loaded, so that it still counts when opened late.
const SOON_SRC = '/mock/countdown-soon.json';
const soonHandler = http.get(SOON_SRC, () => HttpResponse.json(localDemocracyAt(0.25), { headers: { Date: new Date().toUTCString() } }));
/** Starts 15 seconds after the story opens: watch it switch to "live now" by itself. */
export const StartingInSeconds: Story = {
  parameters: { msw: { handlers: [soonHandler] } },
  args: { src: SOON_SRC },
};

const live = mockFeed('countdown-live', localDemocracyAt(-30));
/** Started 30 minutes ago: "live now" with the join button. */
export const Live: Story = {
  parameters: { msw: { handlers: live.handlers } },
  args: { src: live.src },
};

const endedFeed = localDemocracyAt(-3 * HOUR);
const ended = mockFeed('countdown-ended', {
  ...endedFeed,
  recordings: [{ ...endedFeed.recordings[0]!, id: 'rec-local-democracy', session: 'local-democracy' }],
});
/** Ended an hour ago; the feed has its recording. */
export const EndedWithRecording: Story = {
  parameters: { msw: { handlers: ended.handlers } },
  args: { src: ended.src },
};

const cancelled = mockFeed('countdown-cancelled', withSession(localDemocracyAt(DAY), { status: 'cancelled' }));
/** A cancelled session says so instead of counting (it is shown because the `session` attribute names it). */
export const Cancelled: Story = {
  parameters: { msw: { handlers: cancelled.handlers } },
  args: { src: cancelled.src, session: 'local-democracy' },
};

const postponed = mockFeed('countdown-postponed', withSession(localDemocracyAt(DAY), { status: 'postponed' }));
/** A postponed session says so instead of counting. */
export const Postponed: Story = {
  parameters: { msw: { handlers: postponed.handlers } },
  args: { src: postponed.src },
};

const compact = mockFeed('countdown-compact', localDemocracyAt(3 * HOUR + 20));
/** `layout="compact"`: one line, for a header or a sidebar. */
export const Compact: Story = {
  parameters: { msw: { handlers: compact.handlers } },
  args: { src: compact.src, layout: 'compact' },
};

const dark = mockFeed('countdown-dark', localDemocracyAt(DAY + 5));
/** `theme="dark"`, with two of the element's own custom properties set. */
export const Dark: Story = {
  parameters: { msw: { handlers: dark.handlers }, backgrounds: { default: 'dark' } },
  args: { src: dark.src, theme: 'dark', '--civic-countdown-value-size': '2.5em', '--civic-countdown-gap': '0.75rem' },
  render: (args) => html`<div style="background:#0e1013;padding:1rem">${renderWidget('civic-countdown')(args)}</div>`,
};

const arabicFeed = localDemocracyAt(DAY + 2 * HOUR);
const arabic = mockFeed(
  'countdown-arabic',
  withSession(arabicFeed, { title: { ...arabicFeed.sessions[0]!.title, ar: 'الديمقراطية المحلية في عصر ما بعد كوفيد-19' } }),
);
/** `lang="ar"`: right to left, Arabic plurals from Intl. */
export const Arabic: Story = {
  parameters: { msw: { handlers: arabic.handlers } },
  args: { src: arabic.src, lang: 'ar' },
};

const loading = mockFeed('countdown-loading', localDemocracyAt(DAY), { delayMs: 'infinite' });
/** The feed never answers. */
export const Loading: Story = {
  parameters: { msw: { handlers: loading.handlers } },
  args: { src: loading.src },
};

const failing = mockFeed('countdown-error', {}, { status: 503 });
/** The feed server answers 503. */
export const FeedError: Story = {
  name: 'Error',
  tags: ['console-error-expected'],
  parameters: { msw: { handlers: failing.handlers } },
  args: { src: failing.src },
};
