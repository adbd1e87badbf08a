import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type Redis from 'ioredis';
import type { AppConfig } from '@watchfloor/config';
import { JobName, QueueName } from '@watchfloor/contracts';
import type { PollSourceJob } from '@watchfloor/contracts';
import { SourcesQueueClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { SourceHealthRepository } from '@watchfloor/persistence';
import { PollCycle, createPoller, describeError, planSchedules } from '@watchfloor/sources';
import type { Poller, SourceDefinition } from '@watchfloor/sources';
import { SourceCatalog } from './source-catalog';

/** Longer than any poll takes: a lock older than this belongs to a worker that died. */
const POLL_LOCK_MS = 5 * 60_000;
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Runs the sources' polls on their schedules, and the reconciler that keeps the schedules current. */
@Injectable()
export class SourcesProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SourcesProcessor.name);
  private readonly shutdown = new AbortController();
  private worker: Worker<PollSourceJob | Record<string, never>> | undefined;
  /**
   * Pollers kept between polls, per source version: they hold what is worth keeping (an OAuth token
   * valid for an hour, a Bluesky session), and a changed source gets a new one.
   */
  private readonly pollers = new Map<string, { version: number; poller: Poller }>();

  constructor(
    private readonly catalog: SourceCatalog,
    private readonly cycle: PollCycle,
    private readonly queue: SourcesQueueClient,
    private readonly health: SourceHealthRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(QueueName.Sources, (job) => this.handle(job), {
      connection: this.redis.duplicate(),
      name: `worker-${process.pid}`,
      prefix: this.config.redisPrefix,
      concurrency: this.config.sources.pollConcurrency,
      lockDuration: POLL_LOCK_MS,
    });
    this.worker.on('error', (error) => this.logger.error(`sources worker: ${error.message}`));
    // A failed poll waits for its next scheduled run; its error is already on the source's health.
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ job: job?.name, data: job?.data, error: error.message }, 'source job failed'),
    );
    await this.queue.scheduleReconcile();
    await this.queue.requestReconcile();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await this.worker?.close();
  }

  private async handle(job: Job<PollSourceJob | Record<string, never>>): Promise<void> {
    if (job.name === String(JobName.ReconcileSources)) return this.reconcile();
    if (job.name === String(JobName.PollSource)) return this.poll(job.data as PollSourceJob);
    throw new Error(`no handler for job ${job.name} on ${QueueName.Sources}`);
  }

  /** Makes the poll schedules and stream jobs match the enabled sources and queries. */
  private async reconcile(): Promise<void> {
    const [sources, queries] = await Promise.all([this.catalog.enabledSources(), this.catalog.enabledQueries()]);
    const plan = planSchedules(
      sources,
      queries.map((query) => query.id),
    );
    const { added, removed } = await this.queue.syncPollSchedules(plan.polls);
    await this.queue.ensureStreams(plan.streams);
    if (added + removed > 0)
      this.logger.log({ added, removed, streams: plan.streams.length }, 'poll schedules updated');
  }

  /**
   * One poll. A schedule can fire again while a slow poll of the same (source, query) still runs
   * on another worker; the lock makes the second one skip instead of reading the same page twice.
   */
  private async poll({ sourceId, queryId }: PollSourceJob): Promise<void> {
    const lockKey = `${this.config.redisPrefix}:poll-lock:${sourceId}:${queryId ?? '*'}`;
    const token = randomUUID();
    if ((await this.redis.set(lockKey, token, 'PX', POLL_LOCK_MS, 'NX')) === null) return;
    try {
      let definition;
      try {
        definition = await this.catalog.definition(sourceId);
      } catch (error) {
        await this.health.observe(sourceId, {
          at: new Date(),
          reads: 0,
          succeeded: false,
          error: describeError(error),
        });
        throw error;
      }
      if (definition === null || !definition.enabled) return;
      const queries = await this.catalog.enabledQueries();
      const query = queryId === null ? null : (queries.find((candidate) => candidate.id === queryId) ?? null);
      // A query disabled since the schedule was made: the next reconcile removes its schedule.
      if (queryId !== null && query === null) return;
      const outcome = await this.cycle.run({
        source: definition,
        query,
        queries,
        poller: this.pollerFor(definition),
        signal: this.shutdown.signal,
      });
      this.logger.debug({ sourceId, queryId, ...outcome }, 'polled');
    } finally {
      await this.redis.eval(RELEASE_LOCK, 1, lockKey, token);
    }
  }

  private pollerFor(definition: SourceDefinition): Poller {
    const kept = this.pollers.get(definition.id);
    if (kept?.version === definition.version) return kept.poller;
    const poller = createPoller(definition);
    this.pollers.set(definition.id, { version: definition.version, poller });
    return poller;
  }
}
