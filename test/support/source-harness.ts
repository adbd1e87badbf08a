import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { QueueName } from '@watchfloor/contracts';
import type { IngestBatchJob } from '@watchfloor/contracts';
import type { Mention } from '@watchfloor/domain';
import { IngestQueueClient, RedisRateGate } from '@watchfloor/messaging';
import {
  DeadLetterRepository,
  SourceCursorRepository,
  SourceHealthRepository,
  SourceRepository,
  createDataSource,
} from '@watchfloor/persistence';
import { parseQuery } from '@watchfloor/listening';
import { SOURCE_KIND_SPECS } from '@watchfloor/sources';
import type { NamedQuery, PollCyclePorts, SourceDefinition, SourceKind } from '@watchfloor/sources';
import { TEST_REDIS_URL, createTestDatabase, uniqueRedisPrefix } from './test-services';

/**
 * The real stores a source runner writes to, for one test file: a database of its own (cursors,
 * dead letters, health), and a Redis prefix of its own (the ingest queue, rate-limit counters).
 */
export interface SourceHarness {
  dataSource: DataSource;
  redis: Redis;
  redisPrefix: string;
  ports: PollCyclePorts;
  health: SourceHealthRepository;
  /** Stores a source (health rows need one) and returns it as the runners see it. */
  addSource(source: {
    kind: SourceKind;
    name?: string;
    settings: Record<string, unknown>;
    credentials?: Record<string, string> | null;
    monthlyReadBudget?: number | null;
  }): Promise<SourceDefinition>;
  /** Every mention enqueued for ingestion so far, in batch order. */
  enqueued(): Promise<Mention[]>;
  enqueuedBatchIds(): Promise<string[]>;
  deadLetters(): Promise<{ source: string; reason: string }[]>;
  stop(): Promise<void>;
}

export async function startSourceHarness(): Promise<SourceHarness> {
  const database = await createTestDatabase();
  const dataSource = await createDataSource({ url: database.url, poolSize: 2 }).initialize();
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const redisPrefix = uniqueRedisPrefix();
  const ingest = new IngestQueueClient(redis, redisPrefix);
  const inspect = new Queue<IngestBatchJob>(QueueName.Ingest, { connection: redis, prefix: redisPrefix });
  const health = new SourceHealthRepository(dataSource);
  const sources = new SourceRepository(dataSource);
  const jobs = async () =>
    (await inspect.getJobs(['waiting', 'delayed', 'active', 'completed'])).sort((a, b) => a.timestamp - b.timestamp);
  return {
    dataSource,
    redis,
    redisPrefix,
    health,
    ports: {
      cursors: new SourceCursorRepository(dataSource),
      rejects: new DeadLetterRepository(dataSource),
      health,
      ingest,
      gate: new RedisRateGate(redis, redisPrefix),
    },
    async addSource({ kind, name, settings, credentials = null, monthlyReadBudget = null }) {
      const stored = await sources.create({
        id: randomUUID(),
        name: name ?? `${kind} ${Math.random().toString(36).slice(2, 8)}`,
        kind,
        settings,
        credentialsSealed: null,
        credentialFields: credentials === null ? [] : Object.keys(credentials),
        pollSeconds: SOURCE_KIND_SPECS[kind].defaultPollSeconds,
        monthlyReadBudget,
        enabled: true,
      });
      return { ...stored, credentials };
    },
    enqueued: async () => (await jobs()).flatMap((job) => job.data.mentions as Mention[]),
    enqueuedBatchIds: async () => (await jobs()).map((job) => job.data.batchId),
    deadLetters: () => dataSource.query(`SELECT source, reason FROM dead_letter ORDER BY id`),
    async stop() {
      await ingest.close();
      await inspect.close();
      redis.disconnect();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** A saved query as the runners receive it. */
export function parseSourceQuery(text: string, id = `q-${text.replace(/\W+/g, '-')}`, name = text): NamedQuery {
  return { id, name, text, node: parseQuery(text) };
}
