// One timer per interval for the whole window, however many cells show a moving time. A countdown
// cell subscribes to the per-second tick and re-renders alone; the row around it (and the list of
// 200 rows) does not, which is what keeps a ticking popover cheap.
import { useSyncExternalStore } from 'react';

interface Ticker {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The same function on every render: React re-subscribes whenever `subscribe` changes, and a
   * re-subscribe that restarts an idle ticker moves `now`, which re-renders, which re-subscribes…
   */
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => number;
}

const tickers = new Map<number, Ticker>();

function tickerFor(intervalMs: number): Ticker {
  let ticker = tickers.get(intervalMs);
  if (!ticker) {
    const created: Ticker = {
      now: Date.now(),
      listeners: new Set(),
      timer: undefined,
      subscribe: (listener) => subscribe(intervalMs, created, listener),
      getSnapshot: () => created.now,
    };
    ticker = created;
    tickers.set(intervalMs, ticker);
  }
  return ticker;
}

/**
 * Schedules the next tick on the interval's boundary of the wall clock (a whole second for the
 * per-second tick), so that every countdown on screen turns over together and a countdown reaches
 * 0:00 when the update is due, not up to a second later.
 */
function schedule(intervalMs: number, ticker: Ticker): void {
  const now = Date.now();
  const wait = intervalMs - (now % intervalMs) || intervalMs;
  ticker.timer = setTimeout(() => {
    ticker.now = Date.now();
    for (const listener of ticker.listeners) listener();
    schedule(intervalMs, ticker);
  }, wait);
}

function subscribe(intervalMs: number, ticker: Ticker, listener: () => void): () => void {
  if (ticker.listeners.size === 0) {
    // The time may have moved on while nobody was looking (the popover was closed).
    ticker.now = Date.now();
    schedule(intervalMs, ticker);
  }
  ticker.listeners.add(listener);
  return () => {
    ticker.listeners.delete(listener);
    if (ticker.listeners.size === 0 && ticker.timer !== undefined) {
      clearTimeout(ticker.timer);
      ticker.timer = undefined;
    }
  };
}

const standStill = () => () => undefined;

/**
 * The current time, moving every `intervalMs` (1 s for countdowns, 30 s for ages). With `moving`
 * false the caller keeps the time it last drew and costs nothing per tick: a countdown scrolled
 * out of view. When it is moving again it re-subscribes and draws the current time at once.
 */
export function useTick(intervalMs: number, moving = true): number {
  const ticker = tickerFor(intervalMs);
  return useSyncExternalStore(moving ? ticker.subscribe : standStill, ticker.getSnapshot);
}
