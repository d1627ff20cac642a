import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { localize } from '../../src/contract/text.js';
import { encodeComponent, wellFormed } from '../../src/i18n/well-formed.js';
import {
  dayKey,
  formatTimeWithZone,
  localTimeZone,
  resolveTimeZone,
  zoneCity,
  zoneName,
  zoneOffsetMinutes,
} from '../../src/time/format.js';

describe('localize: visitor language, then the feed first language, then any', () => {
  const text = { fr: 'Bonjour', 'es-MX': 'Hola', en: 'Hello' };
  it('picks the exact tag', () => expect(localize(text, 'es-MX')).to.equal('Hola'));
  it('matches a regional tag to its language', () => expect(localize(text, 'fr-CA')).to.equal('Bonjour'));
  it('matches a language to a regional entry', () => expect(localize(text, 'es')).to.equal('Hola'));
  it('is case-insensitive', () => expect(localize(text, 'EN-gb')).to.equal('Hello'));
  it('falls back to the feed first language', () => expect(localize(text, 'ar', ['fr', 'en'])).to.equal('Bonjour'));
  it('falls back to any language when the feed names none', () => expect(localize({ de: 'Hallo' }, 'ar')).to.equal('Hallo'));
  it('returns plain strings as they are', () => expect(localize('Plain', 'ar', ['fr'])).to.equal('Plain'));
  it('returns an empty string for no text', () => expect(localize(undefined, 'en')).to.equal(''));
});

describe('time zones (runner pinned to America/New_York)', () => {
  afterEach(() => sinon.restore());

  it('formats across a DST change with the zone name that applies on each side', () => {
    // Europe/Madrid moves from CET (+1) to CEST (+2) on 2026-03-29.
    const before = new Date('2026-03-28T15:00:00Z');
    const after = new Date('2026-03-30T15:00:00Z');
    expect(formatTimeWithZone(before, 'en-GB', 'Europe/Madrid')).to.equal('16:00 CET');
    expect(formatTimeWithZone(after, 'en-GB', 'Europe/Madrid')).to.equal('17:00 CEST');
    expect(zoneOffsetMinutes(before, 'Europe/Madrid')).to.equal(60);
    expect(zoneOffsetMinutes(after, 'Europe/Madrid')).to.equal(120);
  });

  it('formats the visitor zone across its own DST change', () => {
    // New York leaves EDT for EST on 2026-11-01.
    expect(zoneName(new Date('2026-10-31T12:00:00Z'), 'en-US', 'America/New_York')).to.equal('EDT');
    expect(zoneName(new Date('2026-11-02T12:00:00Z'), 'en-US', 'America/New_York')).to.equal('EST');
    expect(zoneOffsetMinutes(new Date('2026-11-02T12:00:00Z'), 'America/New_York')).to.equal(-300);
  });

  it('never shows a time without its zone, in every UI language', () => {
    const date = new Date('2026-06-18T13:00:00Z');
    for (const lang of ['en', 'fr', 'es', 'ar']) {
      const text = formatTimeWithZone(date, lang, 'Europe/Madrid');
      expect(text).to.contain(zoneName(date, lang, 'Europe/Madrid'));
      expect(text.length).to.be.greaterThan(zoneName(date, lang, 'Europe/Madrid').length);
    }
  });

  it('puts a late-evening session on different days in different zones', () => {
    const lateInNewYork = new Date('2026-06-18T23:30:00-04:00');
    expect(dayKey(lateInNewYork, 'America/New_York')).to.equal('2026-06-18');
    expect(dayKey(lateInNewYork, 'Europe/Madrid')).to.equal('2026-06-19');
    expect(dayKey(lateInNewYork, 'Asia/Seoul')).to.equal('2026-06-19');
  });

  it('resolves the time-zone attribute', () => {
    expect(localTimeZone()).to.equal('America/New_York');
    expect(resolveTimeZone(null, 'Europe/Madrid')).to.equal('America/New_York');
    expect(resolveTimeZone('local', 'Europe/Madrid')).to.equal('America/New_York');
    expect(resolveTimeZone('event', 'Europe/Madrid')).to.equal('Europe/Madrid');
    expect(resolveTimeZone('Asia/Seoul', 'Europe/Madrid')).to.equal('Asia/Seoul');
    const warn = sinon.stub(console, 'warn');
    expect(resolveTimeZone('Mars/Olympus', 'Europe/Madrid')).to.equal('America/New_York');
    expect(resolveTimeZone('Mars/Olympus', 'Europe/Madrid')).to.equal('America/New_York');
    expect(warn.calledOnce, 'warned once, not at every render').to.be.true;
  });

  it('names the city of a zone', () => {
    expect(zoneCity('Europe/Madrid')).to.equal('Madrid');
    expect(zoneCity('America/Argentina/Buenos_Aires')).to.equal('Buenos Aires');
  });
});

describe('wellFormed and encodeComponent: any string a feed may hold (issue 18)', () => {
  const cases: [string, string][] = [
    ['abc\ud83d', 'abc\ufffd'],
    ['\udc00abc', '\ufffdabc'],
    ['a\ud83d\ud83db', 'a\ufffd\ufffdb'],
    ['ok \ud83d\ude00 ok', 'ok \ud83d\ude00 ok'],
    ['', ''],
  ];

  it('replaces lone surrogates with U+FFFD and keeps pairs, natively and with the fallback', () => {
    const native = Object.getOwnPropertyDescriptor(String.prototype, 'toWellFormed');
    for (const [input, output] of cases) expect(wellFormed(input)).to.equal(output);
    if (native) delete (String.prototype as { toWellFormed?: unknown }).toWellFormed;
    try {
      for (const [input, output] of cases) expect(wellFormed(input)).to.equal(output);
    } finally {
      if (native) Object.defineProperty(String.prototype, 'toWellFormed', native);
    }
  });

  it('encodes where encodeURIComponent throws', () => {
    expect(() => encodeURIComponent('abc\ud83d')).to.throw(URIError);
    expect(encodeComponent('abc\ud83d')).to.equal('abc%EF%BF%BD');
    expect(encodeComponent('a b;c:\ud83d\ude00')).to.equal(encodeURIComponent('a b;c:\ud83d\ude00'));
  });
});
