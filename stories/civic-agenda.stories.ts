import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import learningForum from '../test/fixtures/feeds/learning-forum.json';
import { shiftFeedDates } from '../server/shift-dates.js';
import { localDemocracyAt, mockFeed } from './support/mock-feed.js';

/**
 * `<civic-agenda>` shows a feed's programme by day, in the visitor's time with the event's beside
 * it. The Learning Forum stories move the five-day Daejeon programme so that its second morning is
 * running whenever the story is opened: the "now" marker, the live badge and muted past sessions show.
 */
const meta: Meta = {
  title: 'Elements/civic-agenda',
  component: 'civic-agenda',
};
export default meta;

type Story = StoryObj;

/** The Learning Forum moved so that the Training of Trainers session (day 2) started 30 minutes ago. */
function learningForumNow(): typeof learningForum {
  const start = Date.parse(learningForum.sessions.find((s) => s.id === 'tot-modules')!.start);
  return shiftFeedDates(learningForum, Date.now() - 30 * 60_000 - start);
}

const oneDay = mockFeed('agenda-one-day', localDemocracyAt(26 * 60));
/** The Local Democracy session: one day, one session with its items, speakers and guiding questions. */
export const OneDay: Story = {
  parameters: { msw: { handlers: oneDay.handlers } },
  render: () => html`<civic-agenda src=${oneDay.src} poll-href="#poll-{poll}"></civic-agenda>`,
};

const forum = mockFeed('agenda-learning-forum', learningForumNow());
/** Five days in Daejeon (Asia/Seoul) on four tracks, running now: filters, "jump to now", a cancelled and a postponed session. */
export const LearningForum: Story = {
  parameters: { msw: { handlers: forum.handlers } },
  render: () => html`<civic-agenda src=${forum.src}></civic-agenda>`,
};

const filtered = mockFeed('agenda-filtered', learningForumNow());
/** Peer-learning sessions held in English, as a shared link opens them: `#filtered=track:peer;lang:en`. */
export const FiltersApplied: Story = {
  parameters: { msw: { handlers: filtered.handlers } },
  render: () => {
    history.replaceState(null, '', '#filtered=track:peer;lang:en');
    return html`<civic-agenda id="filtered" src=${filtered.src} time-zone="event"></civic-agenda>`;
  },
};

const empty = mockFeed('agenda-empty', { version: 1, event: { id: 'tba', title: 'Programme to be announced', timeZone: 'Europe/Paris' }, sessions: [] });
/** A feed without sessions yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: empty.handlers } },
  render: () => html`<civic-agenda src=${empty.src}></civic-agenda>`,
};

const failing = mockFeed('agenda-error', {}, { status: 503 });
/** The feed cannot be loaded. */
export const LoadError: Story = {
  name: 'Error',
  tags: ['console-error-expected'],
  parameters: { msw: { handlers: failing.handlers } },
  render: () => html`<civic-agenda src=${failing.src}></civic-agenda>`,
};

const arabic = mockFeed('agenda-arabic', learningForumNow());
/** The widget's words in Arabic, mirrored; the feed has no Arabic texts, so they fall back to English. */
export const Arabic: Story = {
  parameters: { msw: { handlers: arabic.handlers } },
  render: () => html`<civic-agenda src=${arabic.src} lang="ar"></civic-agenda>`,
};

const dark = mockFeed('agenda-dark', learningForumNow());
/** The dark theme, in the event's own time zone. */
export const Dark: Story = {
  parameters: { msw: { handlers: dark.handlers }, backgrounds: { default: 'dark' } },
  render: () => html`<div style="background:#17191c;padding:1rem">
    <civic-agenda src=${dark.src} theme="dark" time-zone="event"></civic-agenda>
  </div>`,
};
