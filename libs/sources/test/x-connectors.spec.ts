import { EgressHttpsAgent } from '../src/egress';
import type { TwitterApi } from 'twitter-api-v2';
import type { DataSource } from 'typeorm';
import { parseQuery } from '@watchfloor/listening';
import { SourceCursorRepository, createDataSource } from '@watchfloor/persistence';
import type { Mention } from '@watchfloor/domain';
import type { ConnectorQuery, StreamStatus } from '../src/connectors/connector';
import type { NewestFirstCursor } from '../src/connectors/newest-first-pager';
import { SourceHttpError } from '../src/connectors/source-http-error';
import { createTestDatabase } from '../../../test/support/test-services';
import {
  XFilteredStream,
  XReplySender,
  XSearchPoller,
  createXAppClient,
  createXUserClient,
  syncStreamRules,
  wantedStreamRules,
} from '../src/connectors/x';
import type { XStreamCursor } from '../src/connectors/x';
import { FAKE_X_TLS, anXPost, xId } from './fakes/x-api.fixtures';
import { XApiServer } from './fakes/x-api.server';

const SEARCH = '/2/tweets/search/recent';
const STREAM = '/2/tweets/search/stream';
const RULES = '/2/tweets/search/stream/rules';
const APP_TOKEN = 'app-bearer-token-secret';

function aQuery(id: string, text: string): ConnectorQuery {
  return { id, text, node: parseQuery(text) };
}

const posts = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => anXPost(from + index));
const ids = (from: number, to: number) => posts(from, to).map((post) => post.id);

describe('X connectors against a local X API', () => {
  const x = new XApiServer();
  const agent = new EgressHttpsAgent({ ca: FAKE_X_TLS.cert });
  const query = aQuery('3f1c0a52-0000-4000-8000-000000000001', 'skylark (bag OR luggage)');
  let app: TwitterApi;
  let poller: XSearchPoller;
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let cursors: SourceCursorRepository;

  const poll = (cursor: NewestFirstCursor | null, maxReads = 100) =>
    poller.poll({ query, cursor, maxReads, signal: new AbortController().signal });

  beforeAll(async () => {
    await x.start();
    app = createXAppClient(APP_TOKEN, { baseUrl: x.url, agent });
    poller = new XSearchPoller({ client: app, source: 'x-search' });
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
    cursors = new SourceCursorRepository(dataSource);
  });

  beforeEach(() => x.reset());

  afterAll(async () => {
    await x.stop();
    agent.destroy();
    await dataSource.destroy();
    await database.drop();
  });

  describe('recent search', () => {
    it('pages down to since_id, and after a restart resumes from the stored cursor taking only new posts', async () => {
      const key = `x:${query.id}`;
      x.pageSize = 10;
      x.posts = posts(1, 5);
      const first = await poll(await cursors.get<NewestFirstCursor>(key));
      expect(first.batch.mentions.map((mention) => mention.externalId)).toEqual(ids(1, 5).reverse());
      expect(first.batch.mentions[0]).toMatchObject({
        source: 'x-search',
        url: `https://x.com/dana/status/${xId(5)}`,
        createdAt: '2026-11-23T09:00:00.000Z',
        author: { handle: 'dana', followers: 120 },
      });
      expect(x.requestsTo(SEARCH)[0]?.query.get('query')).toBe('skylark (bag OR luggage)');
      await cursors.set(key, first.cursor);

      x.posts.push(...posts(6, 30));
      const second = await poll(await cursors.get<NewestFirstCursor>(key));
      expect(second.batch.mentions.map((mention) => mention.externalId)).toEqual(ids(6, 30).reverse());
      expect(second).toMatchObject({ reads: 25, truncated: false, cursor: { highWater: xId(30) } });
      const pages = x.requestsTo(SEARCH).slice(1);
      expect(pages.map((request) => [request.query.get('since_id'), request.query.has('next_token')])).toEqual([
        [xId(5), false],
        [xId(5), true],
        [xId(5), true],
      ]);
      expect(second.rateLimit).toMatchObject({ limit: 450, remaining: 449 });
      await cursors.set(key, second.cursor);

      const third = await poll(await cursors.get<NewestFirstCursor>(key));
      expect(third).toMatchObject({ reads: 0, truncated: false, cursor: { highWater: xId(30) } });
      expect(third.batch.mentions).toEqual([]);
    });

    it('stops at the read budget with a pending cursor, and the next poll takes the rest and nothing twice', async () => {
      x.pageSize = 10;
      x.posts = posts(1, 30);
      const limited = await poll({ highWater: xId(5) }, 20);
      expect(limited.batch.mentions.map((mention) => mention.externalId)).toEqual(ids(11, 30).reverse());
      expect(limited).toMatchObject({
        reads: 20,
        truncated: true,
        cursor: { highWater: xId(5), pending: { newest: xId(30) } },
      });
      const stored = JSON.parse(JSON.stringify(limited.cursor)) as NewestFirstCursor;

      const rest = await poll(stored, 100);
      expect(rest.batch.mentions.map((mention) => mention.externalId)).toEqual(ids(6, 10).reverse());
      expect(rest).toMatchObject({ truncated: false, cursor: { highWater: xId(30) } });
      expect(x.requestsTo(SEARCH).at(-1)?.query.get('next_token')).toBe(stored.pending?.page);
    });

    it('throws a 429 with when to retry and the rate limit, then loses nothing once it lifts', async () => {
      x.posts = posts(1, 5);
      x.fail(SEARCH, 429, { resetInSeconds: 2 });
      const limited = await poll({ highWater: xId(3) }).catch((error: unknown) => error);
      expect(limited).toBeInstanceOf(SourceHttpError);
      expect(limited).toMatchObject({ status: 429, retryable: true, rateLimit: { remaining: 0, limit: 450 } });
      const { retryAfterMs, message } = limited as SourceHttpError;
      expect(retryAfterMs).toBeGreaterThan(1_000);
      expect(retryAfterMs).toBeLessThanOrEqual(3_000);
      expect(message).toMatch(/search\/recent answered HTTP 429/);
      expect(message).not.toContain(APP_TOKEN);

      const recovered = await poll({ highWater: xId(3) });
      expect(recovered.batch.mentions.map((mention) => mention.externalId)).toEqual([xId(5), xId(4)]);
    });

    it('returns what came before a 429 on a later page, and resumes on that page', async () => {
      x.pageSize = 10;
      x.posts = posts(1, 30);
      x.fail(SEARCH, 429, { after: 1 });
      const partial = await poll({ highWater: xId(5) });
      expect(partial.batch.mentions.map((mention) => mention.externalId)).toEqual(ids(21, 30).reverse());
      expect(partial).toMatchObject({ truncated: true, stoppedBy: { status: 429 }, rateLimit: { remaining: 0 } });

      const rest = await poll(partial.cursor);
      expect(rest.batch.mentions.map((mention) => mention.externalId)).toEqual(ids(6, 20).reverse());
      expect(rest.cursor).toEqual({ highWater: xId(30) });
    });

    it('sets a malformed post aside with its reason and keeps the rest', async () => {
      x.posts = posts(1, 3);
      x.insertMalformedPost(4);
      x.posts.push(anXPost(5, { author_id: '1002' }));
      const result = await poll(null);
      expect(result.batch.mentions.map((mention) => mention.externalId)).toEqual([xId(5), xId(3), xId(2), xId(1)]);
      expect(result.batch.mentions[0]?.author).toMatchObject({ handle: 'lee', verified: true });
      expect(result.batch.rejected).toEqual([
        expect.objectContaining({
          reason: expect.stringMatching(/createdAt|text/),
          input: expect.objectContaining({ id: xId(4) }),
        }),
      ]);
      expect(result.reads).toBe(5);
    });
  });

  describe('filtered stream', () => {
    it('syncs rules with the saved queries: keeps what is right, deletes stale and changed rules, adds the rest', async () => {
      const kept = aQuery('q-kept', 'skylark');
      const changed = aQuery('q-changed', 'skylark strike');
      const added = aQuery('q-added', '#skylarkair');
      x.rules = [
        { id: 'r1', value: 'skylark', tag: 'q-kept' },
        { id: 'r2', value: 'skylark walkout', tag: 'q-changed' },
        { id: 'r3', value: 'old campaign', tag: 'q-deleted' },
      ];
      const changes = await syncStreamRules(app, wantedStreamRules([kept, changed, added]));
      expect(changes).toEqual({
        deleteIds: ['r2', 'r3'],
        add: [
          { value: 'skylark strike', tag: 'q-changed' },
          { value: '#skylarkair', tag: 'q-added' },
        ],
      });
      const updates = x.requestsTo(RULES).filter((request) => request.method === 'POST');
      expect(updates.map((request) => request.body)).toEqual([
        { delete: { ids: ['r2', 'r3'] } },
        {
          add: [
            { value: 'skylark strike', tag: 'q-changed' },
            { value: '#skylarkair', tag: 'q-added' },
          ],
        },
      ]);
      expect(x.rules.map((rule) => [rule.tag, rule.value]).sort()).toEqual([
        ['q-added', '#skylarkair'],
        ['q-changed', 'skylark strike'],
        ['q-kept', 'skylark'],
      ]);

      await syncStreamRules(app, wantedStreamRules([kept, changed, added]));
      expect(x.requestsTo(RULES).filter((request) => request.method === 'POST')).toHaveLength(2);
    });

    it('reconnects after a cut with backfill_minutes, delivers every post once, and resumes after a restart', async () => {
      const key = 'x:stream';
      x.heartbeatMs = 50;
      x.streamQueue = posts(1, 6).map((post) => ({ post, tag: query.id }));
      x.cutStreamAfterLines = 3;
      const stream = new XFilteredStream({
        client: app,
        source: 'x-stream',
        baseDelayMs: 10,
        maxDelayMs: 50,
        idleTimeoutMs: 2_000,
      });

      const firstRun = await collect(stream, null, 6);
      expect(firstRun.delivered).toEqual(ids(1, 6));
      expect(firstRun.statuses.filter((status) => status.state === 'connected')).toHaveLength(2);
      const connections = x.requestsTo(STREAM);
      expect(connections.map((request) => request.query.get('backfill_minutes'))).toEqual([null, '1']);
      expect(connections[0]?.query.get('tweet.fields')).toContain('created_at');
      expect(firstRun.mentions[0]).toMatchObject({ source: 'x-stream', author: { handle: 'dana' } });
      expect(firstRun.mentions[0]?.raw).toMatchObject({ matching_rules: [{ tag: query.id }] });
      expect(x.rules).toEqual([expect.objectContaining({ value: 'skylark (bag OR luggage)', tag: query.id })]);
      await cursors.set(key, firstRun.cursor);

      // A restart: the stored cursor asks for a backfill, which replays 1–6 before the new post.
      x.streamQueue = [{ post: anXPost(7), tag: query.id }];
      const restart = await collect(stream, await cursors.get<XStreamCursor>(key), 1);
      expect(x.requestsTo(STREAM).at(-1)?.query.get('backfill_minutes')).toBe('1');
      expect(restart.delivered).toEqual([xId(7)]);
    });

    it('waits out a rate limit and an outage on connect, then connects', async () => {
      x.fail(STREAM, 429, { resetInSeconds: 0 });
      x.fail(STREAM, 503);
      x.streamQueue = [{ post: anXPost(1), tag: query.id }];
      const stream = new XFilteredStream({ client: app, baseDelayMs: 10, maxDelayMs: 50 });
      const run = await collect(stream, null, 1);
      expect(run.delivered).toEqual([xId(1)]);
      expect(run.statuses.map((status) => status.state)).toEqual([
        'rate-limited',
        'disconnected',
        'disconnected',
        'connected',
      ]);
      expect(run.statuses[0]).toMatchObject({ rateLimit: { remaining: 0, limit: 450 } });
      expect(run.statuses[1]).toMatchObject({
        reason: expect.stringMatching(/HTTP 429/),
        retryInMs: expect.any(Number),
      });
      expect((run.statuses[1] as { retryInMs: number }).retryInMs).toBeLessThanOrEqual(1_000);
      expect(run.statuses[2]).toMatchObject({ reason: expect.stringMatching(/HTTP 503/) });
    });

    it('stops with a clear, non-retryable error when X refuses the stream credentials', async () => {
      x.fail(STREAM, 401, { times: 10 });
      const statuses: StreamStatus[] = [];
      const stream = new XFilteredStream({ client: app, baseDelayMs: 10 });
      const error = await stream
        .run({
          queries: [query],
          cursor: null,
          signal: new AbortController().signal,
          onItems: () => Promise.resolve(),
          onStatus: (status) => statuses.push(status),
        })
        .catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(SourceHttpError);
      expect(error).toMatchObject({ status: 401, retryable: false, kind: 'credentials' });
      expect((error as Error).message).toMatch(/search\/stream answered HTTP 401: Unauthorized \(check the X token/);
      expect((error as Error).message).not.toContain(APP_TOKEN);
      expect(statuses).toEqual([]);
      expect(x.requestsTo(STREAM)).toHaveLength(1);
    });
  });

  it('posts a reply as the brand, in reply to the post it answers', async () => {
    const sender = new XReplySender({ client: createXUserClient('user-access-token', { baseUrl: x.url, agent }) });
    const sent = await sender.reply(
      { externalId: xId(5), url: `https://x.com/dana/status/${xId(5)}`, authorHandle: 'dana' },
      'Sorry Dana, DM us your booking reference.',
      new AbortController().signal,
    );
    expect(x.postedTweets).toEqual([
      { id: sent.externalId, text: 'Sorry Dana, DM us your booking reference.', inReplyTo: xId(5) },
    ]);
    expect(sent.url).toBe(`https://x.com/SkylarkAir/status/${sent.externalId}`);
    expect(x.requestsTo('/2/tweets')[0]?.authorization).toBe('Bearer user-access-token');
  });

  /** Runs the stream until `count` new posts were delivered and the stream has gone quiet after them. */
  async function collect(stream: XFilteredStream, cursor: XStreamCursor | null, count: number) {
    const controller = new AbortController();
    const delivered: string[] = [];
    const mentions: Mention[] = [];
    const statuses: StreamStatus[] = [];
    let last: XStreamCursor = cursor ?? {};
    const run = stream.run({
      queries: [query],
      cursor,
      signal: controller.signal,
      onItems: (batch, next) => {
        delivered.push(...batch.mentions.map((mention) => mention.externalId));
        mentions.push(...batch.mentions);
        last = next;
        // Two heartbeats after the last expected post, replays would have shown up.
        if (delivered.length >= count) setTimeout(() => controller.abort(), 120);
        return Promise.resolve();
      },
      onStatus: (status) => statuses.push(status),
    });
    // A stream that never delivers fails its assertions instead of hanging the file.
    const guard = setTimeout(() => controller.abort(), 4_000);
    await run.finally(() => clearTimeout(guard));
    return { delivered, mentions, statuses, cursor: last };
  }
});
