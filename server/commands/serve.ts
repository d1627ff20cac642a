import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { feedWarnings } from '../../src/contract/feed-warnings.js';
import { OneTimeLinks } from '../admin/one-time-links.js';
import { buildApp, DEFAULT_VOTE_RATE } from '../app.js';
import { loadFeeds } from '../feed-catalog.js';
import { packageRoot } from '../package-root.js';
import { DEFAULT_QUESTION_RATE } from '../routes/questions.js';
import { openStore } from '../storage/store.js';
import { defineCommand, expectPositionals, FEEDS_AND_STORE, requireFeeds, UsageError } from './command.js';

export const serve = defineCommand({
  name: 'serve',
  usage: `civic-widgets serve --feeds <dir> [--port 8787] [--host 127.0.0.1] [--db civic.db]
                    [--site <dir> | --demo] [--cors-origin <origin>]... [--vote-rate <n/min/IP>]
                    [--question-rate <n/min/IP>] [--trust-proxy] [--vote-url <url, {poll} = poll id>]`,
  options: {
    ...FEEDS_AND_STORE,
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    site: { type: 'string' },
    demo: { type: 'boolean', default: false },
    'cors-origin': { type: 'string', multiple: true },
    'vote-rate': { type: 'string', default: String(DEFAULT_VOTE_RATE) },
    'question-rate': { type: 'string', default: String(DEFAULT_QUESTION_RATE) },
    'trust-proxy': { type: 'boolean', default: false },
    'vote-url': { type: 'string' },
  },
  async run(values, positionals) {
    expectPositionals(serve, positionals, 0, 0, '');
    const feeds = resolve(requireFeeds(serve, values.feeds));
    const port = Number(values.port);
    const voteRate = Number(values['vote-rate']);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port}: expected 0..65535`, serve);
    if (!Number.isInteger(voteRate) || voteRate < 1) {
      throw new UsageError(`--vote-rate ${values['vote-rate']}: expected a whole number ≥ 1`, serve);
    }
    const questionRate = Number(values['question-rate']);
    if (!Number.isInteger(questionRate) || questionRate < 1) {
      throw new UsageError(`--question-rate ${values['question-rate']}: expected a whole number ≥ 1`, serve);
    }
    const siteDir = values.demo ? join(packageRoot, 'demo') : values.site && resolve(values.site);
    // A mistyped --site would otherwise start a server that answers 404 for every page.
    if (siteDir && !(await stat(siteDir).then((found) => found.isDirectory(), () => false))) {
      throw new UsageError(`--site ${values.site}: not a folder`, serve);
    }
    const voteUrl = values['vote-url'];
    if (voteUrl !== undefined && !/^https?:\/\/[^/]/.test(voteUrl)) throw new UsageError(`--vote-url ${voteUrl}: expected an http(s) URL`, serve);
    // Watched and refreshed: a changed feed file or a recipe's source is served again without a restart.
    const catalog = await loadFeeds(feeds, { ...(values.demo ? { anchorDates: Date.now() } : {}), watch: true, refresh: true });
    // Served anyway (the widgets skip what they cannot find), but the organizer should know.
    for (const served of catalog.feeds.values()) {
      for (const warning of feedWarnings(served.feed)) {
        console.error(`civic-widgets: warning: ${join(feeds, `${served.name}.json`)}: ${warning.path}: ${warning.message}`);
      }
    }
    const store = await openStore({ databaseUrl: process.env.DATABASE_URL, sqliteFile: resolve(values.db) });
    const signInLinks = process.env.CIVIC_ADMIN_TOKEN ? undefined : new OneTimeLinks();
    const app = await buildApp({
      catalog,
      store,
      siteDir,
      corsOrigins: values['cors-origin'],
      voteRatePerMinute: voteRate,
      questionRatePerMinute: questionRate,
      // No token given: one nobody sees, and a printed link that signs one browser in (like Jupyter).
      adminToken: process.env.CIVIC_ADMIN_TOKEN || randomBytes(32).toString('base64url'),
      signInLinks,
      voteUrl,
      trustProxy: values['trust-proxy'],
      // Without a logger a 500 leaves no trace anywhere; warn and above are failures, not traffic.
      logger: { level: 'warn' },
    });
    const address = await app.listen({ port, host: values.host });
    console.log(`civic-widgets listening on ${address} (${store.kind}; ${catalog.feeds.size} feeds, ${catalog.polls.size} polls, ${catalog.questions.size} question boards)`);
    if (signInLinks) {
      const base = address.replace('://0.0.0.0', '://127.0.0.1').replace('://[::]', '://[::1]');
      console.log(`console: open ${base}/admin/sign-in?once=${signInLinks.create()} (works once, for 15 minutes; set CIVIC_ADMIN_TOKEN to sign in with a token)`);
    }

    let stopping = false;
    const stop = async (signal: string): Promise<void> => {
      if (stopping) return;
      stopping = true;
      console.log(`civic-widgets: ${signal}, finishing requests in flight and closing the store`);
      // A second signal, or a stuck request, must not keep the process alive forever.
      setTimeout(() => process.exit(1), 10_000).unref();
      catalog.close();
      await app.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
    // Never resolves: the server runs until a signal stops it.
    return new Promise<never>(() => {});
  },
});
