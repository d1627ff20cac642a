// Reads one import source, a file or an http(s) URL, with bounded memory and time.
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ImportError } from './types.js';

/** Schedules of the largest conferences are a few MB; anything bigger is not what we think it is. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

export interface ReadOptions {
  maxBytes?: number;
  timeoutMs?: number;
  /** Folder that relative paths are read from. */
  baseDir?: string;
  /** Validators of the copy we hold, for a conditional request. */
  etag?: string;
  lastModified?: string;
}

export type ReadResult =
  | { notModified: true }
  | { notModified: false; text: string; etag?: string; lastModified?: string };

export const isUrl = (location: string): boolean => /^https?:\/\//i.test(location);

export async function readSource(location: string, options: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  return isUrl(location) ? fetchSource(location, maxBytes, options) : { notModified: false, text: await readFileSource(location, maxBytes, options.baseDir) };
}

async function readFileSource(location: string, maxBytes: number, baseDir = '.'): Promise<string> {
  const path = resolve(baseDir, location);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportError(`${location}: not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`${location}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  // Checked before reading: a 50 MB file is refused without being loaded.
  if (size > maxBytes) throw new ImportError(`${location}: ${megabytes(size)} is larger than the ${megabytes(maxBytes)} an import accepts`);
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return decode(buffer.subarray(0, bytesRead), location);
  } finally {
    await handle.close();
  }
}

async function fetchSource(url: string, maxBytes: number, options: ReadOptions): Promise<ReadResult> {
  const headers: Record<string, string> = { 'user-agent': 'civic-widgets-import' };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    if (signal.aborted) throw new ImportError(`${url}: no answer within ${timeoutMs / 1000} s`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ImportError(`${url}: cannot be fetched (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
  if (response.status === 304) {
    await response.body?.cancel();
    return { notModified: true };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ImportError(`${url}: the server answered HTTP ${response.status} ${response.statusText}`.trimEnd());
  }
  const length = Number(response.headers.get('content-length'));
  if (length > maxBytes) {
    await response.body?.cancel();
    throw new ImportError(`${url}: ${megabytes(length)} is larger than the ${megabytes(maxBytes)} an import accepts`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.byteLength;
      // Read with a cap, whatever Content-Length said (or did not say).
      if (total > maxBytes) throw new ImportError(`${url}: more than the ${megabytes(maxBytes)} an import accepts`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (signal.aborted) throw new ImportError(`${url}: no complete answer within ${timeoutMs / 1000} s`);
    throw new ImportError(`${url}: the answer was cut off (${(error as Error).message})`);
  }
  const text = decode(Buffer.concat(chunks), url);
  if (/^\s*(<!doctype html|<html)/i.test(text)) {
    throw new ImportError(`${url}: answered with an HTML page (${response.headers.get('content-type') ?? 'no content type'}), not a schedule, calendar or feed`);
  }
  return { notModified: false, text, etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(buffer: Buffer, location: string): string {
  if (buffer.subarray(0, 8192).includes(0)) throw new ImportError(`${location}: binary data, not a text file`);
  try {
    return utf8.decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    // RFC 5545 folds lines by octets, so a fold may split a UTF-8 character: unfold the bytes first.
    if (/^(\uFEFF)?\s*BEGIN:VCALENDAR/i.test(buffer.subarray(0, 64).toString('latin1'))) {
      try {
        return utf8.decode(unfoldBytes(buffer)).replace(/^\uFEFF/, '');
      } catch {
        // Not UTF-8 even unfolded: reported below.
      }
    }
    throw new ImportError(`${location}: not UTF-8 text`);
  }
}

function unfoldBytes(buffer: Buffer): Buffer {
  const out = Buffer.alloc(buffer.length);
  let length = 0;
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i]!;
    if (byte === 0x0d && buffer[i + 1] === 0x0a && (buffer[i + 2] === 0x20 || buffer[i + 2] === 0x09)) i += 2;
    else if (byte === 0x0a && (buffer[i + 1] === 0x20 || buffer[i + 1] === 0x09)) i += 1;
    else out[length++] = byte;
  }
  return out.subarray(0, length);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
