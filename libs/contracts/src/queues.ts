/**
 * Queue and job names. NEVER RENAME a value: jobs already waiting in Redis under the old
 * name would be stranded with no worker to take them.
 */
export enum QueueName {
  Ingest = 'ingest',
}

export enum JobName {
  IngestBatch = 'ingest-batch',
}

/**
 * A batch of mentions as a source offered them, not yet validated. Batches, never single
 * mentions: one job per mention caps the whole system near 30k/s before any work is done.
 */
export interface IngestBatchJob {
  /** Deterministic, so a source that re-sends a batch after a crash does not enqueue it twice. */
  batchId: string;
  source: string;
  /** Epoch milliseconds at which the source received these: where the latency clock starts. */
  receivedAt: number;
  mentions: unknown[];
}

/** Maps every job name to its one payload type, so a wrong payload does not compile. */
export interface JobPayloads {
  [JobName.IngestBatch]: IngestBatchJob;
}

/** The most mentions one ingest job carries: ~100-200 KB of payload, cheap for Redis. */
export const MAX_MENTIONS_PER_BATCH = 200;
