import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { JobName, QueueName } from '@watchfloor/contracts';
import type { JobPayloads } from '@watchfloor/contracts';
import { DEFAULT_JOB_OPTIONS } from './queue-options';

/** One scheduler, named after its job. */
const SCHEDULE_ID = JobName.TrainSentimentAdaptation;
/** While a "retrain now" waits or runs, asking again adds nothing: one retrain learns every correction made by then. */
const RETRAIN_NOW_DEDUPLICATION_ID = 'retrain-sentiment-now';
/**
 * The schedule is its own retry: a failed periodic check is not worth five attempts when the next
 * one comes in minutes. A person's request gets the usual attempts.
 */
const SCHEDULED_JOB_OPTIONS = { attempts: 1, removeOnComplete: true, removeOnFail: 100 };

/** Retraining the sentiment adaptation: periodically, and when an admin asks. One training at a time. */
export class SentimentTrainingQueueClient {
  private readonly queue: Queue<
    JobPayloads[JobName.TrainSentimentAdaptation],
    unknown,
    JobName.TrainSentimentAdaptation
  >;

  constructor(connection: Redis, prefix: string) {
    this.queue = new Queue(QueueName.SentimentTraining, {
      connection,
      prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
  }

  /**
   * Keeps the periodic check running every `everyMs`, whichever worker takes it, and lets the
   * whole queue run one job at a time across every worker: two trainings at once would compete
   * for the same corrections and a CPU each.
   */
  async scheduleRetrain(everyMs: number): Promise<void> {
    await this.queue.setGlobalConcurrency(1);
    await this.queue.upsertJobScheduler(
      SCHEDULE_ID,
      { every: everyMs },
      { name: JobName.TrainSentimentAdaptation, data: { requestedBy: null }, opts: SCHEDULED_JOB_OPTIONS },
    );
  }

  /** Queues a retrain now, unless one is already waiting or running. */
  async retrainNow(requestedBy: string): Promise<void> {
    await this.queue.add(
      JobName.TrainSentimentAdaptation,
      { requestedBy },
      { deduplication: { id: RETRAIN_NOW_DEDUPLICATION_ID } },
    );
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
