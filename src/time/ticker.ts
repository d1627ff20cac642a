import { clock } from './clock.js';

type Tick = (now: number) => void;

const subscribers = new Set<Tick>();
let timer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

/** How many timers the ticker holds right now: 0 or 1, however many widgets tick. @internal (tests) */
export function activeTimerCount(): number {
  return timer === undefined ? 0 : 1;
}

/**
 * Calls `tick` at every whole second of the corrected clock, from one timer for the whole page,
 * and not at all while the page is hidden. Returns the unsubscribe function.
 */
export function onEverySecond(tick: Tick): () => void {
  subscribers.add(tick);
  if (!listening) {
    listening = true;
    document.addEventListener('visibilitychange', onVisibility);
  }
  schedule();
  return () => {
    subscribers.delete(tick);
    if (subscribers.size === 0) stop();
  };
}

function schedule(): void {
  if (timer !== undefined || subscribers.size === 0 || document.hidden) return;
  // Aligned to the next second boundary so that every countdown flips together, on time.
  const delay = 1000 - (clock.now() % 1000);
  timer = setTimeout(fire, delay);
}

function fire(): void {
  timer = undefined;
  const now = clock.now();
  for (const tick of [...subscribers]) tick(now);
  schedule();
}

function stop(): void {
  clearTimeout(timer);
  timer = undefined;
}

function onVisibility(): void {
  if (document.hidden) {
    stop();
  } else if (subscribers.size > 0) {
    stop(); // a visibilitychange while already visible must not leave a second timer
    fire(); // catch up at once: the countdown may have moved a lot while hidden
  }
}
