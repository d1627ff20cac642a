// The embed builder: no framework, no inline script or style, no innerHTML, so that it runs under
// `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'` like the rest of the demo.
// Plain JavaScript served as is: the few rules it shares with the widgets (the poll API's default
// address, the one-language script names) are repeated here, each with where it comes from.

const $ = (id) => document.getElementById(id);
const form = $('builder');
const feedInput = $('feed');
const session = $('session');
const poll = $('poll');
const resultsOnly = $('results-only');
const layout = $('layout');
const group = $('group');
const pollHref = $('poll-href');
const lang = $('lang');
const zone = $('zone');
const zoneError = $('zone-error');
const theme = $('theme');
const checks = $('checks');
const snippet = $('snippet');
const status = $('builder-status');
const copyStatus = $('copy-status');
const copy = $('copy');
const previews = { light: $('preview-light'), dark: $('preview-dark') };

/** The scripts vite.config.ts builds: civic-widgets.<lang>.js and civic-countdown.<lang>.js. */
const SCRIPT_LANGUAGES = ['en', 'fr', 'es', 'ar'];
const ORDER = ['civic-countdown', 'civic-agenda', 'civic-poll', 'civic-recordings'];

const absolute = (url) => {
  try {
    return new URL(url, location.href).href;
  } catch {
    return '';
  }
};

const plurals = new Intl.PluralRules('en');
/** "1 session", "3 polls": English words, Intl's plural rule. */
const counted = (n, one, other) => `${n} ${plurals.select(n) === 'one' ? one : other}`;

/** The text of a feed `Text` for the language chosen (or the page's), else the first one. */
function textOf(text, language) {
  if (typeof text === 'string') return text;
  return text?.[language] ?? text?.[language.split('-')[0]] ?? Object.values(text ?? {})[0] ?? '';
}

const chosenWidgets = () => ORDER.filter((tag) => form.querySelector(`input[name="widget"][value="${tag}"]`).checked);

/** `local`, `event`, or an IANA zone this browser knows (Mars/Olympus is not one). */
function knownZone(value) {
  if (value === '' || value === 'local' || value === 'event') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function fillZones() {
  const zones = ['local', 'event', ...(Intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Madrid', 'Asia/Seoul'])];
  for (const name of zones) $('zones').append(new Option(name, name));
}

let loadedFeed;
let feedRequest = 0;

function say(list) {
  checks.replaceChildren(
    ...list.map(([kind, text]) => {
      const item = document.createElement('li');
      item.className = kind;
      item.textContent = text;
      return item;
    }),
  );
}

/**
 * Reads the feed as a visitor's browser on another site would: a CORS failure and an unreachable
 * server are told apart (a `no-cors` request reaches a server that does not allow other sites).
 */
async function readFeed(url) {
  let response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch {
    try {
      await fetch(url, { mode: 'no-cors', cache: 'no-cache' });
      return { error: `The feed's server does not allow other sites to read it (CORS): it must send "Access-Control-Allow-Origin: *" with ${url}.` };
    } catch {
      return { error: `The feed cannot be reached: no answer from ${new URL(url).host}.` };
    }
  }
  if (!response.ok) return { error: `The feed's server answered ${response.status} ${response.statusText} for ${url}.`.replace(' .', '.') };
  let feed;
  try {
    feed = await response.json();
  } catch {
    return { error: `${url} is not JSON: is it the address of the feed file?` };
  }
  const notes = [];
  const sameOrigin = new URL(url).origin === location.origin;
  // Same origin, this page reads the answer whatever CORS says: check the header visitors' sites need.
  if (sameOrigin && !response.headers.get('Access-Control-Allow-Origin')) {
    notes.push(['warn', 'This page can read the feed, but other sites cannot: its server sends no "Access-Control-Allow-Origin" header.']);
  } else {
    notes.push(['ok', 'The feed answers other sites (CORS allowed).']);
  }
  return { feed, notes };
}

/** The poll API's base: the poll's `endpoint`, else `<feed origin>/api/polls/<id>` (src/poll/poll-client.ts). */
const pollBase = (item, feedUrl) => (item.endpoint ?? new URL(`/api/polls/${encodeURIComponent(item.id)}`, feedUrl).href).replace(/\/+$/, '');

async function checkPollApi(feed, feedUrl) {
  const polls = feed.polls ?? [];
  const wanted = poll.value ? polls.filter((p) => p.id === poll.value) : polls;
  if (wanted.length === 0) return [];
  const base = pollBase(wanted[0], feedUrl);
  try {
    const response = await fetch(base, { cache: 'no-cache' });
    const body = response.ok ? await response.json().catch(() => undefined) : undefined;
    if (body && typeof body.status === 'string') return [['ok', `The poll API answers at ${base}: visitors can vote.`]];
    const why = response.ok ? 'an answer that is not a poll' : `${response.status} ${response.statusText}`.trim();
    return [['error', `Voting will not work: ${base} answered ${why}. Serve the feed with "civic-widgets serve", or set the poll's "endpoint".`]];
  } catch {
    return [['error', `Voting will not work: ${base} cannot be reached from another site (no answer, or no CORS).`]];
  }
}

/** Fetches the feed to offer its sessions and polls and to check it; the widgets fetch it on their own. */
async function loadFeed() {
  const request = ++feedRequest;
  const url = absolute(feedInput.value.trim());
  loadedFeed = undefined;
  if (!feedInput.value.trim() || !url) {
    say([['error', 'Enter the URL of an event feed.']]);
    fillChoices();
    return;
  }
  say([['', 'Checking the feed…']]);
  const result = await readFeed(url);
  if (request !== feedRequest) return;
  if (result.error) {
    say([['error', result.error]]);
    fillChoices();
    return;
  }
  const { feed } = result;
  loadedFeed = feed;
  const summary = [
    counted(feed.sessions?.length ?? 0, 'session', 'sessions'),
    counted(feed.polls?.length ?? 0, 'poll', 'polls'),
    counted(feed.recordings?.length ?? 0, 'recording', 'recordings'),
  ].join(', ');
  fillChoices();
  const pollNotes = chosenWidgets().includes('civic-poll') ? await checkPollApi(feed, url) : [];
  if (request !== feedRequest) return;
  say([['ok', `Feed loaded: ${summary}.`], ...result.notes, ...pollNotes]);
}

function fill(select, items) {
  const language = lang.value || document.documentElement.lang;
  const previous = select.value;
  select.replaceChildren(new Option('Automatic (live, else next, else last)', ''));
  for (const item of items ?? []) select.append(new Option(`${textOf(item.title, language)} (${item.id})`, item.id));
  select.value = (items ?? []).some((item) => item.id === previous) ? previous : '';
}

function fillChoices() {
  fill(session, loadedFeed?.sessions);
  fill(poll, loadedFeed?.polls);
  update();
}

/** Each widget's own attributes, in the order a webmaster would write them; defaults left out. */
function ownAttributes(tag) {
  const list = [];
  if ((tag === 'civic-countdown' || tag === 'civic-recordings') && session.value) list.push(['session', session.value]);
  if (tag === 'civic-poll' && poll.value) list.push(['poll', poll.value]);
  if (tag === 'civic-poll' && resultsOnly.checked) list.push(['results-only', '']);
  if (tag === 'civic-countdown' && layout.value !== 'full') list.push(['layout', layout.value]);
  if (tag === 'civic-recordings' && group.value) list.push(['group', group.value]);
  if (tag === 'civic-agenda' && pollHref.value.trim()) list.push(['poll-href', pollHref.value.trim()]);
  const zoneValue = zone.value.trim();
  if (zoneValue && zoneValue !== 'local' && knownZone(zoneValue)) list.push(['time-zone', zoneValue]);
  if (theme.value !== 'auto') list.push(['theme', theme.value]);
  return list;
}

/** One widget with its own `src`, or several inside one `<civic-event>` that holds the feed and the language. */
function tree() {
  const feed = absolute(feedInput.value.trim());
  const tags = chosenWidgets();
  const shared = [['src', feed], ...(lang.value ? [['lang', lang.value]] : [])];
  if (tags.length === 1) return { tag: tags[0], attributes: [...shared, ...ownAttributes(tags[0])], children: [] };
  return { tag: 'civic-event', attributes: shared, children: tags.map((tag) => ({ tag, attributes: ownAttributes(tag), children: [] })) };
}

/** The smallest script that has every widget and the language chosen (see vite.config.ts). */
function scriptName() {
  if (!SCRIPT_LANGUAGES.includes(lang.value)) return 'civic-widgets.js';
  const tags = chosenWidgets();
  return tags.length === 1 && tags[0] === 'civic-countdown' ? `civic-countdown.${lang.value}.js` : `civic-widgets.${lang.value}.js`;
}

const quote = (value) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function markup(node, indent = '') {
  const attrs = node.attributes.map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${quote(value)}"`)).join('');
  if (node.children.length === 0) return `${indent}<${node.tag}${attrs}></${node.tag}>`;
  return `${indent}<${node.tag}${attrs}>\n${node.children.map((child) => markup(child, `${indent}  `)).join('\n')}\n${indent}</${node.tag}>`;
}

function element(node, forcedTheme) {
  const el = document.createElement(node.tag);
  for (const [name, value] of node.attributes) el.setAttribute(name, value);
  if (node.tag !== 'civic-event') el.setAttribute('theme', forcedTheme);
  el.append(...node.children.map((child) => element(child, forcedTheme)));
  return el;
}

function update() {
  const tags = chosenWidgets();
  for (const block of form.querySelectorAll('[data-for]')) block.hidden = !block.dataset.for.split(' ').some((tag) => tags.includes(tag));
  const zoneValue = zone.value.trim();
  const badZone = !knownZone(zoneValue);
  zone.setAttribute('aria-invalid', String(badZone));
  zoneError.hidden = !badZone;
  zoneError.textContent = badZone ? `"${zoneValue}" is not a time zone this browser knows: the snippet leaves it out. Use an IANA name such as Europe/Madrid.` : '';
  if (tags.length === 0) {
    status.textContent = 'Choose at least one widget.';
    snippet.textContent = '';
    copyStatus.textContent = '';
    previews.light.replaceChildren();
    previews.dark.replaceChildren();
    return;
  }
  status.textContent = '';
  const node = tree();
  previews.light.replaceChildren(element(node, 'light'));
  previews.dark.replaceChildren(element(node, 'dark'));
  const feed = absolute(feedInput.value.trim());
  const text = [
    // The feed starts downloading with the script instead of after it (the store takes this response).
    `<link rel="preload" as="fetch" crossorigin href="${quote(feed)}">`,
    `<script type="module" src="${absolute(`/${scriptName()}`)}"></script>`,
    markup(node),
  ].join('\n');
  if (text === snippet.textContent) return;
  snippet.textContent = text;
  copyStatus.textContent = ''; // "copied" was about the previous snippet
}

let typing;
feedInput.addEventListener('input', () => {
  update();
  // The feed is fetched once the webmaster pauses, not at every key.
  clearTimeout(typing);
  typing = setTimeout(loadFeed, 400);
});
feedInput.addEventListener('change', () => {
  clearTimeout(typing);
  loadFeed();
});
lang.addEventListener('change', fillChoices);
poll.addEventListener('change', () => (chosenWidgets().includes('civic-poll') ? loadFeed() : update()));
for (const input of form.querySelectorAll('input[name="widget"]')) {
  input.addEventListener('change', () => (input.value === 'civic-poll' && input.checked ? loadFeed() : update()));
}
for (const input of [session, resultsOnly, layout, group, pollHref, zone, theme]) {
  input.addEventListener('input', update);
  input.addEventListener('change', update);
}
form.addEventListener('submit', (event) => event.preventDefault());

copy.addEventListener('click', async () => {
  update(); // what is copied is what the fields say now
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    copyStatus.textContent = 'Snippet copied.';
  } catch {
    // No clipboard permission (an http page, an old browser): select it for a manual copy.
    getSelection().selectAllChildren(snippet);
    copyStatus.textContent = 'Could not copy: press Ctrl+C (⌘C) to copy the selected snippet.';
  }
});

fillZones();
loadFeed();
