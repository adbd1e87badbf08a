import { setTimeout as sleep } from 'node:timers/promises';
import type { MentionBatcher } from './mention-batcher';

export interface ReplayOptions {
  /** Mentions per second; `undefined` replays as fast as the queue accepts them. */
  ratePerSecond?: number;
  signal?: AbortSignal;
}

/** How often a paced replay releases mentions: small enough to look continuous on the wall. */
const TICK_MS = 50;

/**
 * Feeds mentions from any (possibly endless) iterable into the batcher, at a steady rate or
 * flat out, until the iterable ends or the signal aborts; always flushes what it holds.
 * Returns how many mentions it fed.
 */
export async function replay(
  mentions: Iterable<unknown> | AsyncIterable<unknown>,
  batcher: MentionBatcher,
  options: ReplayOptions = {},
): Promise<number> {
  const { ratePerSecond, signal } = options;
  const startedAt = Date.now();
  let fed = 0;
  try {
    for await (const mention of mentions) {
      if (signal?.aborted) break;
      if (ratePerSecond !== undefined) {
        // Pace against the start time, not the previous tick, so the rate does not drift.
        const dueAt = startedAt + (fed / ratePerSecond) * 1000;
        const wait = dueAt - Date.now();
        if (wait > TICK_MS / 2) {
          await batcher.flush();
          await sleep(Math.max(wait, TICK_MS), undefined, { signal }).catch(() => undefined);
          if (signal?.aborted) break;
        }
      }
      await batcher.push(mention);
      fed++;
    }
  } finally {
    await batcher.flush();
  }
  return fed;
}
