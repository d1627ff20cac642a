import autocannon from 'autocannon';

/** Connections autocannon keeps open in the server benches. */
export const CONNECTIONS = 200;

/** What the rounds of one load add up to. */
export interface Figures {
  requests: number;
  seconds: number;
  p50: number[];
  p99: number[];
  failed: number;
}

export const empty = (): Figures => ({ requests: 0, seconds: 0, p50: [], p99: [], failed: 0 });
export const rate = (f: Figures) => Math.round(f.requests / f.seconds);

/** One round of load; `into` undefined is a warm-up whose figures are dropped. */
export async function cannon(into: Figures | undefined, options: autocannon.Options, seconds: number): Promise<void> {
  const result = await autocannon({ connections: CONNECTIONS, duration: seconds, ...options });
  if (!into) return;
  into.requests += result.requests.total;
  into.seconds += result.duration;
  into.p50.push(result.latency.p50);
  into.p99.push(result.latency.p99);
  into.failed += result.non2xx + result.errors + result.timeouts;
}
