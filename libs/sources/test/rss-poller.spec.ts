import type { DataSource } from 'typeorm';
import { SourceCursorRepository, createDataSource } from '@watchfloor/persistence';
import { SourceHttpError, pollFeed } from '@watchfloor/sources';
import type { FeedCursor } from '@watchfloor/sources';
import { createTestDatabase } from '../../../test/support/test-services';
import { FeedServer } from './fakes/rss-feed.server';

describe('RSS poller against a local feed server', () => {
  const feed = new FeedServer();
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;

  beforeAll(async () => {
    await feed.start();
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
  });

  afterAll(async () => {
    await feed.stop();
    await dataSource.destroy();
    await database.drop();
  });

  it('takes new items once, asks with its ETag, resumes from a stored cursor, and says when a rate limit lifts', async () => {
    const cursors = new SourceCursorRepository(dataSource);
    const key = `rss:${feed.url}`;
    feed.items = [
      { guid: 'a', title: 'Skylark strike announced' },
      { guid: 'b', title: 'Skylark &amp; unions talk' },
      { guid: 'bad', title: 'An item with no date', undated: true },
    ];

    const first = await pollFeed(feed.url, await cursors.get<FeedCursor>(key));
    expect(first.batch.mentions.map((mention) => [mention.externalId, mention.url, mention.text])).toEqual([
      ['a', expect.stringMatching(/\/news\/a$/), 'Skylark strike announced'],
      ['b', expect.stringMatching(/\/news\/b$/), 'Skylark & unions talk'],
    ]);
    expect(first.batch.rejected).toEqual([expect.objectContaining({ index: 2 })]);
    await cursors.set(key, first.cursor);

    // A restart: the cursor comes back from PostgreSQL, and the unchanged feed costs one 304.
    const unchanged = await pollFeed(feed.url, await cursors.get<FeedCursor>(key));
    expect(unchanged.notModified).toBe(true);
    expect(feed.requests.at(-1)).toEqual({ ifNoneMatch: '"v1"' });

    feed.version = 2;
    feed.items = [{ guid: 'c', title: 'Strike ends' }, ...feed.items];
    const updated = await pollFeed(feed.url, await cursors.get<FeedCursor>(key));
    expect(updated.batch.mentions.map((mention) => mention.externalId)).toEqual(['c']);
    await cursors.set(key, updated.cursor);
    expect((await cursors.get<FeedCursor>(key))?.seenIds.slice(0, 3)).toEqual(['c', 'a', 'b']);

    feed.failWith = { status: 429, retryAfter: '120' };
    const limited = await pollFeed(feed.url, updated.cursor).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(SourceHttpError);
    expect(limited).toMatchObject({ status: 429, retryAfterMs: 120_000, retryable: true });

    feed.failWith = { status: 404 };
    await expect(pollFeed(feed.url, updated.cursor)).rejects.toMatchObject({ status: 404, retryable: false });
    feed.failWith = undefined;
  });
});
