import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { MAX_MENTIONS_PER_BATCH, QueueName } from '@watchfloor/contracts';
import { IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { DemoFeed, MentionBatcher } from '@watchfloor/sources';
import { LiveCollector } from '../../apps/cli/src/system/live-collector';
import { TEST_REDIS_URL } from '../support/test-services';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(90_000);

describe('two API instances and two workers', () => {
  let testSystem: TestSystem;
  let walls: LiveCollector[] = [];
  let redis: Redis;

  beforeAll(async () => {
    testSystem = await startTestSystem({ apis: 2, workers: 2 });
    const token = await testSystem.kioskToken();
    const { system } = testSystem;
    walls = [new LiveCollector(system.apiUrlOf(0), token), new LiveCollector(system.apiUrlOf(1), token)];
    await Promise.all(walls.map((wall) => wall.connected()));
    redis = createRedisConnection(TEST_REDIS_URL, 'scale-out-spec');
  });

  afterAll(async () => {
    walls.forEach((wall) => wall.close());
    redis?.disconnect();
    await testSystem?.stop();
  });

  it('share the queue without doubling work, and every wall sees everything either worker stored', async () => {
    const queue = new IngestQueueClient(redis, testSystem.redisPrefix);
    const batcher = new MentionBatcher({
      source: 'scale-out',
      sink: (batches) => queue.enqueue(batches),
      maxWaitMs: 50,
      onError: (error) => {
        throw error;
      },
    });
    const feed = new DemoFeed(11);
    for (let index = 0; index < 8_000; index++) await batcher.push(feed.next());
    await batcher.flush();
    await queue.close();

    for (const wall of walls) {
      await wall.waitForDistinct(8_000, 60_000);
      expect(wall.received.size).toBe(8_000);
      expect(wall.duplicates).toBe(0);
    }
    // A job is marked complete just after its batch reaches the walls.
    const view = new Queue(QueueName.Ingest, { connection: redis, prefix: testSystem.redisPrefix });
    const deadline = Date.now() + 10_000;
    while ((await view.getCompletedCount()) < 8_000 / MAX_MENTIONS_PER_BATCH && Date.now() < deadline) {
      await sleep(100);
    }
    const completed = await view.getCompleted(0, 1_000);
    await view.close();
    expect(completed).toHaveLength(8_000 / MAX_MENTIONS_PER_BATCH);
    expect(new Set(completed.map((job) => job.processedBy)).size).toBe(2);
  });
});
