import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { FloorChanges } from '@watchfloor/analysis';
import { ListeningFloor } from '@watchfloor/analysis';
import type { AppConfig } from '@watchfloor/config';
import { QueueName } from '@watchfloor/contracts';
import { parseQuery, queryTerms } from '@watchfloor/listening';
import { AnalysisQueueClient, AnalysisStreamClient, LivePublisherClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { AnalysisRepository, ListeningQueryRepository } from '@watchfloor/persistence';
import { RecentIds } from '@watchfloor/sources';
import { toAnalysisEvent } from './analysis-views';

/** Stream entries (~200 mentions each) taken at a time: large enough to batch the writes, small enough to stay live. */
const ENTRIES_PER_READ = 20;
const READ_BLOCK_MS = 1_000;
const ENSURE_EVERY_MS = 30_000;
/** Mentions remembered to drop the ones a retried ingest batch hands on again. */
const REMEMBERED_MENTIONS = 200_000;

/**
 * Runs the listening floor (noise, issues, spikes, incidents) on the analysis stream, in one worker
 * at a time: a single long-running BullMQ job whose lock is the leadership. A worker that dies has
 * the job taken over once the lock lapses, and the stream's consumer group hands the next worker
 * what the dead one had not acknowledged. The floor's learned state starts afresh with it.
 */
@Injectable()
export class AnalysisProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AnalysisProcessor.name);
  private readonly shutdown = new AbortController();
  private worker: Worker | undefined;
  private queue: AnalysisQueueClient | undefined;
  private ensureTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly results: AnalysisRepository,
    private readonly queries: ListeningQueryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(QueueName.Analysis, () => this.run(), {
      connection: this.redis.duplicate(),
      name: `worker-${process.pid}`,
      prefix: this.config.redisPrefix,
      concurrency: 1,
      lockDuration: this.config.worker.lockMs,
      stalledInterval: this.config.worker.lockMs,
    });
    this.worker.on('error', (error) => this.logger.error(`analysis worker: ${error.message}`));
    const queue = new AnalysisQueueClient(this.redis, this.config.redisPrefix);
    this.queue = queue;
    const ensure = () => queue.ensure().catch((error: Error) => this.logger.warn(`analysis job: ${error.message}`));
    await ensure();
    this.ensureTimer = setInterval(() => void ensure(), ENSURE_EVERY_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.ensureTimer);
    this.shutdown.abort();
    await this.worker?.close();
    await this.queue?.close();
  }

  private async run(): Promise<void> {
    // Blocking stream reads need a connection of their own.
    const connection = this.redis.duplicate();
    const stream = new AnalysisStreamClient(connection, this.config.redisPrefix);
    const live = new LivePublisherClient(this.redis, this.config.redisPrefix);
    const floor = new ListeningFloor({ brandTerms: await this.brandTerms() });
    const seen = new RecentIds(REMEMBERED_MENTIONS);
    const consumer = `worker-${process.pid}`;
    await stream.ensureGroup();
    this.logger.log('analysis running');
    try {
      while (!this.shutdown.signal.aborted) {
        const entries = await stream.read(consumer, ENTRIES_PER_READ, READ_BLOCK_MS, this.config.worker.lockMs);
        const mentions = entries.flatMap((entry) => entry.mentions).filter((mention) => !seen.has(mention.id));
        for (const mention of mentions) seen.add(mention.id);
        const changes = mentions.length > 0 ? floor.take(mentions, Date.now()) : floor.tick(Date.now());
        await this.applyRequests(floor, changes);
        await this.save(changes, live);
        await stream.acknowledge(entries.map((entry) => entry.id));
      }
    } finally {
      connection.disconnect();
    }
  }

  /** Acknowledgements and snoozes people asked for through the API since the last round. */
  private async applyRequests(floor: ListeningFloor, changes: FloorChanges): Promise<void> {
    for (const request of await this.results.takeRequests()) {
      const at = Date.parse(request.requestedAt);
      const event =
        request.snoozeUntil === null
          ? floor.acknowledge(request.incidentId, at, request.requestedBy)
          : floor.snooze(request.incidentId, Date.parse(request.snoozeUntil), at);
      if (event !== undefined) changes.incidents.push(event);
    }
  }

  private async save(changes: FloorChanges, live: LivePublisherClient): Promise<void> {
    const event = toAnalysisEvent(changes);
    const members = changes.mentions.flatMap((result) =>
      result.issueId === undefined ? [] : [{ issueId: result.issueId, mentionId: result.mentionId }],
    );
    // The latest state of each incident the round touched.
    const incidents = [...new Map(event.incidents.map((entry) => [entry.incident.id, entry.incident])).values()];
    await this.results.recordMentions(event.echoes, members);
    await this.results.saveIssues(event.issues);
    await this.results.closeIssues(event.closedIssues);
    await this.results.saveIncidents(incidents);
    if (event.echoes.length + event.issues.length + event.closedIssues.length + event.incidents.length > 0) {
      live.publishAnalysis(event);
    }
  }

  /** The enabled brand queries' terms: every brand mention carries them, so they name no issue. */
  private async brandTerms(): Promise<string[]> {
    const queries = await this.queries.list();
    return queries
      .filter((query) => query.enabled && query.kind === 'brand')
      .flatMap((query) => {
        try {
          return queryTerms(parseQuery(query.text));
        } catch {
          return [];
        }
      });
  }
}
