import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import localDemocracy from '../../test/fixtures/feeds/local-democracy.json';
import { shiftFeedDates } from '../../server/shift-dates.js';

/** The Local Democracy fixture with its session starting `minutesFromNow` from now (negative: started). */
export function localDemocracyAt(minutesFromNow: number): typeof localDemocracy {
  const start = Date.parse(localDemocracy.sessions[0]!.start);
  return shiftFeedDates(localDemocracy, Date.now() + minutesFromNow * 60_000 - start);
}

export interface MockFeed {
  /** Put this in the widget's `src`. Unique per story: the page keeps one store per URL. */
  src: string;
  /** Put these in `parameters.msw.handlers`. */
  handlers: RequestHandler[];
}

/** A feed served by msw at `/mock/<name>.json`: JSON, an HTTP error, a slow answer or a broken body. */
export function mockFeed(
  name: string,
  body: Record<string, unknown>,
  options: { status?: number; delayMs?: number | 'infinite'; raw?: string } = {},
): MockFeed {
  const src = `/mock/${name}.json`;
  const handler = http.get(src, async () => {
    if (options.delayMs !== undefined) await delay(options.delayMs);
    if (options.status && options.status >= 400) return new HttpResponse('error', { status: options.status });
    if (options.raw !== undefined) return new HttpResponse(options.raw, { headers: { 'Content-Type': 'application/json' } });
    return HttpResponse.json(body, { headers: { Date: new Date().toUTCString() } });
  });
  return { src, handlers: [handler] };
}
