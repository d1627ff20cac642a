import type { ReactiveController, ReactiveElement } from 'lit';
import type { Feed } from '../contract/types.js';

/**
 * What an attribute accepts: a fixed list of words, the ids of something in the feed, or a test with
 * the words that describe it. An empty or absent attribute is always fine (it means the default).
 */
export type Accepts =
  | readonly string[]
  | { readonly ids: (feed: Feed) => readonly string[] }
  | { readonly test: (value: string) => boolean; readonly describe: string };

export type AcceptedValues = Readonly<Record<string, Accepts>>;

// Attributes any HTML element may carry; data-*, aria-* and on* are allowed by prefix.
const GLOBAL = new Set(
  'id class style lang dir hidden slot part exportparts title tabindex role inert translate is autofocus nonce accesskey contenteditable draggable spellcheck enterkeyhint inputmode popover'.split(' '),
);
const GLOBAL_PREFIX = /^(data|aria|on)-?/;

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');

/**
 * One console warning for each mistake in a `civic-*` tag: an attribute the element does not have
 * (`time-zome`), or a value it does not accept (`theme="drak"`, `layout="compakt"`, `session="no-such-id"`),
 * naming the element, the attribute and what it accepts. A mistake silently falling back to the
 * default is the hardest kind for a webmaster to find. Checked after each update; each mistake is told once.
 */
export class AttributeCheck implements ReactiveController {
  private readonly told = new Set<string>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly accepted: AcceptedValues,
    private readonly feed: () => Feed | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const tag = this.host.localName;
    const known = (this.host.constructor as typeof ReactiveElement).observedAttributes;
    for (const { name, value } of this.host.attributes) {
      if (known.includes(name) || GLOBAL.has(name) || GLOBAL_PREFIX.test(name)) {
        this.checkValue(tag, name, value);
        continue;
      }
      const near = known.find((k) => distance(k, name) <= 2);
      this.tell(`attr:${name}`, `<${tag}>: unknown attribute "${name}"${near ? `; did you mean "${near}"?` : ''} Its attributes: ${known.join(', ')}.`);
    }
  }

  private checkValue(tag: string, name: string, value: string): void {
    const rule = this.accepted[name];
    if (!rule || value === '') return;
    let words: string;
    if ('test' in rule) {
      if (rule.test(value)) return;
      words = rule.describe;
    } else {
      let values: readonly string[];
      if ('ids' in rule) {
        const feed = this.feed();
        if (!feed) return; // not known until the feed is in
        values = rule.ids(feed);
      } else values = rule as readonly string[];
      if (values.includes(value)) return;
      words = values.length ? quoted(values) : 'nothing: the feed has none';
    }
    this.tell(`value:${name}=${value}`, `<${tag} ${name}="${value}">: ${name} accepts ${words}.`);
  }

  private tell(key: string, message: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    console.warn(`[civic-widgets] ${message}`);
  }
}

/** Levenshtein distance, for "did you mean": attribute names are short. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}

/** The feed's session ids, for a `session` attribute. */
export const sessionIds: Accepts = { ids: (feed) => feed.sessions.map((s) => s.id) };
/** The feed's poll ids, for a `poll` attribute. */
export const pollIds: Accepts = { ids: (feed) => (feed.polls ?? []).map((p) => p.id) };
/** A `refresh` in seconds. */
export const seconds: Accepts = { test: (value) => Number(value) > 0, describe: 'a number of seconds, such as "300"' };
