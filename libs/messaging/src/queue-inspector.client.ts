import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { QueueName } from '@watchfloor/contracts';

/** The states an operator watches: work piling up (waiting, delayed), in hand (active), or given up on (failed). */
export const WATCHED_JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type WatchedJobState = (typeof WATCHED_JOB_STATES)[number];

export interface QueueDepth {
  queue: QueueName;
  jobs: Record<WatchedJobState, number>;
  /** Since the oldest waiting job was enqueued (retries included): how far behind the queue is. Null when none waits. */
  oldestWaitingAgeMs: number | null;
}

/**
 * Every queue of ours, read-only in intent: their depths for the metrics, and the queues themselves
 * for the admins' dashboard. Opens no connection of its own (none of these calls blocks).
 */
export class QueueInspectorClient {
  readonly queues: readonly Queue[];

  constructor(connection: Redis, prefix: string) {
    this.queues = Object.values(QueueName).map((name) => new Queue(name, { connection, prefix }));
  }

  async depths(now = Date.now()): Promise<QueueDepth[]> {
    return Promise.all(
      this.queues.map(async (queue) => {
        const [counts, oldest] = await Promise.all([
          queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
          // The wait list's far end: the job taken next, the one waiting longest.
          queue.getJobs(['wait'], 0, 0, true),
        ]);
        const enqueuedAt = oldest[0]?.timestamp;
        return {
          queue: queue.name as QueueName,
          jobs: {
            waiting: (counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0),
            active: counts['active'] ?? 0,
            delayed: counts['delayed'] ?? 0,
            failed: counts['failed'] ?? 0,
          },
          oldestWaitingAgeMs: enqueuedAt === undefined ? null : Math.max(0, now - enqueuedAt),
        };
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}
