import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { QueueName } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { DeadLetterRepository } from '@watchfloor/persistence';
import { DemoFeed, MentionBatcher } from '@watchfloor/sources';
import { LiveCollector } from '../../apps/cli/src/system/live-collector';
import type { RunningSystem } from '../../apps/cli/src/system/running-system';
import { runWatchfloor } from '../support/run-command';
import { TEST_REDIS_URL } from '../support/test-services';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

describe('a mention travels from a source to the wall (running api and worker processes)', () => {
  let testSystem: TestSystem;
  let system: RunningSystem;
  let redisPrefix: string;
  let dataSource: DataSource;
  let wall: LiveCollector;
  let redis: Redis;
  let queue: IngestQueueClient;

  beforeAll(async () => {
    // Short locks, so a killed worker's batches are handed on within seconds, not the default 30.
    testSystem = await startTestSystem({ env: { WORKER_LOCK_MS: '2000' } });
    ({ system, redisPrefix, dataSource } = testSystem);
    wall = new LiveCollector(system.apiUrl, await testSystem.kioskToken());
    await wall.connected();
    redis = createRedisConnection(TEST_REDIS_URL, 'pipeline-spec');
    queue = new IngestQueueClient(redis, redisPrefix);
  });

  afterAll(async () => {
    wall?.close();
    await queue?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  async function offer(mentions: unknown[], source: string): Promise<void> {
    const batcher = new MentionBatcher({
      source,
      sink: (batches) => queue.enqueue(batches),
      maxWaitMs: 50,
      onError: (error) => {
        throw error;
      },
    });
    for (const mention of mentions) await batcher.push(mention);
    await batcher.flush();
  }

  function demoMentions(seed: number, count: number): Record<string, unknown>[] {
    const feed = new DemoFeed(seed);
    return Array.from({ length: count }, () => feed.next());
  }

  const keyOf = (mention: Record<string, unknown>) => `${String(mention['platform'])}:${String(mention['externalId'])}`;

  async function storedCount(keys: string[]): Promise<{ rows: number; distinct: number }> {
    const [row] = await dataSource.query<{ rows: number; distinct: number }[]>(
      `SELECT count(*)::int AS rows, count(DISTINCT (platform, external_id))::int AS distinct
       FROM mention WHERE platform || ':' || external_id = ANY($1)`,
      [keys],
    );
    return row!;
  }

  it('stores each of 10,000 mentions exactly once and delivers every one to a connected wall', async () => {
    const mentions = demoMentions(1, 10_000);
    const keys = mentions.map(keyOf);
    const before = wall.received.size;
    // 500 of them offered a second time, in other batches: stored and shown once all the same.
    await offer([...mentions, ...mentions.slice(0, 500)], 'spec');

    await wall.waitForDistinct(before + 10_000, 60_000);
    expect(keys.every((key) => wall.received.has(key))).toBe(true);
    expect(wall.duplicates).toBe(0);
    expect(await storedCount(keys)).toEqual({ rows: 10_000, distinct: 10_000 });
  });

  it('loses and doubles nothing when the worker is killed mid-run and restarted', async () => {
    const mentions = demoMentions(2, 10_000);
    const keys = mentions.map(keyOf);
    const before = wall.received.size;
    const offering = offer(mentions, 'spec-kill');
    await wall.waitForDistinct(before + 1_500, 30_000);
    await system.killWorker();
    const seenAtKill = wall.received.size - before;
    await offering;
    // Work was left for the restarted worker: batches in flight when it died, and the rest.
    expect(await queue.backlog()).toBeGreaterThan(0);
    system.startWorker();

    await wall.waitForDistinct(before + 10_000, 90_000);
    expect(seenAtKill).toBeLessThan(10_000);
    expect(keys.every((key) => wall.received.has(key))).toBe(true);
    expect(await storedCount(keys)).toEqual({ rows: 10_000, distinct: 10_000 });
  });

  it('finishes the batches in hand when the worker is told to stop (SIGTERM)', async () => {
    const mentions = demoMentions(4, 6_000);
    const keys = mentions.map(keyOf);
    const before = wall.received.size;
    const offering = offer(mentions, 'spec-stop');
    await wall.waitForDistinct(before + 1_000, 30_000);
    // It exits by itself (analysis thread included; Nest re-raises the signal once shut down), not by
    // the SIGKILL that follows 10 s later.
    expect(await system.stopWorker()).toBe('SIGTERM');
    await offering;
    const queueView = new Queue(QueueName.Ingest, { connection: redis, prefix: redisPrefix });
    // Nothing was left half-done for a lock to expire on.
    expect((await queueView.getJobCounts('active'))['active']).toBe(0);
    await queueView.close();
    system.startWorker();

    await wall.waitForDistinct(before + 6_000, 60_000);
    expect(keys.every((key) => wall.received.has(key))).toBe(true);
    expect(await storedCount(keys)).toEqual({ rows: 6_000, distinct: 6_000 });
  });

  it('dead-letters a malformed mention with the reason, and keeps the rest of its batch', async () => {
    const good = [aMention({ source: 'spec' }), aMention({ source: 'spec' })];
    const malformed = { ...aMention(), url: 'not a url' };
    const batchId = `malformed-${redisPrefix}`;
    await queue.enqueue([{ batchId, source: 'spec', receivedAt: Date.now(), mentions: [good[0], malformed, good[1]] }]);

    const before = wall.received.size;
    await wall.waitForDistinct(before + 2, 20_000);
    expect(good.every((mention) => wall.received.has(`${mention.platform}:${mention.externalId}`))).toBe(true);
    const deadLetters = await new DeadLetterRepository(dataSource).findByBatch(batchId);
    expect(deadLetters).toEqual([expect.objectContaining({ itemIndex: 1, source: 'spec', payload: malformed })]);
    expect(deadLetters[0]!.reason).toContain('url');
  });

  it('replays an NDJSON file through ingestion with `watchfloor replay`', async () => {
    const mentions = demoMentions(3, 300).map(({ source: _source, ...mention }) => mention);
    const file = join(mkdtempSync(join(tmpdir(), 'wf-replay-')), 'mentions.ndjson');
    writeFileSync(file, `${mentions.map((mention) => JSON.stringify(mention)).join('\n')}\n{not json\n`);
    const before = wall.received.size;

    const { code, stdout, stderr } = await runWatchfloor(['replay', file, '--rate', '2000'], {
      env: { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: redisPrefix },
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining(':301: not JSON') });
    expect(JSON.parse(stdout)).toEqual({ file, mentions: 301, batches: expect.any(Number), unparsable: 1 });

    await wall.waitForDistinct(before + 300, 20_000);
    const replayed = mentions.map(keyOf);
    expect(replayed.every((key) => wall.received.get(key) !== undefined)).toBe(true);
    const [row] = await dataSource.query(`SELECT count(*)::int AS count FROM dead_letter WHERE source = 'replay'`);
    expect(row.count).toBe(1);
  });
});
