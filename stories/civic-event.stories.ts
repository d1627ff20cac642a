import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CivicEvent } from '../src/event/civic-event.js';
import { localDemocracyAt, mockFeed } from './support/mock-feed.js';
import { mockPoll } from './support/mock-poll.js';
import { defineFeedProbe } from './support/feed-probe.js';

/**
 * `<civic-event>` loads one feed and shares it with every widget inside it. The dashed box is a
 * story-only probe that shows what the provider shares; the widgets render whatever is defined.
 */
const meta: Meta = {
  title: 'Elements/civic-event',
  component: 'civic-event',
};
export default meta;
defineFeedProbe();

type Story = StoryObj;

const widgets = html`<civic-countdown></civic-countdown>
  <civic-agenda></civic-agenda>
  <civic-poll></civic-poll>
  <civic-recordings></civic-recordings>`;

// mockPoll: the feed plus an in-memory poll API, since <civic-poll> asks for the totals.
const live = mockPoll('event-shared', localDemocracyAt(-30));

/** Four widgets inside one provider, and one standalone widget naming the same URL: one request. */
export const SharedFeed: Story = {
  parameters: { msw: { handlers: live.handlers } },
  args: { src: live.src },
  render: (args) => html`<civic-event src=${String(args.src)}>
      <story-feed-probe></story-feed-probe>
      ${widgets}
    </civic-event>
    <h3>Standalone, same src (shares the request)</h3>
    <civic-countdown src=${live.src}></civic-countdown>`,
};

const late = mockPoll('event-late', localDemocracyAt(90));
const LATE_TAG = 'late-civic-event';

/**
 * The widgets upgrade first; their provider is defined a moment later (as when a CMS loads scripts
 * in another order). They pick up the feed as soon as it exists.
 */
export const LateDefinition: Story = {
  parameters: { msw: { handlers: late.handlers } },
  args: { src: late.src },
  render: (args) => {
    setTimeout(() => {
      if (!customElements.get(LATE_TAG)) customElements.define(LATE_TAG, class extends CivicEvent {});
    }, 400);
    return html`<late-civic-event src=${String(args.src)}>
      <story-feed-probe></story-feed-probe>
      ${widgets}
    </late-civic-event>`;
  },
};

/** A provider without `src`: every widget says there is no feed to show. */
export const NoSource: Story = {
  args: { src: '' },
  render: (args) => html`<civic-event src=${ifDefined((args.src as string) || undefined)}>
    <story-feed-probe></story-feed-probe>
    ${widgets}
  </civic-event>`,
};

const failing = mockFeed('event-error', {}, { status: 503 });

/** The feed server answers 503: a translated error, nothing half-rendered. */
export const HttpError: Story = {
  name: 'Error',
  tags: ['console-error-expected'],
  parameters: { msw: { handlers: failing.handlers } },
  args: { src: failing.src },
  render: (args) => html`<civic-event src=${String(args.src)}>
    <story-feed-probe></story-feed-probe>
    ${widgets}
  </civic-event>`,
};

const broken = mockFeed('event-invalid', {}, { raw: '{"version": 1, "event": {"id": "x"}}' });

/** A feed that does not match the contract (schema error). */
export const InvalidFeed: Story = {
  tags: ['console-error-expected'],
  parameters: { msw: { handlers: broken.handlers } },
  args: { src: broken.src },
  render: (args) => html`<civic-event src=${String(args.src)}>
    <story-feed-probe></story-feed-probe>
    ${widgets}
  </civic-event>`,
};

const slow = mockFeed('event-loading', {}, { delayMs: 'infinite' });

/** The feed never answers: the loading state. */
export const Loading: Story = {
  parameters: { msw: { handlers: slow.handlers } },
  args: { src: slow.src },
  render: (args) => html`<civic-event src=${String(args.src)}>
    <story-feed-probe></story-feed-probe>
    ${widgets}
  </civic-event>`,
};
