import { PollCycle, RssFeedPoller } from '@watchfloor/sources';
import type { SourceDefinition } from '@watchfloor/sources';
import { parseSourceQuery, startSourceHarness } from '../../../test/support/source-harness';
import type { SourceHarness } from '../../../test/support/source-harness';
import { FeedServer } from './fakes/rss-feed.server';

describe('a poll cycle on real PostgreSQL and Redis, against a local feed', () => {
  const feed = new FeedServer();
  let harness: SourceHarness;
  const skylark = parseSourceQuery('skylark', 'q-skylark', 'Skylark');
  const poll = (cycle: PollCycle, source: SourceDefinition) =>
    cycle.run({
      source,
      query: null,
      queries: [skylark],
      poller: new RssFeedPoller({ feedUrl: feed.url, source: source.id }),
      signal: new AbortController().signal,
    });

  beforeAll(async () => {
    await feed.start();
    harness = await startSourceHarness();
  });

  afterAll(async () => {
    await feed.stop();
    await harness.stop();
  });

  it('enqueues what the queries match, dead-letters the malformed, and resumes from its cursor after a restart', async () => {
    const source = await harness.addSource({ kind: 'rss-feed', settings: { feedUrl: feed.url } });
    feed.items = [
      { guid: 'a', title: 'Skylark strike announced' },
      { guid: 'b', title: 'Weather tomorrow' },
      { guid: 'bad', title: 'Skylark item without a date', undated: true },
    ];
    expect(await poll(new PollCycle(harness.ports), source)).toEqual({
      status: 'polled',
      reads: 3,
      enqueued: 1,
      filteredOut: 1,
      rejected: 1,
      truncated: false,
    });
    expect((await harness.enqueued()).map((mention) => mention.externalId)).toEqual(['a']);
    expect(await harness.deadLetters()).toEqual([{ source: source.id, reason: expect.stringMatching(/createdAt/) }]);

    // A new process: everything it knows comes from PostgreSQL and Redis.
    feed.version = 2;
    feed.items = [{ guid: 'c', title: 'Skylark strike ends' }, ...feed.items];
    const restarted = new PollCycle(harness.ports);
    expect(await poll(restarted, source)).toMatchObject({ status: 'polled', enqueued: 1 });
    expect(await poll(restarted, source)).toMatchObject({ status: 'polled', reads: 0, enqueued: 0 });
    expect((await harness.enqueued()).map((mention) => mention.externalId)).toEqual(['a', 'c']);
    expect(feed.requests.at(-1)).toEqual({ ifNoneMatch: '"v2"' });

    // 3 items, then "c" and the malformed item again (it is read, and dead-lettered only once).
    const health = (await harness.health.findAll()).get(source.id)!;
    expect(health).toMatchObject({ readsThisMonth: 5, lastError: null, newestMentionAt: expect.any(String) });
    expect(await harness.deadLetters()).toHaveLength(1);
  });

  it('after a 429, holds every poll of that credential until the platform said, without asking it', async () => {
    const source = await harness.addSource({ kind: 'rss-feed', settings: { feedUrl: feed.url } });
    const cycle = new PollCycle(harness.ports);
    feed.failWith = { status: 429, retryAfter: '120' };
    await expect(poll(cycle, source)).rejects.toMatchObject({ status: 429 });
    const requests = feed.requests.length;

    const held = await poll(cycle, source);
    expect(held).toEqual({ status: 'rate-limited', retryAt: expect.any(Number) });
    expect((held as { retryAt: number }).retryAt - Date.now()).toBeGreaterThan(110_000);
    expect(feed.requests.length).toBe(requests);
    const health = (await harness.health.findAll()).get(source.id)!;
    expect(health).toMatchObject({ lastErrorKind: 'rate-limited', blockedUntil: expect.any(String) });
    feed.failWith = undefined;
  });

  it('waits for the budget to accrue instead of reading past it, and says why', async () => {
    const source = await harness.addSource({
      kind: 'rss-feed',
      settings: { feedUrl: feed.url },
      monthlyReadBudget: 100,
    });
    await harness.health.observe(source.id, { at: new Date(), reads: 100, succeeded: true });
    const requests = feed.requests.length;
    expect(await poll(new PollCycle(harness.ports), source)).toEqual({ status: 'waiting-for-budget' });
    expect(feed.requests.length).toBe(requests);
    const health = (await harness.health.findAll()).get(source.id)!;
    expect(health.warnings.map((warning) => warning.code)).toEqual(['budget-spent']);
  });
});
