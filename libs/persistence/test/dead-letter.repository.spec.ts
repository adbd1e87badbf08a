import type { DataSource } from 'typeorm';
import { DeadLetterRepository, createDataSource } from '@watchfloor/persistence';
import { createTestDatabase } from '../../../test/support/test-services';

describe('DeadLetterRepository (PostgreSQL)', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let deadLetters: DeadLetterRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 2 }).initialize();
    deadLetters = new DeadLetterRepository(dataSource);
    await deadLetters.recordRejected('batch-a', 'spec', [
      { index: 0, reason: 'url: must be an absolute http(s) URL', input: { n: 0 } },
      { index: 1, reason: 'createdAt: Invalid ISO datetime', input: { n: 1 } },
      { index: 2, reason: 'URL missing', input: { n: 2 } },
    ]);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('lists oldest first without payloads, filtered by a part of the reason in any case', async () => {
    const all = await deadLetters.list({}, 10);
    expect(all.map((entry) => entry.itemIndex)).toEqual([0, 1, 2]);
    expect(all[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      batchId: 'batch-a',
      itemIndex: 0,
      source: 'spec',
      reason: 'url: must be an absolute http(s) URL',
      createdAt: expect.any(String),
      replayedAt: null,
    });
    const byReason = await deadLetters.list({ reasonContains: 'url' }, 10);
    expect(byReason.map((entry) => entry.itemIndex)).toEqual([0, 2]);
    expect(await deadLetters.list({}, 1)).toHaveLength(1);
    // Wildcards are text, not patterns.
    expect(await deadLetters.list({ reasonContains: '%' }, 10)).toEqual([]);
  });

  it('pages through those waiting by id, stamps a replay once, and keeps a new reason', async () => {
    const [first, second, third] = await deadLetters.findWaiting(null, 10);
    expect((await deadLetters.findWaiting(first!.id, 1)).map((letter) => letter.id)).toEqual([second!.id]);
    expect(second!.payload).toEqual({ n: 1 });

    await deadLetters.markReplayed([first!.id]);
    const [stamped] = await deadLetters.findByIds([first!.id]);
    expect(stamped!.replayedAt).not.toBeNull();
    await deadLetters.markReplayed([first!.id]);
    expect((await deadLetters.findByIds([first!.id]))[0]!.replayedAt).toBe(stamped!.replayedAt);

    await deadLetters.keepWithReason(third!.id, 'url: must be an absolute http(s) URL');
    expect((await deadLetters.findByIds([third!.id]))[0]).toMatchObject({
      reason: 'url: must be an absolute http(s) URL',
      replayedAt: null,
    });
    expect((await deadLetters.findWaiting(null, 10)).map((letter) => letter.id)).toEqual([second!.id, third!.id]);
    expect(await deadLetters.count({ reasonContains: 'URL' })).toEqual({ matching: 2, waiting: 1 });
  });
});
