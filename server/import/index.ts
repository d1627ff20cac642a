// The importers: plain functions `(input, options) → { feed, warnings }`, one module per source format.
import { detectFormat } from './detect.js';
import { importIcs } from './ics.js';
import { importScheduleJson } from './schedule-json.js';
import { importScheduleXml } from './schedule-xml.js';
import { ImportError, type ImportFormat, type Importer, type ImportOptions, type ImportResult } from './types.js';
import { importYoutube } from './youtube.js';

export const IMPORTERS: Record<ImportFormat, Importer> = {
  schedule: importScheduleJson,
  'schedule-xml': importScheduleXml,
  ics: importIcs,
  youtube: importYoutube,
};

/** Imports `input` as `format`, or as the format its content shows (`auto`). */
export function importText(input: string, format: ImportFormat | 'auto', options: ImportOptions): ImportResult & { format: ImportFormat } {
  const detected = format === 'auto' ? detectFormat(input) : format;
  if (!detected) {
    const head = input.slice(0, 200).trimStart();
    const what = /^(<!doctype html|<html)/i.test(head) ? 'an HTML page' : head ? 'nothing this importer reads' : 'an empty file';
    throw new ImportError(`${options.source}: ${what}; expected a frab/pretalx schedule.json or schedule.xml, an iCalendar file or a YouTube Atom feed (or pass --format)`);
  }
  return { ...IMPORTERS[detected](input, options), format: detected };
}

export { detectFormat } from './detect.js';
export { isUrl, MAX_INPUT_BYTES, readSource } from './read-source.js';
export { IMPORT_FORMATS, ImportError, type ImportFormat, type ImportOptions, type ImportResult, type RawFeed } from './types.js';
