import { useSyncExternalStore } from 'react';

/** One ticker for every "updated 3 s ago" on the wall: the labels re-render, the charts do not. */
const listeners = new Set<() => void>();
let now = Date.now();
let ticker: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  ticker ??= setInterval(() => {
    now = Date.now();
    for (const notify of listeners) notify();
  }, 1_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(ticker);
      ticker = undefined;
    }
  };
}

/** The time, to the second. */
export function useClock(): number {
  return useSyncExternalStore(subscribe, () => now);
}
