import { useSyncExternalStore } from 'react';

/**
 * One clock for every countdown and "updated 3 s ago" on screen: a single interval, running only
 * while something shows the time, and only those labels re-render when it ticks.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getNow = () => now;

/** The current time (epoch ms), updated every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow);
}
