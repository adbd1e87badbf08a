import type { NormalizedBatch } from '../../normalizers/normalized-batch';
import { asRecord, asString } from '../../normalizers/normalized-batch';
import { compareNumericIds } from '../newest-first-pager';
import { RecentIds } from '../recent-ids';

/** Where a Mastodon stream was. Plain JSON, stored as is. */
export interface MastodonStreamCursor {
  /**
   * Per stream ("hashtag:skylark", "public", "public:local"), the newest status id handed on:
   * Mastodon streaming cannot resume, so a reconnect or restart catches up from here through the
   * matching timeline.
   */
  newestIdByStream: Record<string, string>;
}

/** Covers the overlap of a catch-up with the live stream, across every stream, many times over. */
const REMEMBERED_IDS = 10_000;

/**
 * Hands batches from every connection of a stream on one at a time, without repeats, each with a
 * cursor that counts only what has been handed on: a position moves only once its items are out.
 */
export class StreamDelivery {
  private positions: Record<string, string>;
  private readonly delivered = new RecentIds(REMEMBERED_IDS);
  private chain: Promise<void> = Promise.resolve();

  constructor(
    cursor: MastodonStreamCursor | null,
    private readonly onItems: (batch: NormalizedBatch, cursor: MastodonStreamCursor) => Promise<void>,
  ) {
    this.positions = { ...cursor?.newestIdByStream };
  }

  positionOf(stream: string): string | undefined {
    return this.positions[stream];
  }

  /**
   * Hands on what is new in `batch` for `stream`, moving its position to `newestId` (or to the newest
   * status in the batch). Batches wait their turn: concurrent calls never reach `onItems` together.
   */
  deliver(stream: string, batch: NormalizedBatch, newestId = newestIdIn(batch)): Promise<void> {
    const step = this.chain.then(async () => {
      const fresh = uniqueNew(batch, this.delivered);
      const position = newer(this.positions[stream], newestId);
      const positions = position === undefined ? this.positions : { ...this.positions, [stream]: position };
      if (fresh.length > 0 || batch.rejected.length > 0) {
        await this.onItems({ mentions: fresh, rejected: batch.rejected }, { newestIdByStream: { ...positions } });
        for (const mention of fresh) this.delivered.add(mention.externalId);
      }
      // Only repeats: they went out on another stream, so this one may move past them too.
      this.positions = positions;
    });
    this.chain = step.catch(() => undefined);
    return step;
  }
}

function uniqueNew(batch: NormalizedBatch, delivered: RecentIds): NormalizedBatch['mentions'] {
  const inBatch = new Set<string>();
  return batch.mentions.filter((mention) => {
    if (delivered.has(mention.externalId) || inBatch.has(mention.externalId)) return false;
    inBatch.add(mention.externalId);
    return true;
  });
}

/** The newest status id in a batch, rejected statuses included: they were read too. */
export function newestIdIn(batch: NormalizedBatch): string | undefined {
  const ids = [
    ...batch.mentions.map((mention) => mention.externalId),
    ...batch.rejected.map((rejected) => asString(asRecord(rejected.input)?.['id'])),
  ];
  return ids.reduce<string | undefined>((newest, id) => newer(newest, id), undefined);
}

function newer(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareNumericIds(b, a) > 0 ? b : a;
}
