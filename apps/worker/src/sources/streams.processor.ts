import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { JobName, QueueName } from '@watchfloor/contracts';
import type { RunStreamJob } from '@watchfloor/contracts';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { SourceHealthRepository } from '@watchfloor/persistence';
import { StreamSession, createStreamConnector, describeError } from '@watchfloor/sources';
import type { NamedQuery } from '@watchfloor/sources';
import { SourceCatalog } from './source-catalog';

/** How often a running stream checks whether its source or the queries changed under it. */
const CHANGE_CHECK_MS = 15_000;

/**
 * Holds the streaming sources' connections, one BullMQ job per source: the job's lock is what
 * keeps a stream on exactly one worker, and a worker that dies has its streams taken over by
 * another once the lock lapses.
 */
@Injectable()
export class StreamsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StreamsProcessor.name);
  private readonly shutdown = new AbortController();
  private worker: Worker<RunStreamJob> | undefined;

  constructor(
    private readonly catalog: SourceCatalog,
    private readonly session: StreamSession,
    private readonly health: SourceHealthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sources.streamSlots === 0) return;
    this.worker = new Worker<RunStreamJob>(QueueName.Streams, (job) => this.handle(job), {
      connection: this.redis.duplicate(),
      name: `worker-${process.pid}`,
      prefix: this.config.redisPrefix,
      concurrency: this.config.sources.streamSlots,
      // A worker that dies leaves its streams locked this long before another takes them over.
      lockDuration: this.config.worker.lockMs,
      stalledInterval: this.config.worker.lockMs,
    });
    this.worker.on('error', (error) => this.logger.error(`streams worker: ${error.message}`));
  }

  /** Streams end (their cursors stored) before the worker closes: another worker resumes them. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.worker?.close();
  }

  private async handle(job: Job<RunStreamJob>): Promise<void> {
    if (job.name !== String(JobName.RunStream))
      throw new Error(`no handler for job ${job.name} on ${QueueName.Streams}`);
    const { sourceId } = job.data;
    let definition;
    try {
      definition = await this.catalog.definition(sourceId);
    } catch (error) {
      await this.health.observe(sourceId, { at: new Date(), reads: 0, succeeded: false, error: describeError(error) });
      throw error;
    }
    if (definition === null || !definition.enabled) return;
    const queries = await this.catalog.enabledQueries();
    const changed = new AbortController();
    const watcher = setInterval(() => {
      void this.hasChanged(sourceId, definition.version, queries)
        .then((yes) => yes && changed.abort())
        .catch(() => undefined);
    }, CHANGE_CHECK_MS);
    try {
      const outcome = await this.session.run({
        source: definition,
        queries,
        connector: createStreamConnector(definition),
        signal: AbortSignal.any([this.shutdown.signal, changed.signal]),
      });
      this.logger.log({ sourceId, outcome }, 'stream ended');
    } finally {
      clearInterval(watcher);
    }
  }

  /** The reconciler starts the stream again with the new definition once this one has ended. */
  private async hasChanged(sourceId: string, version: number, queries: NamedQuery[]): Promise<boolean> {
    const current = await this.catalog.definition(sourceId);
    if (current === null || !current.enabled || current.version !== version) return true;
    const now = await this.catalog.enabledQueries();
    const fingerprint = (list: NamedQuery[]) => list.map((query) => `${query.id}=${query.text}`).join('\n');
    return fingerprint(now) !== fingerprint(queries);
  }
}
