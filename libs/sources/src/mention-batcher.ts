import { MAX_MENTIONS_PER_BATCH } from '@watchfloor/contracts';
import { randomUUID } from 'node:crypto';

export interface OutgoingBatch {
  batchId: string;
  source: string;
  receivedAt: number;
  mentions: unknown[];
}

export type BatchSink = (batches: OutgoingBatch[]) => Promise<void>;

export interface MentionBatcherOptions {
  source: string;
  sink: BatchSink;
  /** Mentions per batch; by default the most an ingest job carries. */
  maxSize?: number;
  /** The longest a mention waits for its batch to fill: bounds the latency a slow feed adds. */
  maxWaitMs: number;
  /** Told of a failure to hand over a batch that a timer, not a caller, flushed. */
  onError: (error: unknown) => void;
  now?: () => number;
}

/**
 * Groups mentions into batches for the ingest queue: one job per mention cannot reach the
 * throughput we need. A batch leaves when it is full or when its oldest mention has waited
 * `maxWaitMs`; `push` resolves only once a full batch was handed over, which is the
 * back-pressure a fast source needs.
 */
export class MentionBatcher {
  private readonly runId = randomUUID();
  private readonly now: () => number;
  private pending: unknown[] = [];
  private firstReceivedAt = 0;
  private sequence = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly options: MentionBatcherOptions) {
    this.now = options.now ?? Date.now;
  }

  async push(mention: unknown): Promise<void> {
    if (this.pending.length === 0) {
      this.firstReceivedAt = this.now();
      this.timer = setTimeout(() => void this.flush().catch(this.options.onError), this.options.maxWaitMs);
    }
    this.pending.push(mention);
    if (this.pending.length >= (this.options.maxSize ?? MAX_MENTIONS_PER_BATCH)) {
      await this.flush();
    }
  }

  /** Hands over what is pending; errors reach the caller (and the next flush) instead of vanishing. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length > 0) {
      const batch: OutgoingBatch = {
        batchId: `${this.options.source}:${this.runId}:${this.sequence++}`,
        source: this.options.source,
        receivedAt: this.firstReceivedAt,
        mentions: this.pending,
      };
      this.pending = [];
      // Batches leave in order: each waits for the one before it, whose failure its own
      // caller has already been told of.
      this.inFlight = this.inFlight.catch(() => undefined).then(() => this.options.sink([batch]));
    }
    await this.inFlight;
  }

  get batchesSent(): number {
    return this.sequence;
  }
}
