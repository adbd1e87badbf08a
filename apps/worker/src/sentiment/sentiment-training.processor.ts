import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type Redis from 'ioredis';
import { MIN_CORRECTIONS_TO_ADAPT, bundledSentimentModel } from '@watchfloor/analysis';
import type { AppConfig } from '@watchfloor/config';
import { JobName, QueueName } from '@watchfloor/contracts';
import type { TrainSentimentAdaptationJob } from '@watchfloor/contracts';
import { MAX_STALLED_COUNT, SentimentAdaptationChannel, SentimentTrainingQueueClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { AuditRepository, SentimentAdaptationRepository, SentimentCorrectionRepository } from '@watchfloor/persistence';
import { waitOutDatabaseOutage } from '../resilience/database-outage-pause';
import { trainInThread } from './adaptation-thread';
import { SentimentTrainer } from './sentiment-trainer';

/** Retrains the sentiment adaptation off the sentiment-training queue: on its schedule, and on request. */
@Injectable()
export class SentimentTrainingProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SentimentTrainingProcessor.name);
  private worker: Worker<TrainSentimentAdaptationJob> | undefined;
  private readonly queue: SentimentTrainingQueueClient;
  private readonly trainer: SentimentTrainer;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    corrections: SentimentCorrectionRepository,
    adaptations: SentimentAdaptationRepository,
    audit: AuditRepository,
  ) {
    this.queue = new SentimentTrainingQueueClient(redis, config.redisPrefix);
    const changes = new SentimentAdaptationChannel(redis, config.redisPrefix);
    this.trainer = new SentimentTrainer({
      corrections,
      adaptations,
      audit,
      train: trainInThread,
      announce: () => changes.announce(),
      bundledModelId: bundledSentimentModel().id,
      minimum: MIN_CORRECTIONS_TO_ADAPT,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker<TrainSentimentAdaptationJob>(
      QueueName.SentimentTraining,
      (job) => waitOutDatabaseOutage(this.worker, this.logger, () => this.handle(job)),
      {
        connection: this.redis.duplicate(),
        name: `worker-${process.pid}`,
        prefix: this.config.redisPrefix,
        // The queue runs one job at a time across all workers (see SentimentTrainingQueueClient).
        concurrency: 1,
        lockDuration: this.config.worker.lockMs,
        stalledInterval: this.config.worker.lockMs,
        maxStalledCount: MAX_STALLED_COUNT,
      },
    );
    this.worker.on('error', (error) => this.logger.error(`sentiment training worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ job: job?.id, attempts: job?.attemptsMade }, `sentiment training failed: ${error.message}`),
    );
    await this.queue.scheduleRetrain(this.config.sentiment.retrainEveryMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private async handle(job: Job<TrainSentimentAdaptationJob>): Promise<void> {
    // The queue holds only this job name (see SentimentTrainingQueueClient).
    const name = job.name as JobName.TrainSentimentAdaptation;
    switch (name) {
      case JobName.TrainSentimentAdaptation: {
        const outcome = await this.trainer.run(job.data.requestedBy);
        // The schedule's "nothing new" every few minutes is not news.
        if (outcome.outcome !== 'skipped' || job.data.requestedBy !== null) {
          this.logger.log({ job: job.id, requestedBy: job.data.requestedBy, ...outcome }, 'sentiment training');
        }
        return;
      }
      default: {
        const unknown: never = name;
        throw new Error(`the sentiment training queue has no handler for job "${String(unknown)}"`);
      }
    }
  }
}
