import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { DemoFeed, MentionBatcher } from '@watchfloor/sources';
import type { RunningSystem } from '../../apps/cli/src/system/running-system';
import { WallFrameClient } from '../../apps/cli/src/system/wall-frame-client';
import { TEST_REDIS_URL } from '../support/test-services';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { waitFor } from '../support/wait-for';

jest.setTimeout(180_000);

const LOG = 'test-artifacts/wall-feed-system.log';

type Counts = Record<'positive' | 'neutral' | 'negative' | 'unsupported', number>;

describe('the wall feed: bounded frames, resumed without gaps or repeats across restarts', () => {
  let testSystem: TestSystem;
  let system: RunningSystem;
  let dataSource: DataSource;
  let redis: Redis;
  let queue: IngestQueueClient;
  let token: string;
  const screens: WallFrameClient[] = [];

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(LOG, '');
    const logFile = new PassThrough();
    logFile.on('data', (chunk: Buffer) => appendFileSync(LOG, chunk));
    // What the api and worker said, for when this spec fails.
    testSystem = await startTestSystem({ logFile, env: { WORKER_LOCK_MS: '2000' } });
    ({ system, dataSource } = testSystem);
    token = await testSystem.kioskToken();
    redis = createRedisConnection(TEST_REDIS_URL, 'wall-feed-spec');
    queue = new IngestQueueClient(redis, testSystem.redisPrefix);
  });

  afterAll(async () => {
    for (const screen of screens) screen.close();
    await queue?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  function screen(): WallFrameClient {
    const client = new WallFrameClient(system.apiUrl, token);
    screens.push(client);
    return client;
  }

  async function offer(seed: number, count: number): Promise<void> {
    const feed = new DemoFeed(seed);
    const batcher = new MentionBatcher({
      source: 'wall-spec',
      sink: (batches) => queue.enqueue(batches),
      maxWaitMs: 50,
      onError: (error) => {
        throw error;
      },
    });
    for (let index = 0; index < count; index++) await batcher.push(feed.next());
    await batcher.flush();
  }

  async function storedCounts(): Promise<Counts> {
    const rows = await dataSource.query<{ label: keyof Counts; count: number }[]>(
      `SELECT sentiment_label AS label, count(*)::int AS count FROM mention GROUP BY 1`,
    );
    const counts: Counts = { positive: 0, neutral: 0, negative: 0, unsupported: 0 };
    for (const row of rows) counts[row.label] = row.count;
    return counts;
  }

  function shownCounts(client: WallFrameClient): Counts {
    const counts: Counts = { positive: 0, neutral: 0, negative: 0, unsupported: 0 };
    for (const minute of client.follower.state.minutes) {
      for (const label of Object.keys(counts) as (keyof Counts)[]) counts[label] += minute[label];
    }
    return counts;
  }

  const total = (counts: Counts) => counts.positive + counts.neutral + counts.negative + counts.unsupported;

  it('shows exactly what was stored, through an API restart and a worker restart', async () => {
    const wall = screen();
    await offer(11, 300);
    await wall.waitFor(() => wall.totalMentions === 300, 30_000, 'the first 300 mentions on the wall');

    // The API goes away; the worker keeps storing and framing.
    await system.stopApi();
    await offer(12, 300);
    await waitFor('600 mentions stored', async () => (total(await storedCounts()) === 600 ? true : undefined));
    await system.startApi();
    await wall.waitFor(() => wall.totalMentions === 600, 30_000, 'the wall caught up after the API restart');

    // The worker stops (its frames and checkpoint stay in Redis) and comes back.
    await system.stopWorker();
    await offer(13, 300);
    system.startWorker();
    await wall.waitFor(() => wall.totalMentions === 900, 60_000, 'the wall caught up after the worker restart');

    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(shownCounts(wall)).toEqual(await storedCounts());
    expect(wall.follower.stats.resets).toBe(0);

    // A screen that starts now gets the same picture from the snapshot.
    const late = screen();
    await late.waitFor(() => late.totalMentions === 900, 30_000, 'a new screen loaded the snapshot');
    expect(shownCounts(late)).toEqual(shownCounts(wall));
  });

  it('sends at most a couple of frames a second however fast mentions arrive', async () => {
    const wall = screen();
    await wall.waitFor((state) => state.frameId !== null, 30_000, 'the first frame');
    const before = wall.framesReceived;
    const startedAt = Date.now();
    const stored = total(await storedCounts());
    await offer(14, 5_000);
    await wall.waitFor(() => wall.totalMentions === stored + 5_000, 60_000, 'the burst on the wall');
    const seconds = (Date.now() - startedAt) / 1_000;
    const frames = wall.framesReceived - before;
    expect(frames).toBeGreaterThan(0);
    // Two a second, plus one for the partial second at either end.
    expect(frames).toBeLessThanOrEqual(Math.ceil(seconds * 2) + 2);
    // Each frame carries a bounded sample of posts, not the burst.
    expect(wall.follower.state.newest.length).toBeLessThanOrEqual(30);
  });
});
