import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import { ApiError } from '../errors.js';

/**
 * Fastify would answer HEAD with the GET handler: headers, then a stream that never ends and never
 * carries a byte, so a link checker or monitoring probe hangs. A stream route sets
 * `exposeHeadRoute: false` and calls this for a 405 instead.
 */
export function refuseHead(app: FastifyInstance, url: string): void {
  app.head(url, async (_request, reply) => {
    reply.header('Allow', 'GET');
    throw new ApiError(405, 'method-not-allowed', 'the stream answers GET only');
  });
}

/**
 * Takes the response over from Fastify, writes the event-stream headers (with those the hooks set,
 * such as CORS) and hands the response to `open` (a hub's).
 */
export async function serveEventStream(
  request: { log: FastifyBaseLogger },
  reply: FastifyReply,
  open: (res: ServerResponse) => Promise<void>,
  cacheControl = 'no-cache, no-transform',
): Promise<void> {
  reply.hijack();
  reply.raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': cacheControl,
    // Proxies such as nginx would otherwise hold the events back in their buffers.
    'X-Accel-Buffering': 'no',
    Connection: 'keep-alive',
  });
  reply.raw.socket?.setNoDelay(true);
  // The idle timeout is for clients that stall; a stream is quiet between events by design.
  reply.raw.socket?.setTimeout(0);
  try {
    await open(reply.raw);
  } catch (error) {
    // Headers are gone already; ending the stream makes the browser reconnect after `retry`.
    request.log.error({ err: error });
    reply.raw.end();
  }
}
