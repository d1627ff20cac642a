// A YouTube channel or playlist Atom feed (`feeds/videos.xml?channel_id=…` / `?playlist_id=…`):
// each entry becomes a recording.
import { slugId } from './ids.js';
import { parseXml } from './schedule-xml.js';
import { plainText } from './text.js';
import { ImportError, type ImportOptions, type ImportResult, type RawRecording } from './types.js';

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]) as Node[];
const text = (value: unknown): string | undefined => {
  const raw = value && typeof value === 'object' ? (value as Node)['#text'] : value;
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() || undefined : undefined;
};
const VIDEO_ID = /^[A-Za-z0-9_-]{6,20}$/;

export function importYoutube(input: string, options: ImportOptions): ImportResult {
  const source = options.source;
  const feed = parseXml(input, source).feed as Node | undefined;
  if (!feed || typeof feed !== 'object') throw new ImportError(`${source}: feed: expected an Atom <feed> root element (a YouTube videos.xml)`);
  const warnings: string[] = [];
  const recordings: RawRecording[] = [];
  list(feed.entry).forEach((entry, index) => {
    const path = `feed.entry[${index}]`;
    const videoId = text(entry['yt:videoId']) ?? text(entry.id)?.replace(/^yt:video:/, '');
    if (!videoId || !VIDEO_ID.test(videoId)) {
      warnings.push(`${source}: ${path}: no usable yt:videoId (${JSON.stringify(videoId ?? null)}); dropped`);
      return;
    }
    const group = (entry['media:group'] ?? {}) as Node;
    const title = plainText(text(entry.title) ?? text(group['media:title']));
    const recording: RawRecording = {
      id: `yt-${videoId}`,
      title: title ?? videoId,
      provider: 'youtube',
      videoId,
      url: `https://www.youtube.com/watch?v=${videoId}`,
    };
    if (!title) warnings.push(`${source}: ${path}: no title; titled with the video id`);
    const published = text(entry.published);
    if (published && Number.isFinite(Date.parse(published))) recording.recordedAt = published;
    const thumbnail = text((list(group['media:thumbnail'])[0] ?? {})['@url']);
    if (thumbnail) recording.thumbnail = thumbnail;
    if (options.lang) recording.language = options.lang;
    recordings.push(recording);
  });
  if (recordings.length === 0) warnings.push(`${source}: the feed has no video entries`);
  const title = plainText(text(feed.title)) ?? 'Recordings';
  const channel = text(feed['yt:playlistId']) ?? text(feed['yt:channelId']);
  return {
    feed: {
      version: 1,
      ...(options.lang ? { languages: [options.lang] } : {}),
      event: { id: options.eventId ?? slugId(channel ?? title), title, timeZone: options.timeZone ?? 'UTC' },
      sessions: [],
      recordings,
    },
    warnings,
  };
}
