import { once } from 'node:events';
import { join } from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { QueueName } from '@watchfloor/contracts';
import { AnalysisQueueClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import type { AnalysisThreadMessage } from './analysis-thread-protocol';
import { STOP_ANALYSIS } from './analysis-thread-protocol';

const ENSURE_EVERY_MS = 30_000;

/**
 * Analysis runs in one worker at a time: a single long-running BullMQ job whose lock is the
 * leadership. The job runs the analysis loop in a thread of its own, so ingest never waits for it.
 * A worker that dies has the job taken over once the lock lapses, and the stream's consumer group
 * hands the next worker what the dead one had not acknowledged. The floor's learned state starts
 * afresh with it.
 */
@Injectable()
export class AnalysisProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AnalysisProcessor.name);
  private worker: Worker | undefined;
  private queue: AnalysisQueueClient | undefined;
  private thread: Thread | undefined;
  private ensureTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(QueueName.Analysis, () => this.runThread(), {
      connection: this.redis.duplicate(),
      name: `worker-${process.pid}`,
      prefix: this.config.redisPrefix,
      concurrency: 1,
      lockDuration: this.config.worker.lockMs,
      stalledInterval: this.config.worker.lockMs,
    });
    this.worker.on('error', (error) => this.logger.error(`analysis worker: ${error.message}`));
    this.worker.on('failed', (_job, error) => this.logger.error(`analysis stopped: ${error.message}`));
    const queue = new AnalysisQueueClient(this.redis, this.config.redisPrefix);
    this.queue = queue;
    const ensure = () => queue.ensure().catch((error: Error) => this.logger.warn(`analysis job: ${error.message}`));
    await ensure();
    this.ensureTimer = setInterval(() => void ensure(), ENSURE_EVERY_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.ensureTimer);
    const thread = this.thread;
    if (thread !== undefined) {
      const exited = once(thread, 'exit');
      thread.postMessage(STOP_ANALYSIS);
      await exited;
    }
    await this.worker?.close();
    await this.queue?.close();
  }

  /** The job: the thread's life. It fails with the thread's error, and the next `ensure` starts it again. */
  private async runThread(): Promise<void> {
    const thread = new Thread(join(__dirname, 'analysis.thread.js'), { workerData: this.config });
    this.thread = thread;
    thread.on('message', ({ level, message }: AnalysisThreadMessage) => this.logger[level](message));
    try {
      const [exitCode] = (await once(thread, 'exit')) as [number];
      if (exitCode !== 0) throw new Error(`the analysis thread exited with code ${exitCode}`);
    } finally {
      this.thread = undefined;
    }
  }
}
