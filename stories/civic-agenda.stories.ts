import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import learningForum from '../test/fixtures/feeds/learning-forum.json';
import { shiftFeedDates } from '../server/shift-dates.js';
import { localDemocracyAt, mockFeed } from './support/mock-feed.js';
import { renderWidget, WIDGET_ARG_TYPES } from './support/widget-args.js';

/**
 * `<civic-agenda>` shows a feed's programme by day, in the visitor's time with the event's beside
 * it. The Learning Forum stories move the five-day Daejeon programme so that its second morning is
 * running whenever the story is opened: the "now" marker, the live badge and muted past sessions show.
 */
const meta: Meta = {
  title: 'Elements/civic-agenda',
  component: 'civic-agenda',
  render: renderWidget('civic-agenda'),
  argTypes: {
    ...WIDGET_ARG_TYPES,
    'poll-href': { control: 'text' },
  },
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
  args: { src: oneDay.src, 'poll-href': '#poll-{poll}' },
};

const forum = mockFeed('agenda-learning-forum', learningForumNow());
/** Five days in Daejeon (Asia/Seoul) on four tracks, running now: filters, "jump to now", a cancelled and a postponed session. */
export const LearningForum: Story = {
  parameters: { msw: { handlers: forum.handlers } },
  args: { src: forum.src },
};

const filtered = mockFeed('agenda-filtered', learningForumNow());
/** Peer-learning sessions held in English, as a shared link opens them: `#filtered=track:peer;lang:en`. */
export const FiltersApplied: Story = {
  parameters: { msw: { handlers: filtered.handlers } },
  args: { src: filtered.src, id: 'filtered', 'time-zone': 'event' },
  render: (args) => {
    history.replaceState(null, '', '#filtered=track:peer;lang:en');
    return renderWidget('civic-agenda')(args);
  },
};

const empty = mockFeed('agenda-empty', { version: 1, event: { id: 'tba', title: 'Programme to be announced', timeZone: 'Europe/Paris' }, sessions: [] });
/** A feed without sessions yet. */
export const Empty: Story = {
  parameters: { msw: { handlers: empty.handlers } },
  args: { src: empty.src },
};

const failing = mockFeed('agenda-error', {}, { status: 503 });
/** The feed cannot be loaded. */
export const LoadError: Story = {
  name: 'Error',
  tags: ['console-error-expected'],
  parameters: { msw: { handlers: failing.handlers } },
  args: { src: failing.src },
};

const arabic = mockFeed('agenda-arabic', learningForumNow());
/** The widget's words in Arabic, mirrored; the feed has no Arabic texts, so they fall back to English. */
export const Arabic: Story = {
  parameters: { msw: { handlers: arabic.handlers } },
  args: { src: arabic.src, lang: 'ar' },
};

const dark = mockFeed('agenda-dark', learningForumNow());
/** The dark theme, in the event's own time zone. */
export const Dark: Story = {
  parameters: { msw: { handlers: dark.handlers }, backgrounds: { default: 'dark' } },
  args: { src: dark.src, theme: 'dark', 'time-zone': 'event' },
  render: (args) => html`<div style="background:#17191c;padding:1rem">${renderWidget('civic-agenda')(args)}</div>`,
};
