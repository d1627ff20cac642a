// The embed builder: no framework, no inline script or style, no innerHTML, so that it runs under
// `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'` like the rest of the demo.

const $ = (id) => document.getElementById(id);
const form = $('builder');
const widget = $('widget');
const feedInput = $('feed');
const choice = $('choice');
const choiceLabel = $('choice-label');
const lang = $('lang');
const zone = $('zone');
const theme = $('theme');
const preview = $('preview');
const snippet = $('snippet');
const status = $('builder-status');
const copy = $('copy');

/** The poll widget picks a poll, countdown and recordings a session; the agenda shows the whole programme. */
const CHOICE = { 'civic-countdown': 'session', 'civic-recordings': 'session', 'civic-poll': 'poll' };
const choiceAttribute = () => CHOICE[widget.value];

const absolute = (url) => {
  try {
    return new URL(url, location.href).href;
  } catch {
    return '';
  }
};

/** The text of a feed `Text` for the language chosen (or the page's), else the first one. */
function textOf(text, language) {
  if (typeof text === 'string') return text;
  return text?.[language] ?? text?.[language.split('-')[0]] ?? Object.values(text ?? {})[0] ?? '';
}

function fillZones() {
  const zones = ['local', 'event', ...(Intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Madrid', 'Asia/Seoul'])];
  for (const name of zones) $('zones').append(new Option(name, name));
}

let loadedFeed;
let feedRequest = 0;

/** Fetches the feed to offer its sessions or polls; the widget itself fetches it on its own. */
async function loadChoices() {
  const request = ++feedRequest;
  const url = absolute(feedInput.value);
  loadedFeed = undefined;
  if (!url) {
    status.textContent = 'Enter the URL of an event feed.';
    fillChoices();
    return;
  }
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const feed = await response.json();
    if (request !== feedRequest) return;
    loadedFeed = feed;
    status.textContent = `Feed loaded: ${feed.sessions?.length ?? 0} sessions, ${feed.polls?.length ?? 0} polls, ${feed.recordings?.length ?? 0} recordings.`;
  } catch (error) {
    if (request !== feedRequest) return;
    status.textContent = `Could not read that feed (${error.message}). The preview shows what visitors would see.`;
  }
  fillChoices();
}

function fillChoices() {
  const attribute = choiceAttribute();
  const previous = choice.value;
  const language = lang.value || document.documentElement.lang;
  choiceLabel.hidden = choice.hidden = !attribute;
  choiceLabel.textContent = attribute === 'poll' ? 'Poll' : 'Session';
  const items = (attribute === 'poll' ? loadedFeed?.polls : loadedFeed?.sessions) ?? [];
  choice.replaceChildren(new Option('Automatic (live, else next, else last)', ''));
  for (const item of items) choice.append(new Option(`${textOf(item.title, language)} (${item.id})`, item.id));
  choice.value = items.some((item) => item.id === previous) ? previous : '';
  update();
}

/** The attributes of the tag, in the order a webmaster would write them; defaults left out. */
function attributes() {
  const list = [['src', absolute(feedInput.value)]];
  if (choiceAttribute() && choice.value) list.push([choiceAttribute(), choice.value]);
  if (lang.value) list.push(['lang', lang.value]);
  if (zone.value && zone.value !== 'local') list.push(['time-zone', zone.value]);
  if (theme.value !== 'auto') list.push(['theme', theme.value]);
  return list;
}

const quote = (value) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function update() {
  const tag = widget.value;
  const element = document.createElement(tag);
  for (const [name, value] of attributes()) element.setAttribute(name, value);
  preview.replaceChildren(element);

  const attrs = attributes()
    .map(([name, value]) => ` ${name}="${quote(value)}"`)
    .join('');
  snippet.textContent = `<script type="module" src="${absolute('/civic-widgets.js')}"></script>\n<${tag}${attrs}></${tag}>`;
}

widget.addEventListener('change', fillChoices);
feedInput.addEventListener('change', loadChoices);
lang.addEventListener('change', fillChoices);
for (const input of [choice, zone, theme]) input.addEventListener('change', update);
form.addEventListener('submit', (event) => event.preventDefault());

copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    status.textContent = 'Snippet copied.';
  } catch {
    // No clipboard permission (an http page, an old browser): select it for a manual copy.
    getSelection().selectAllChildren(snippet);
    status.textContent = 'Press Ctrl+C (⌘C) to copy the selected snippet.';
  }
});

fillZones();
loadChoices();
