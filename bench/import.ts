// Importing big sources: the largest real schedule (38C3's schedule.xml, 1,007 talks, from
// ../shared/real-data when present, else a generated one of the same shape) and a generated
// 10,000-event .ics. Each case runs in a fresh process, so that its peak memory (maxRSS) is its own;
// the baseline, measured in the same process, is the bare parser on the same text (fast-xml-parser,
// ical.js), so the ratio is what our mapping, time zones and ids add.
import { fork } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { importText } from '../server/import/index.js';
import { validateFeed } from '../src/contract/validate.js';
import { round } from './support/stats.js';

const REAL_SCHEDULE = resolve(fileURLToPath(import.meta.url), '../../../../shared/real-data/frab/eventfahrplan-38c3-schedule.xml');
const RUNS = 5;

function generatedSchedule(talks = 1007): string {
  const events = Array.from({ length: talks }, (_, i) => {
    const day = 27 + (i % 4);
    const hour = 10 + (i % 12);
    return `<event guid="00000000-0000-4000-8000-${String(i).padStart(12, '0')}" id="${i}"><date>2024-12-${day}T${hour}:00:00+01:00</date><start>${hour}:00</start><duration>00:40</duration><room>Saal ${i % 72}</room><title>Talk ${i} about cities &amp; data</title><subtitle/><language>en</language><track>Track ${i % 7}</track><abstract>${'Abstract text. '.repeat(40)}</abstract><description>${'Description text. '.repeat(80)}</description><persons><person guid="p-${i % 900}">Person ${i % 900}</person></persons></event>`;
  });
  return `<?xml version="1.0"?><schedule><conference><title>Generated</title><acronym>gen</acronym><time_zone_name>Europe/Berlin</time_zone_name></conference><day date="2024-12-27" index="1"><room name="Saal 1">${events.join('\n')}</room></day></schedule>`;
}

export function generatedIcs(events = 10_000): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//civic-widgets//bench//EN', 'X-WR-CALNAME:Bench', 'X-WR-TIMEZONE:Europe/Madrid'];
  for (let i = 0; i < events; i++) {
    const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 20) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const hour = String(8 + (i % 10)).padStart(2, '0');
    lines.push(
      'BEGIN:VEVENT',
      `UID:bench-${i}@example.org`,
      `DTSTART;TZID=Europe/Madrid:${day}T${hour}0000`,
      `DTEND;TZID=Europe/Madrid:${day}T${hour}4500`,
      `SUMMARY:Session ${i}\\, peer learning`,
      `DESCRIPTION:${'A line of description. '.repeat(6)}`,
      `LOCATION:Room ${i % 30}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

type Case = 'schedule-xml' | 'ics';
interface CaseResult {
  source: string;
  sessions: number;
  importMs: number;
  baselineMs: number;
  peakMb: number;
  /** RSS before reading the input: Node, tsx and the modules (what the peak is compared with). */
  startMb: number;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Runs in the child process. */
function measure(which: Case): CaseResult {
  const startMb = process.memoryUsage().rss / 1024 / 1024;
  const real = which === 'schedule-xml' && existsSync(REAL_SCHEDULE);
  const text = which === 'ics' ? generatedIcs() : real ? readFileSync(REAL_SCHEDULE, 'utf8') : generatedSchedule();
  const source = which === 'ics' ? 'generated 10,000-event .ics' : real ? '38C3 schedule.xml (real, 2.1 MB)' : 'generated schedule.xml (1,007 talks)';
  const importRuns: number[] = [];
  const baselineRuns: number[] = [];
  let sessions = 0;
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    const { feed } = importText(text, which, { source, now: Date.parse('2026-06-01T00:00:00Z') });
    if (!validateFeed(feed, 'http://localhost/feeds/bench.json').ok) throw new Error(`${source}: the imported feed is not valid`);
    importRuns.push(performance.now() - start);
    sessions = feed.sessions.length;
    start = performance.now();
    if (which === 'ics') new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
    else new XMLParser({ ignoreAttributes: false }).parse(text);
    baselineRuns.push(performance.now() - start);
  }
  return { source, sessions, importMs: median(importRuns), baselineMs: median(baselineRuns), peakMb: process.resourceUsage().maxRSS / 1024, startMb };
}

function inChild(which: Case): Promise<CaseResult> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, CIVIC_IMPORT_CASE: which } });
    child.once('message', (message) => resolvePromise(message as CaseResult));
    child.once('exit', (code) => code && reject(new Error(`bench/import ${which}: exit ${code}`)));
  });
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  for (const which of ['schedule-xml', 'ics'] as const) {
    const result = await inChild(which);
    console.log(`${result.source}: ${result.sessions} sessions, median of ${RUNS} runs`);
    const label = which === 'ics' ? 'ics 10k' : 'schedule.xml';
    figures[`${label}: import + validate ms`] = round(result.importMs);
    figures[`${label}: bare parse ms (baseline)`] = round(result.baselineMs);
    figures[`${label}: import / bare parse`] = round(result.importMs / result.baselineMs, 2);
    figures[`${label}: peak RSS MB (whole process)`] = round(result.peakMb);
    figures[`${label}: RSS before reading MB (baseline)`] = round(result.startMb);
  }
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(42)} ${value}`);
  return figures;
}

if (process.env.CIVIC_IMPORT_CASE) process.send!(measure(process.env.CIVIC_IMPORT_CASE as Case));
else if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
