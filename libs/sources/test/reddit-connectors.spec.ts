import type { DataSource } from 'typeorm';
import { REDDIT_SEARCH, parseQuery, toPlatformQuery } from '@watchfloor/listening';
import { SourceCursorRepository, createDataSource } from '@watchfloor/persistence';
import type { ConnectorQuery, PollResult } from '../src/connectors/connector';
import type { NewestFirstCursor } from '../src/connectors/newest-first-pager';
import { SourceHttpError } from '../src/connectors/source-http-error';
import { RedditAuth, RedditReplySender, RedditSearchPoller } from '../src/connectors/reddit';
import { createTestDatabase } from '../../../test/support/test-services';
import { FakeRedditServer } from './fakes/reddit.server';

const signal = new AbortController().signal;

function aQuery(text: string): ConnectorQuery {
  return { id: `q-${text}`, text, node: parseQuery(text) };
}

/** Base36 ids in creation order; from 1290 they cross from two digits ("zz") to three ("100"). */
let nextId = 1290;
function newPosts(count: number, extra: { malformedAt?: number } = {}) {
  return Array.from({ length: count }, (_, index) => ({
    id: (nextId++).toString(36),
    title: `Skylark strike update ${nextId}`,
    selftext: 'Crews walk out & talk',
    malformed: index === extra.malformedAt,
  }));
}

function ids(result: PollResult<NewestFirstCursor>): string[] {
  return result.batch.mentions.map((mention) => mention.externalId);
}

describe('Reddit connectors against a fake Reddit API', () => {
  const reddit = new FakeRedditServer();
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let cursors: SourceCursorRepository;

  const authFor = (overrides: Partial<ConstructorParameters<typeof RedditAuth>[0]> = {}) =>
    new RedditAuth({
      clientId: reddit.clientId,
      clientSecret: reddit.clientSecret,
      authUrl: reddit.authUrl,
      apiUrl: reddit.url,
      ...overrides,
    });

  beforeAll(async () => {
    await reddit.start();
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
    cursors = new SourceCursorRepository(dataSource);
  });

  afterAll(async () => {
    await reddit.stop();
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(() => {
    reddit.posts = [];
    reddit.requests = [];
    reddit.pageSize = 3;
    reddit.rateLimited = undefined;
  });

  it('pages down to the high-water mark, and after a restart takes only the new posts, each once', async () => {
    const auth = authFor();
    const poller = new RedditSearchPoller({ auth });
    const query = aQuery('skylark strike');
    const key = `reddit:search:${query.id}`;
    const poll = async (maxReads = 100) => {
      const result = await poller.poll({ query, cursor: await cursors.get<NewestFirstCursor>(key), maxReads, signal });
      await cursors.set(key, result.cursor);
      return result;
    };
    const older = newPosts(5);
    reddit.posts = [...older];

    // The first poll ever starts from now: one page, not the whole past.
    const first = await poll();
    expect(ids(first)).toEqual(
      older
        .slice(-3)
        .reverse()
        .map((post) => `t3_${post.id}`),
    );
    expect(first).toMatchObject({ reads: 3, truncated: false, rateLimit: { remaining: 99, limit: 100 } });
    expect(reddit.searchRequests()[0]!.query).toEqual({
      q: toPlatformQuery(query.node, REDDIT_SEARCH).query,
      sort: 'new',
      type: 'link',
      limit: '100',
    });

    const newer = newPosts(7);
    reddit.posts.push(...newer);
    const second = await poll();
    expect(ids(second)).toEqual(newer.map((post) => `t3_${post.id}`).reverse());
    // Three pages of three: seven new, then the page that reaches the mark.
    expect(second).toMatchObject({ reads: 9, truncated: false });
    expect(
      reddit
        .searchRequests()
        .slice(1)
        .map((request) => request.query['after']),
    ).toEqual([undefined, `t3_${newer[4]!.id}`, `t3_${newer[1]!.id}`]);

    const third = await poll();
    expect(third).toMatchObject({ reads: 3, truncated: false, batch: { mentions: [], rejected: [] } });
    expect(reddit.tokenRequests()).toHaveLength(1);
  });

  it('stops at maxReads and the next polls continue where it stopped, losing and doubling nothing', async () => {
    const poller = new RedditSearchPoller({ auth: authFor() });
    const query = aQuery('skylark');
    const key = `reddit:search:${query.id}`;
    const poll = async (maxReads: number) => {
      const result = await poller.poll({ query, cursor: await cursors.get<NewestFirstCursor>(key), maxReads, signal });
      await cursors.set(key, result.cursor);
      return result;
    };
    reddit.posts = newPosts(2);
    await poll(100);
    const burst = newPosts(8);
    reddit.posts.push(...burst);

    const truncated = await poll(4);
    expect(truncated).toMatchObject({ reads: 6, truncated: true });
    expect(await cursors.get<NewestFirstCursor>(key)).toMatchObject({ pending: { page: `t3_${burst[2]!.id}` } });

    const later = newPosts(2);
    reddit.posts.push(...later);
    const resumed = await poll(100);
    expect(resumed.truncated).toBe(false);
    const caughtUp = await poll(100);

    const taken = [truncated, resumed, caughtUp].flatMap(ids);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.sort()).toEqual([...burst, ...later].map((post) => `t3_${post.id}`).sort());
  });

  it('reports a rate limit with when to come back, and the next poll gets everything', async () => {
    const poller = new RedditSearchPoller({ auth: authFor() });
    const query = aQuery('skylark');
    reddit.posts = newPosts(2);
    const start = await poller.poll({ query, cursor: null, maxReads: 100, signal });
    const waiting = newPosts(7);
    reddit.posts.push(...waiting);

    reddit.rateLimited = { times: 1, resetSeconds: 30 };
    const error = await poller.poll({ query, cursor: start.cursor, maxReads: 100, signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceHttpError);
    expect(error).toMatchObject({ status: 429, kind: 'rate-limited', rateLimit: { remaining: 0, limit: 100 } });
    expect((error as SourceHttpError).retryAfterMs).toBeGreaterThan(28_000);
    expect((error as SourceHttpError).retryAfterMs).toBeLessThanOrEqual(30_000);

    // A limit hit on the second page keeps the first and resumes from the second.
    reddit.rateLimited = { times: 1, afterSearches: 1, resetSeconds: 30 };
    const partial = await poller.poll({ query, cursor: start.cursor, maxReads: 100, signal });
    expect(partial).toMatchObject({ truncated: true, reads: 3, rateLimit: { remaining: 0 } });

    const recovered = await poller.poll({ query, cursor: partial.cursor, maxReads: 100, signal });
    expect([...ids(partial), ...ids(recovered)].sort()).toEqual(waiting.map((post) => `t3_${post.id}`).sort());
  });

  it('sets a malformed post aside with its reason and keeps the rest', async () => {
    const poller = new RedditSearchPoller({ auth: authFor() });
    reddit.posts = newPosts(3, { malformedAt: 1 });
    const result = await poller.poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal });
    expect(ids(result)).toEqual([`t3_${reddit.posts[2]!.id}`, `t3_${reddit.posts[0]!.id}`]);
    expect(result.batch.rejected).toEqual([
      expect.objectContaining({ index: 1, reason: expect.stringContaining('url') }),
    ]);
    expect(result.cursor).toEqual({ highWater: `t3_${reddit.posts[2]!.id}` });
  });

  it('searches one subreddit with restrict_sr when set, decoding the escaped text', async () => {
    const poller = new RedditSearchPoller({ auth: authFor(), subreddit: 'r/skylark' });
    reddit.posts = [
      { id: 'zzz1', title: 'Skylark &amp; the union: pay &lt; inflation', subreddit: 'skylark' },
      { id: 'zzz2', title: 'Skylark elsewhere', subreddit: 'aviation' },
    ];
    const result = await poller.poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal });
    expect(result.batch.mentions.map((mention) => [mention.externalId, mention.text, mention.url])).toEqual([
      [
        't3_zzz1',
        'Skylark & the union: pay < inflation',
        expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/skylark\//),
      ],
    ]);
    expect(reddit.searchRequests()[0]).toMatchObject({ path: '/r/skylark/search', query: { restrict_sr: '1' } });
  });

  it('fetches the app token once, fetches it again when Reddit revokes it, and says plainly when credentials are refused', async () => {
    const auth = authFor();
    const poller = new RedditSearchPoller({ auth });
    reddit.posts = newPosts(1);
    await poller.poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal });
    await poller.poll({ query: aQuery('strike'), cursor: null, maxReads: 100, signal });
    expect(reddit.tokenRequests()).toHaveLength(1);
    expect(reddit.tokenRequests()[0]!.form).toEqual({ grant_type: 'client_credentials' });

    reddit.revokeTokens();
    await poller.poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal });
    expect(reddit.tokenRequests()).toHaveLength(2);

    const refused = new RedditSearchPoller({ auth: authFor({ clientSecret: 'wrong' }) });
    const asked = reddit.tokenRequests().length;
    const error = await refused
      .poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceHttpError);
    expect(error).toMatchObject({ status: 401, kind: 'credentials', retryable: false });
    expect((error as Error).message).toMatch(/client id and secret/);
    expect((error as Error).message).not.toContain('wrong');
    expect(reddit.tokenRequests()).toHaveLength(asked + 1);
  });

  it('replies as the brand account with the password grant, and explains refusals', async () => {
    const sender = new RedditReplySender(authFor({ username: reddit.username, password: reddit.password }));
    const sent = await sender.reply(
      { externalId: 't3_abc12', url: 'https://www.reddit.com/r/skylark/comments/abc12/post/', authorHandle: 'someone' },
      'Thanks for flagging this, we are on it.',
      signal,
    );
    expect(sent).toEqual({
      externalId: 't1_c1',
      url: 'https://www.reddit.com/r/skylark/comments/abc12/strike/c1/',
    });
    const call = reddit.requests.find((request) => request.path === '/api/comment')!;
    expect(call.form).toEqual({
      thing_id: 't3_abc12',
      text: 'Thanks for flagging this, we are on it.',
      api_type: 'json',
    });
    expect(reddit.tokenRequests().at(-1)!.form).toEqual({
      grant_type: 'password',
      username: reddit.username,
      password: reddit.password,
    });

    reddit.commentError = ['RATELIMIT', 'you are doing that too much. try again in 5 minutes.', 'ratelimit'];
    const target = {
      externalId: 't1_xyz',
      url: 'https://www.reddit.com/r/skylark/comments/abc12/post/xyz/',
      authorHandle: 'x',
    };
    await expect(sender.reply(target, 'Again', signal)).rejects.toMatchObject({ status: 429, retryAfterMs: 300_000 });
    reddit.commentError = ['THREAD_LOCKED', 'Comments are locked.', 'parent'];
    await expect(sender.reply(target, 'Again', signal)).rejects.toMatchObject({
      retryable: false,
      message: expect.stringContaining('THREAD_LOCKED'),
    });
    reddit.commentError = undefined;

    const wrongPassword = new RedditReplySender(authFor({ username: reddit.username, password: 'nope' }));
    await expect(wrongPassword.reply(target, 'Hello', signal)).rejects.toMatchObject({
      kind: 'credentials',
      message: expect.stringContaining('invalid_grant'),
    });
    await expect(new RedditReplySender(authFor()).reply(target, 'Hello', signal)).rejects.toThrow(
      /username and password/,
    );
  });
});
