import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { JobName, MAX_MENTIONS_PER_BATCH, QueueName } from '@watchfloor/contracts';
import type { IngestBatchJob, JobPayloads } from '@watchfloor/contracts';
import { DEFAULT_JOB_OPTIONS } from './queue-options';

/** Sources hand mentions to the pipeline through this, a batch per job. */
export class IngestQueueClient {
  private readonly queue: Queue<JobPayloads[JobName.IngestBatch], void, JobName.IngestBatch>;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(QueueName.Ingest, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  }

  /** Enqueues batches in one round trip. The job id is the batch id, so a re-sent batch is not queued twice. */
  async enqueue(batches: IngestBatchJob[]): Promise<void> {
    for (const batch of batches) {
      if (batch.mentions.length > MAX_MENTIONS_PER_BATCH) {
        throw new RangeError(
          `batch ${batch.batchId} carries ${batch.mentions.length} mentions; the most is ${MAX_MENTIONS_PER_BATCH}`,
        );
      }
    }
    await this.queue.addBulk(
      batches.map((batch) => ({ name: JobName.IngestBatch, data: batch, opts: { jobId: ingestJobId(batch.batchId) } })),
    );
  }

  /** Jobs not yet finished: waiting, delayed or being processed. */
  async backlog(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, value) => sum + value, 0);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/**
 * The job id of a batch: its batch id, with the colons BullMQ refuses in custom ids escaped
 * (one-to-one, so two batch ids never share a job).
 */
export function ingestJobId(batchId: string): string {
  return batchId.replaceAll('%', '%25').replaceAll(':', '%3A');
}
