import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type Redis from 'ioredis';
import type { SecretBox } from '@watchfloor/access';
import type { AppConfig } from '@watchfloor/config';
import { JobName, QueueName } from '@watchfloor/contracts';
import type { JobPayloads, SendAlertJob, SendReplyJob } from '@watchfloor/contracts';
import {
  LivePublisherClient,
  MAX_STALLED_COUNT,
  NotificationSender,
  PresenceStoreClient,
  TriageQueueClient,
} from '@watchfloor/messaging';
import { APP_CONFIG, DATA_SOURCE, REDIS, SECRET_BOX } from '@watchfloor/nest-runtime';
import {
  NotificationRepository,
  ReplyRepository,
  SourceRepository,
  TeamRepository,
  TriageRepository,
} from '@watchfloor/persistence';
import type { DataSource } from 'typeorm';
import { AlertSender } from './alert-sender';
import { ReplySender } from './reply-sender';
import { TriageSweep } from './triage-sweep';
import { waitOutDatabaseOutage } from '../resilience/database-outage-pause';

type TriageJobName = JobName.SendReply | JobName.SendAlert | JobName.SweepTriage;
type TriageJob = Job<JobPayloads[TriageJobName]>;

/** Replies, alert messages and the SLA clock's sweep, off the triage queue. */
@Injectable()
export class TriageProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TriageProcessor.name);
  private worker: Worker | undefined;
  private readonly queue: TriageQueueClient;
  private readonly replies: ReplySender;
  private readonly alerts: AlertSender;
  private readonly sweep: TriageSweep;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Inject(SECRET_BOX) box: SecretBox | null,
  ) {
    const live = new LivePublisherClient(redis, config.redisPrefix);
    const triage = new TriageRepository(dataSource);
    const notifications = new NotificationRepository(dataSource, box);
    this.queue = new TriageQueueClient(redis, config.redisPrefix);
    this.replies = new ReplySender({
      replies: new ReplyRepository(dataSource),
      sources: new SourceRepository(dataSource),
      triage,
      live,
      box,
    });
    this.alerts = new AlertSender(
      notifications,
      new NotificationSender({ ...(config.smtp !== undefined && { smtp: config.smtp }) }),
      `${config.publicUrl}/console`,
    );
    this.sweep = new TriageSweep({
      triage,
      teams: new TeamRepository(dataSource),
      notifications,
      presence: new PresenceStoreClient(redis, config.redisPrefix),
      queue: this.queue,
      live,
      alertWindowMs: config.triage.alertWindowMs,
      agentAwayMs: config.triage.agentAwayMs,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(
      QueueName.Triage,
      (job: TriageJob) => waitOutDatabaseOutage(this.worker, this.logger, () => this.handle(job)),
      {
        connection: this.redis.duplicate(),
        name: `worker-${process.pid}`,
        prefix: this.config.redisPrefix,
        concurrency: 4,
        lockDuration: this.config.worker.lockMs,
        stalledInterval: this.config.worker.lockMs,
        maxStalledCount: MAX_STALLED_COUNT,
      },
    );
    this.worker.on('error', (error) => this.logger.error(`triage worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(
        { job: job?.id, name: job?.name, attempts: job?.attemptsMade },
        `triage job failed: ${error.message}`,
      ),
    );
    await this.queue.scheduleSweep(this.config.triage.sweepEveryMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }

  private async handle(job: TriageJob): Promise<void> {
    // The queue holds only these job names (see TriageQueueClient).
    const name = job.name as TriageJobName;
    switch (name) {
      case JobName.SendReply:
        return this.replies.send((job.data as SendReplyJob).replyId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      case JobName.SendAlert:
        return this.alerts.send(job.id!, job.data as SendAlertJob);
      case JobName.SweepTriage: {
        const outcome = await this.sweep.run();
        if (outcome.escalated + outcome.released + outcome.alerts > 0) this.logger.log(outcome, 'triage sweep');
        return;
      }
      default: {
        const unknown: never = name;
        throw new Error(`the triage queue has no handler for job "${String(unknown)}"`);
      }
    }
  }
}
