import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { JobName, QueueName } from '@watchfloor/contracts';

/** The analysis job's id: one, whatever the number of workers. */
export const ANALYSIS_JOB_ID = 'analysis';

/**
 * Keeps the single analysis job in the queue. The job runs for as long as its worker lives; when
 * it ends or its worker dies, the next `ensure` (every worker calls it) puts it back.
 */
export class AnalysisQueueClient {
  private readonly queue: Queue<Record<string, never>, unknown, string>;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(QueueName.Analysis, { connection, prefix });
  }

  async ensure(): Promise<void> {
    await this.queue.add(
      JobName.RunAnalysis,
      {},
      { jobId: ANALYSIS_JOB_ID, attempts: 1, removeOnComplete: true, removeOnFail: true },
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
