import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { FeedController } from '../feed/feed-controller.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { AttributeCheck, seconds, type AcceptedValues } from './attribute-check.js';

/**
 * The attributes every widget understands, declared once so that they have the same types, defaults
 * and reflection everywhere, with what each accepts, and the controllers every widget needs. Nothing else belongs here:
 * a behaviour that only some widgets share is a controller or a helper, not a field of this class.
 */
export abstract class FeedWidget extends LitElement {
  /** URL of the event's JSON feed; optional inside a `<civic-event>`. */
  @property({ reflect: true }) src?: string;

  /** Seconds between revalidations of the feed (default: the feed's `Cache-Control`, else 300). */
  @property({ type: Number }) refresh?: number;

  /** Zone of the times shown: `local` (default, the visitor's), `event`, or an IANA name such as `Asia/Seoul`. */
  @property({ attribute: 'time-zone' }) timeZone = 'local';

  /** `auto` (default: the color scheme the host page declares, and `prefers-color-scheme` only where it allows dark), `light` or `dark`. */
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  /**
   * What each attribute accepts, for the one console warning a mistake gets (`theme="drak"`); a widget
   * adds its own: `static override acceptedValues = { ...FeedWidget.acceptedValues, layout: ['full', 'compact'] }`.
   * @internal
   */
  static acceptedValues: AcceptedValues = {
    theme: ['auto', 'light', 'dark'],
    // time-zone: resolveTimeZone() (src/time/format.ts) warns once per unknown zone, for every widget.
    refresh: seconds,
  };

  protected readonly feed = new FeedController(this);
  protected readonly locale = new LocaleController(this);

  constructor() {
    super();
    new AttributeCheck(this, (this.constructor as typeof FeedWidget).acceptedValues, () => this.feed.state?.feed);
  }
}
