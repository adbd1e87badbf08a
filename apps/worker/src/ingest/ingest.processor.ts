import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type Redis from 'ioredis';
import { QueueName } from '@watchfloor/contracts';
import type { IngestBatchJob } from '@watchfloor/contracts';
import type { AppConfig } from '@watchfloor/config';
import { MAX_STALLED_COUNT } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { DeadLetterRepository } from '@watchfloor/persistence';
import { IngestPipeline } from '@watchfloor/pipeline';
import type { IngestOutcome } from '@watchfloor/pipeline';
import { IngestMetrics } from '../metrics/ingest.metrics';
import { waitOutDatabaseOutage } from '../resilience/database-outage-pause';

/** Takes ingest batches off the queue and runs them through the pipeline. */
@Injectable()
export class IngestProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IngestProcessor.name);
  private worker: Worker<IngestBatchJob> | undefined;

  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly deadLetters: DeadLetterRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly metrics: IngestMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<IngestBatchJob>(
      QueueName.Ingest,
      (job) => waitOutDatabaseOutage(this.worker, this.logger, () => this.handle(job)),
      {
        // Blocking reads need a connection of their own.
        connection: this.redis.duplicate(),
        // Recorded on each job as `processedBy`: which process handled a batch.
        name: `worker-${process.pid}`,
        prefix: this.config.redisPrefix,
        concurrency: this.config.worker.concurrency,
        lockDuration: this.config.worker.lockMs,
        stalledInterval: this.config.worker.lockMs,
        maxStalledCount: MAX_STALLED_COUNT,
      },
    );
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    this.worker.on('error', (error) => this.logger.error(`ingest worker: ${error.message}`));
    this.logger.log(`processing ${QueueName.Ingest} with concurrency ${this.config.worker.concurrency}`);
  }

  /** Finishes the batches in hand before the process exits, while the database is still connected. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  private async handle(job: Job<IngestBatchJob>): Promise<void> {
    // A batch started before was interrupted (an error, or its worker died): it may have stored
    // mentions it never published.
    const isRetry = job.attemptsStarted > 1;
    const startedAt = performance.now();
    let outcome: IngestOutcome;
    try {
      outcome = await this.pipeline.process(job.data, isRetry);
    } catch (error) {
      this.metrics.recordFailedAttempt(secondsSince(startedAt));
      throw error;
    }
    this.metrics.recordBatch(job.data.receivedAt, outcome, secondsSince(startedAt));
    if (outcome.rejected > 0) {
      this.logger.warn({ batchId: job.data.batchId, rejected: outcome.rejected }, 'mentions dead-lettered');
    }
  }

  /** A batch out of attempts goes to the dead-letter table whole, with the reason. */
  private async onFailed(job: Job<IngestBatchJob> | undefined, error: Error): Promise<void> {
    if (job === undefined || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    this.logger.error({ batchId: job.data.batchId, error: error.message }, 'batch failed after all attempts');
    this.metrics.recordBatchGivenUp(job.data.mentions.length);
    try {
      await this.deadLetters.recordRejected(job.data.batchId, job.data.source, [
        { index: -1, reason: `batch failed after ${job.attemptsMade} attempts: ${error.message}`, input: job.data },
      ]);
    } catch (recordError) {
      this.logger.error(
        { batchId: job.data.batchId, error: (recordError as Error).message },
        'could not dead-letter the batch; it stays in the failed queue',
      );
    }
  }
}

function secondsSince(startedAt: number): number {
  return (performance.now() - startedAt) / 1_000;
}
