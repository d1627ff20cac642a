import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import * as patterns from '../../src/contract/patterns.js';
import { formatIssue, validateFeed } from '../../src/contract/validate.js';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schema/feed.schema.json', root), 'utf8'));
const validateWithSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

function samples(folder: string): [string, unknown][] {
  const dir = new URL(`test/fixtures/feeds/${folder}/`, root);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))]);
}

describe('schema/feed.schema.json and the runtime validator agree', () => {
  const valid = samples('valid');
  const invalid = samples('invalid');

  it('has samples on both sides', () => {
    assert.ok(valid.length >= 5 && invalid.length >= 20, `${valid.length} valid, ${invalid.length} invalid`);
  });

  for (const [name, feed] of valid) {
    it(`both accept valid/${name}`, () => {
      const runtime = validateFeed(feed, 'https://example.org/feeds/x.json');
      assert.equal(validateWithSchema(feed), true, JSON.stringify(validateWithSchema.errors));
      assert.equal(runtime.ok, true, runtime.ok ? '' : runtime.issues.map(formatIssue).join('; '));
    });
  }

  for (const [name, feed] of invalid) {
    it(`both reject invalid/${name}`, () => {
      assert.equal(validateWithSchema(feed), false, 'the JSON Schema accepted it');
      const runtime = validateFeed(feed, 'https://example.org/feeds/x.json');
      assert.equal(runtime.ok, false, 'the runtime validator accepted it');
    });
  }

  it('both accept every real calendar date and refuse every impossible one, 2000–2100', () => {
    const check = (date: string) => {
      const feed = { version: 1, event: { id: 'e', title: 'E', timeZone: 'UTC' }, sessions: [{ id: 's', title: 'S', start: `${date}T10:00:00Z`, end: `${date}T11:00:00Z` }] };
      return [validateWithSchema(feed) as boolean, validateFeed(feed, 'https://example.org/').ok];
    };
    for (let year = 2000; year <= 2100; year += year < 2030 ? 1 : 10) {
      for (let month = 1; month <= 12; month++) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        for (const day of [days, days + 1]) {
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const real = day <= days;
          if (day > 31) continue;
          assert.deepEqual(check(date), [real, real], date);
        }
      }
    }
  });

  it('uses the same patterns as the runtime (src/contract/patterns.ts)', () => {
    const defs = schema.definitions;
    assert.equal(defs.dateTime.pattern, patterns.DATE_TIME);
    assert.equal(defs.duration.pattern, patterns.DURATION);
    assert.equal(defs.timeZone.pattern, patterns.TIME_ZONE);
    assert.equal(defs.language.pattern, patterns.LANGUAGE);
    assert.equal(defs.id.pattern, patterns.ID);
  });

  it('differs only where JSON Schema cannot know: a well-formed but unknown time zone', () => {
    const feed = JSON.parse(readFileSync(new URL('test/fixtures/feeds/runtime-only-unknown-zone.json', root), 'utf8'));
    assert.equal(validateWithSchema(feed), true);
    const runtime = validateFeed(feed, 'https://example.org/');
    assert.equal(runtime.ok, false);
    assert.deepEqual(runtime.ok ? [] : runtime.issues.map(formatIssue), ['event.timeZone: expected a time zone this browser knows']);
  });

  it('differs where JSON Schema cannot express it: option ids repeated across a poll\'s groups', () => {
    // uniqueItems compares whole items, and ids live in different arrays (groups): no JSON Schema
    // keyword can say "unique across groups", so only the runtime validator refuses this feed.
    const feed = JSON.parse(readFileSync(new URL('test/fixtures/feeds/runtime-only-duplicate-option-ids.json', root), 'utf8'));
    assert.equal(validateWithSchema(feed), true);
    const runtime = validateFeed(feed, 'https://example.org/');
    assert.equal(runtime.ok, false);
    assert.deepEqual(runtime.ok ? [] : runtime.issues.map(formatIssue), [
      'polls[0].groups[1].options[1].id: duplicate option id "a" (already at polls[0].groups[0].options[0].id)',
    ]);
  });

  it('refuses an option id repeated within one group, with its path', () => {
    const feed = JSON.parse(readFileSync(new URL('test/fixtures/feeds/runtime-only-duplicate-option-ids.json', root), 'utf8'));
    feed.polls[0].groups[0].options[1].id = 'a';
    const runtime = validateFeed(feed, 'https://example.org/');
    assert.deepEqual(runtime.ok ? [] : runtime.issues.map(formatIssue).slice(0, 1), [
      'polls[0].groups[0].options[1].id: duplicate option id "a" (already at polls[0].groups[0].options[0].id)',
    ]);
  });
});

describe('validation errors name the path and what was expected', () => {
  const cases: [string, string][] = [
    ['session-start-not-rfc3339', 'sessions[0].start: expected an RFC 3339 date-time with an offset'],
    ['wrong-version', 'version: expected 1 (the only feed version this library reads)'],
    ['missing-event', 'event: missing (required)'],
    ['recording-missing-url', 'recordings[0].url: missing (required)'],
    ['poll-group-no-options', 'polls[0].groups[0].options: expected at least one option'],
    ['item-missing-end', 'sessions[0].items[0].end: missing (required)'],
    ['not-an-object', '(root): expected a JSON object'],
    ['questions-bad-moderation', 'questions[0].moderation: expected "none" or "pre"'],
    ['questions-missing-moderation', 'questions[0].moderation: missing (required)'],
    ['questions-not-array', 'questions: expected an array of question boards'],
    ['date-february-31', 'sessions[0].start: expected an RFC 3339 date-time with an offset'],
    ['date-leap-day-2025', 'sessions[0].end: expected an RFC 3339 date-time with an offset'],
    ['date-leap-day-1900', 'sessions[0].end: expected an RFC 3339 date-time with an offset'],
    ['date-june-31', 'sessions[0].end: expected an RFC 3339 date-time with an offset'],
    ['date-april-31', 'sessions[0].end: expected an RFC 3339 date-time with an offset'],
    ['text-empty-map', 'sessions[0].title: expected a string or a map of language tags to strings'],
  ];
  for (const [name, expected] of cases) {
    it(name, () => {
      const feed = JSON.parse(readFileSync(new URL(`test/fixtures/feeds/invalid/${name}.json`, root), 'utf8'));
      const result = validateFeed(feed, 'https://example.org/');
      assert.equal(result.ok, false);
      assert.equal(result.ok ? '' : formatIssue(result.issues[0]!), expected);
    });
  }
});

describe('URLs', () => {
  it('resolves relative URLs against the feed URL and drops unsafe schemes', () => {
    const feed = JSON.parse(readFileSync(new URL('test/fixtures/feeds/local-democracy.json', root), 'utf8'));
    feed.event.url = 'javascript:alert(1)';
    feed.sessions[0].joinUrl = 'mailto:learning@example.org';
    feed.recordings[0].thumbnail = '../thumbs/a.svg';
    feed.recordings[0].captions[0].url = 'data:text/vtt,WEBVTT';
    const result = validateFeed(feed, 'https://events.example.org/feeds/local-democracy.json');
    assert.ok(result.ok);
    assert.equal(result.feed.event.url, undefined);
    assert.equal(result.feed.sessions[0]!.joinUrl, 'mailto:learning@example.org');
    assert.equal(result.feed.recordings![0]!.thumbnail, 'https://events.example.org/thumbs/a.svg');
    assert.equal(result.feed.recordings![0]!.captions![0]!.url, undefined);
    assert.equal(result.feed.recordings![0]!.url, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });

  it('drops unknown fields from the output', () => {
    const feed = JSON.parse(readFileSync(new URL('test/fixtures/feeds/valid/unknown-fields.json', root), 'utf8'));
    const result = validateFeed(feed, 'https://example.org/');
    assert.ok(result.ok);
    assert.equal('x-extra' in result.feed, false);
    assert.equal('logo' in result.feed.event, false);
  });
});
