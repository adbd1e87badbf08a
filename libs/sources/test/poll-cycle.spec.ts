import { EgressHttpsAgent } from '@watchfloor/sources';
import { PollCycle, RssFeedPoller, XSearchPoller, createXAppClient } from '@watchfloor/sources';
import type { SourceDefinition } from '@watchfloor/sources';
import { parseSourceQuery, startSourceHarness } from '../../../test/support/source-harness';
import type { SourceHarness } from '../../../test/support/source-harness';
import { FeedServer } from './fakes/rss-feed.server';
import { FAKE_X_TLS, anXPost } from './fakes/x-api.fixtures';
import { XApiServer } from './fakes/x-api.server';

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

  const x = new XApiServer();
  const agent = new EgressHttpsAgent({ ca: FAKE_X_TLS.cert });

  beforeAll(async () => {
    await Promise.all([feed.start(), x.start()]);
    harness = await startSourceHarness();
  });

  afterAll(async () => {
    agent.destroy();
    await Promise.all([feed.stop(), x.stop()]);
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

  it('obeys a 503 that says when to come back, and keeps asking after a 500 that does not', async () => {
    const source = await harness.addSource({ kind: 'rss-feed', settings: { feedUrl: feed.url } });
    const cycle = new PollCycle(harness.ports);
    feed.failWith = { status: 503, retryAfter: '30' };
    await expect(poll(cycle, source)).rejects.toMatchObject({ status: 503 });
    const requests = feed.requests.length;

    expect(await poll(cycle, source)).toEqual({ status: 'rate-limited', retryAt: expect.any(Number) });
    expect(feed.requests.length).toBe(requests);
    expect((await harness.health.findAll()).get(source.id)).toMatchObject({ lastErrorKind: 'unavailable' });

    const other = await harness.addSource({ kind: 'rss-feed', settings: { feedUrl: `${feed.url}?other` } });
    feed.failWith = { status: 500 };
    await expect(poll(cycle, other)).rejects.toMatchObject({ status: 500 });
    await expect(poll(cycle, other)).rejects.toMatchObject({ status: 500 });
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

  it("reports a query too broad for X's monthly budget on its first poll, after reading one page of it", async () => {
    const source = await harness.addSource({
      kind: 'twitter-search',
      settings: { apiUrl: x.url },
      credentials: { bearerToken: 'token' },
      monthlyReadBudget: 10_000,
    });
    // 100 posts in the last hour: about 73,000 a month, seven times the budget.
    const now = Date.now();
    x.posts = Array.from({ length: 300 }, (_, n) =>
      anXPost(n + 1, { created_at: new Date(now - (300 - n) * 36_000).toISOString() }),
    );
    const everything = parseSourceQuery('skylark', 'q-everything', 'Everything Skylark');
    const outcome = await new PollCycle(harness.ports).run({
      source,
      query: everything,
      queries: [everything],
      poller: new XSearchPoller({ client: createXAppClient('token', { baseUrl: x.url, agent }), source: source.id }),
      signal: new AbortController().signal,
    });
    expect(outcome).toMatchObject({ status: 'polled', reads: 100 });
    const health = (await harness.health.findAll()).get(source.id)!;
    expect(health.readsThisMonth).toBe(100);
    expect(health.warnings).toEqual([
      {
        code: 'query-too-broad',
        message: expect.stringMatching(/query "Everything Skylark" would read about 7\d{4} posts a month/),
      },
    ]);
  });
});
