import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/questions/define.js';
import { localDemocracyAt, mockFeed } from './support/mock-feed.js';
import { mockQuestions, type MockBoard, type MockQuestionsOptions } from './support/mock-questions.js';
import { renderWidget, WIDGET_ARG_TYPES } from './support/widget-args.js';

/**
 * `<civic-questions>`: the audience's own questions for the Local Democracy session, against an
 * in-memory question API (msw): questions and upvotes are kept for the story's lifetime and pushed
 * down its event stream.
 */
const meta: Meta = {
  title: 'Elements/civic-questions',
  component: 'civic-questions',
  render: renderWidget('civic-questions'),
  argTypes: {
    ...WIDGET_ARG_TYPES,
    order: { control: 'inline-radio', options: ['votes', 'newest'] },
  },
};
export default meta;

type Story = StoryObj;

const iso = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const board = (moderation: MockBoard['moderation'], opensIn = -60 * 24, closesIn = 90): MockBoard => ({
  id: 'local-democracy-qa',
  session: 'local-democracy',
  title: {
    en: 'Your questions to the panel',
    fr: 'Vos questions au panel',
    es: 'Sus preguntas al panel',
  },
  moderation,
  opensAt: iso(opensIn),
  closesAt: iso(closesIn),
});

const crowd: MockQuestionsOptions['questions'] = [
  { id: 'p1', text: 'How did councils keep their meetings public when they moved online?', name: 'Fatima, Rabat', votes: 12, answered: false, pinned: true },
  { id: 'p2', text: 'Which tools worked for citizens without internet access at home?', votes: 9, answered: false, pinned: false },
  { id: 'p3', text: 'Can a remote vote of the council be challenged in court?', name: 'Jordi', votes: 4, answered: true, pinned: false },
  { id: 'p4', text: '<img src=x onerror=alert(1)> Is markup shown as text?', votes: 1, answered: false, pinned: false },
];

function story(name: string, moderation: MockBoard['moderation'], options: MockQuestionsOptions, overrides: Record<string, string> = {}, dates?: [number, number]): Story {
  const mock = mockQuestions(name, localDemocracyAt(-30) as unknown as Record<string, unknown>, board(moderation, ...(dates ?? [])), options);
  return { args: { src: mock.src, ...overrides }, parameters: { msw: { handlers: mock.handlers } } };
}

export const Scheduled = story('questions-scheduled', 'none', { status: 'scheduled' }, {}, [60 * 24, 60 * 26]);
export const OpenEmpty = story('questions-empty', 'none', {});
export const OpenWithQuestions = story('questions-open', 'none', { questions: crowd });
export const Newest = story('questions-newest', 'none', { questions: crowd }, { order: 'newest' });
export const Upvoted = story('questions-upvoted', 'none', { questions: crowd, upvoted: ['p2'] });
export const ModeratedWithMinePending = story('questions-moderated', 'pre', { questions: crowd, minePending: ['What budget did cities set aside for digital participation?'] });
export const KeptOffline = story('questions-offline', 'none', { questions: crowd, write: 'network' });
export const Error409Closed = story('questions-409', 'none', { questions: crowd, write: 409 });
export const Error429RateLimited = story('questions-429', 'none', { questions: crowd, write: 429 });
export const Closed = story('questions-closed', 'none', { questions: crowd, status: 'closed' }, {}, [-60 * 24, -10]);
export const Arabic = story('questions-arabic', 'pre', { questions: crowd, minePending: ['ما الميزانية المخصصة للمشاركة الرقمية؟'], upvoted: ['p1'] }, { lang: 'ar' });
export const Dark = story('questions-dark', 'none', { questions: crowd, upvoted: ['p1'] }, { theme: 'dark' });

const noBoard = mockFeed('questions-none', localDemocracyAt(-30) as unknown as Record<string, unknown>);
/** A feed without a question board: the widget says so instead of staying blank. */
export const NoBoard: Story = { args: { src: noBoard.src }, parameters: { msw: { handlers: noBoard.handlers } } };
