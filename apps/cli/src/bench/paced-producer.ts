import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_MENTIONS_PER_BATCH } from '@watchfloor/contracts';
import type { IngestQueueClient } from '@watchfloor/messaging';
import { DemoFeed, MentionBatcher } from '@watchfloor/sources';

/**
 * Offers demo mentions at `rate` a second until `signal` aborts, in full batches, catching up
 * after any stall so the average holds. Resolves with how many it offered.
 */
export async function produceAtRate(
  queue: IngestQueueClient,
  rate: number,
  signal: AbortSignal,
  onError: (error: Error) => void,
): Promise<number> {
  const batcher = new MentionBatcher({
    source: 'bench',
    sink: (batches) => queue.enqueue(batches),
    maxWaitMs: 20,
    onError: (error) => onError(error as Error),
  });
  const feed = new DemoFeed(42);
  const startedAt = Date.now();
  let produced = 0;
  while (!signal.aborted) {
    const allowed = Math.floor(((Date.now() - startedAt) / 1000) * rate) - produced;
    if (allowed < MAX_MENTIONS_PER_BATCH / 2) {
      await batcher.flush();
      await sleep(5);
      continue;
    }
    for (let index = 0; index < allowed; index++) await batcher.push(feed.next());
    produced += allowed;
  }
  await batcher.flush();
  return produced;
}
