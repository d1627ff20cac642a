import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { defineCommand, expectPositionals, UsageError } from './command.js';

export const init = defineCommand({
  name: 'init',
  usage: `civic-widgets init [dir]            (a starter feed folder, default ./feeds)`,
  options: {},
  async run(_values, positionals) {
    expectPositionals(init, positionals, 0, 1, '');
    const dir = resolve(positionals[0] ?? 'feeds');
    const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw new UsageError(`init: ${dir}: ${error.code === 'ENOTDIR' ? 'a file, not a folder' : error.message}`, init);
    });
    // Never overwrite an organizer's feeds.
    if (existing.length) throw new UsageError(`init: ${dir} is not empty: name a new folder (civic-widgets init <dir>)`, init);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'event.json'), `${JSON.stringify(starterFeed(new Date()), null, 2)}\n`);
    await writeFile(join(dir, 'README.md'), STARTER_README);
    const shown = relative(process.cwd(), dir) || '.';
    console.log(`civic-widgets: wrote ${join(shown, 'event.json')} and ${join(shown, 'README.md')} (what each part means). Next:
  civic-widgets validate ${shown}
  civic-widgets serve --feeds ${shown}`);
  },
});

/** One example of each part of a feed, its sessions a month from `today` so that the countdown counts. */
function starterFeed(today: Date): object {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 30));
  // UTC times ("Z") are exact whatever the season; the widgets show them in the event's zone too.
  const at = (hours: number, minutes = 0) => new Date(day.getTime() + (hours * 60 + minutes) * 60_000).toISOString().replace('.000Z', 'Z');
  return {
    version: 1,
    languages: ['en', 'fr'],
    event: {
      id: 'annual-assembly',
      title: { en: 'Annual assembly', fr: 'Assemblée annuelle' },
      description: { en: 'A day of talks and workshops for members and neighbours.', fr: 'Une journée de conférences et d’ateliers.' },
      organizer: 'Neighbourhood Association',
      url: 'https://example.org/assembly',
      timeZone: 'Europe/Madrid',
    },
    sessions: [
      {
        id: 'opening',
        title: { en: 'Opening plenary', fr: 'Plénière d’ouverture' },
        description: 'Where we are, and what we decide today.',
        start: at(8),
        end: at(9, 30),
        timeZone: 'Europe/Madrid',
        status: 'scheduled',
        joinUrl: 'https://example.org/live/opening',
        location: { en: 'Main hall', fr: 'Grande salle' },
        track: 'plenary',
        languages: ['en', 'fr'],
        speakers: ['ana-garcia'],
        poll: 'priorities',
        items: [
          { start: at(8), end: at(8, 20), title: 'Welcome', kind: 'talk', speakers: ['ana-garcia'] },
          { start: at(8, 20), end: at(9, 30), title: { en: 'Open discussion', fr: 'Discussion ouverte' }, kind: 'discussion' },
        ],
      },
      {
        id: 'workshop',
        title: 'Workshop: a budget everyone can read',
        start: at(10),
        end: at(12),
        track: 'workshops',
        speakers: ['kofi-mensah'],
      },
    ],
    speakers: [
      {
        id: 'ana-garcia',
        name: 'Ana García',
        role: { en: 'President', fr: 'Présidente' },
        organization: 'Neighbourhood Association',
        city: 'Madrid',
        country: 'ES',
        url: 'https://example.org/people/ana',
      },
      { id: 'kofi-mensah', name: 'Kofi Mensah', role: 'Treasurer', city: 'Accra', country: 'GH' },
    ],
    tracks: [
      { id: 'plenary', title: 'Plenary', color: '#00639a' },
      { id: 'workshops', title: { en: 'Workshops', fr: 'Ateliers' }, color: '#8a4b00' },
    ],
    polls: [
      {
        id: 'priorities',
        title: { en: 'Our priority for next year', fr: 'Notre priorité pour l’an prochain' },
        prompt: 'Choose one.',
        session: 'opening',
        mode: 'single',
        results: 'after-vote',
        opensAt: at(8),
        closesAt: at(9, 30),
        groups: [
          {
            id: 'priority',
            title: 'Priority',
            options: [
              { id: 'parks', text: { en: 'Parks and trees', fr: 'Parcs et arbres' } },
              { id: 'housing', text: { en: 'Housing', fr: 'Logement' } },
              { id: 'transport', text: { en: 'Transport', fr: 'Transports' } },
            ],
          },
        ],
      },
      {
        id: 'workshop-topics',
        title: 'Which topics should the next workshop cover?',
        session: 'workshop',
        mode: 'multiple',
        maxChoices: 2,
        results: 'always',
        groups: [
          { id: 'money', title: 'Money', options: [{ id: 'budget', text: 'The budget' }, { id: 'grants', text: 'Grants' }] },
          { id: 'people', title: 'People', options: [{ id: 'volunteers', text: 'Volunteers' }, { id: 'members', text: 'New members' }] },
        ],
      },
    ],
    recordings: [
      {
        id: 'last-year-opening',
        title: 'Last year’s opening plenary',
        recordedAt: '2025-06-18T08:00:00Z',
        duration: 'PT1H30M',
        provider: 'youtube',
        videoId: 'aqz-KE-bpKQ',
        url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
        language: 'en',
        tags: ['plenary'],
      },
      {
        id: 'workshop-recording',
        title: 'Workshop: a budget everyone can read',
        session: 'workshop',
        provider: 'file',
        url: 'https://example.org/media/workshop.mp4',
        thumbnail: 'https://example.org/media/workshop.jpg',
        language: 'en',
        captions: [{ language: 'fr', url: 'https://example.org/media/workshop.fr.vtt' }],
        tags: ['budget', 'workshop'],
      },
    ],
  };
}

const STARTER_README = `# Your event's feed

\`event.json\` is one feed: everything the widgets show about one event. JSON has no comments, so
this file explains each part of it. Edit the sample values, then check and serve the folder:

\`\`\`sh
civic-widgets validate .          # errors and warnings, by path (sessions[1].start: …)
civic-widgets serve --feeds .     # serves /feeds/event.json and the poll API
\`\`\`

Every file \`<name>.json\` in this folder is served at \`/feeds/<name>.json\`. The full contract is
\`schema/feed.schema.json\` in the civic-widgets package.

## Text and times

- A **text** is a plain string (\`"Welcome"\`) or one string per language
  (\`{ "en": "Main hall", "fr": "Grande salle" }\`); \`languages\` lists the feed's languages, first the default.
- A **time** is an RFC 3339 date-time with its offset: \`2026-06-18T15:00:00+02:00\`, or UTC with \`Z\`.
- An **id** is letters, digits, \`_\`, \`-\` or \`.\`; the other parts refer to things by their id.

## The parts

- \`version\`: always \`1\`.
- \`event\`: the event's \`id\`, \`title\`, optional \`description\`, \`organizer\` and \`url\`, and the
  \`timeZone\` it takes place in (an IANA name such as \`Europe/Madrid\`): visitors see both its time and theirs.
- \`sessions\`: the agenda. Each has an \`id\`, a \`title\`, a \`start\` and an \`end\` (the end after the start),
  and may have a \`description\`, its own \`timeZone\`, a \`status\` (\`scheduled\`, \`cancelled\`, \`postponed\`),
  a \`joinUrl\` for the live link, a \`location\`, a \`track\` (an id from \`tracks\`), \`languages\`,
  \`speakers\` (ids from \`speakers\`), a \`poll\` (an id from \`polls\`), and \`items\`: the running order
  inside the session (\`start\`, \`end\`, \`title\`, optional \`kind\`, \`speakers\`, \`description\`).
- \`speakers\`: \`id\` and \`name\`; optional \`role\`, \`organization\`, \`city\`, \`country\`, \`photo\` and \`url\`.
- \`tracks\`: parallel strands of the agenda, with an \`id\`, a \`title\` and an optional \`color\`.
- \`polls\`: each with an \`id\`, a \`title\`, an optional \`prompt\` and \`session\`, a \`mode\` (\`single\`: one
  choice; \`multiple\`: up to \`maxChoices\`), when \`results\` are shown (\`always\`, \`after-vote\`,
  \`after-close\`), optional \`opensAt\`/\`closesAt\`, and \`groups\` of \`options\` (each an \`id\` and a \`text\`).
  The reference server collects the votes; \`civic-widgets polls list\` shows them.
- \`recordings\`: videos of past sessions: \`id\`, \`title\`, \`provider\` (\`youtube\` or \`vimeo\` with a
  \`videoId\`, or \`file\`), the \`url\`, and optional \`session\`, \`recordedAt\`, \`duration\` (\`PT1H30M\`),
  \`thumbnail\`, \`language\`, \`captions\` (\`language\` + \`url\` of a WebVTT file) and \`tags\`.

A reference to something the feed does not have (a speaker id in a session that is not in
\`speakers\`), the same id twice, or an end before its start is a **warning**: the widgets still work
(they leave it out), but \`validate\` and \`serve\` name it so that you can fix it.
`;
