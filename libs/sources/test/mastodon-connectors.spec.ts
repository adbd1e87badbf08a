import type { DataSource } from 'typeorm';
import type { Mention } from '@watchfloor/domain';
import { parseQuery } from '@watchfloor/listening';
import { SourceCursorRepository, createDataSource } from '@watchfloor/persistence';
import { SourceHttpError } from '@watchfloor/sources';
import type { ConnectorQuery, PollResult, StreamStatus } from '@watchfloor/sources';
import { MastodonPoller, MastodonReplySender, MastodonStream } from '../src/connectors/mastodon';
import type { MastodonCursor, MastodonPollerOptions, MastodonStreamCursor } from '../src/connectors/mastodon';
import { createTestDatabase } from '../../../test/support/test-services';
import { FakeMastodonServer } from './fakes/mastodon.server';

const TOKEN = 'brand-token';

function aQuery(text: string): ConnectorQuery {
  return { id: `q-${text}`, text, node: parseQuery(text) };
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const ids = (mentions: Mention[]) => mentions.map((mention) => mention.externalId);

describe('Mastodon connectors against a local instance', () => {
  let server: FakeMastodonServer;
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let cursors: SourceCursorRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
    cursors = new SourceCursorRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(async () => {
    server = new FakeMastodonServer();
    server.requiredToken = TOKEN;
    await server.start();
  });

  afterEach(() => server.stop());

  const poller = (options: Partial<MastodonPollerOptions> = {}) =>
    new MastodonPoller({
      instanceUrl: server.url,
      accessToken: TOKEN,
      source: 'mastodon',
      mode: 'hashtag',
      ...options,
    });
  const poll = (subject: MastodonPoller, cursor: MastodonCursor | null, maxReads = 1_000, query = '#skylark') =>
    subject.poll({ query: aQuery(query), cursor, maxReads, signal: AbortSignal.timeout(5_000) });

  describe('polling', () => {
    it('starts from now, then pages forward with min_id from a cursor stored in PostgreSQL, taking nothing twice', async () => {
      for (let index = 0; index < 45; index++) server.post({ text: `old ${index}`, tags: ['skylark'] });
      const hashtags = poller();
      const first = await poll(hashtags, await cursors.get<MastodonCursor>('mastodon:skylark'));
      // The newest page only: a new query does not spend its budget on the past.
      expect(first).toMatchObject({ reads: 40, truncated: false });
      await cursors.set('mastodon:skylark', first.cursor);

      const posted = Array.from({ length: 90 }, (_, index) => server.post({ text: `new ${index}`, tags: ['skylark'] }));
      server.post({ text: 'untagged', tags: ['other'] });
      const requestsBefore = server.requestsTo('/api/v1/timelines/tag/skylark').length;
      // A restart: the cursor comes back from the database.
      const second = await poll(hashtags, await cursors.get<MastodonCursor>('mastodon:skylark'));

      expect(new Set(ids(second.batch.mentions))).toEqual(new Set(posted.map((status) => status.id)));
      expect(second).toMatchObject({ reads: 90, truncated: false });
      const pages = server.requestsTo('/api/v1/timelines/tag/skylark').slice(requestsBefore);
      expect(pages.map((request) => request.query.get('min_id'))).toEqual([
        first.cursor.minIdByTimeline?.['#skylark'],
        posted[39]!.id,
        posted[79]!.id,
      ]);
      expect(pages.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
      expect(second.rateLimit).toEqual({ limit: 300, remaining: expect.any(Number), resetAt: expect.any(Number) });
      await cursors.set('mastodon:skylark', second.cursor);

      const third = await poll(hashtags, await cursors.get<MastodonCursor>('mastodon:skylark'));
      expect(third).toMatchObject({ reads: 0, truncated: false, batch: { mentions: [] } });
    });

    it('reads the tag timelines of every hashtag a query requires, with any[], and gives HTML as plain text', async () => {
      const hashtags = poller();
      const start = await poll(hashtags, null, 100, '(#skylark OR #lark) strike');
      const lark = server.post({ text: 'Delayed again & no info', tags: ['lark'] });
      const both = server.post({ text: 'Strike on both', tags: ['skylark', 'lark'] });
      server.post({ text: 'Unrelated', tags: ['weather'] });

      const next = await poll(hashtags, start.cursor, 100, '(#skylark OR #lark) strike');
      expect(ids(next.batch.mentions).sort()).toEqual([lark.id, both.id].sort());
      const request = server.requestsTo('/api/v1/timelines/tag/lark').at(-1)!;
      expect(request.query.getAll('any[]')).toEqual(['skylark']);
      expect(next.batch.mentions.find((mention) => mention.externalId === lark.id)).toMatchObject({
        platform: 'mastodon',
        text: 'Delayed again & no info #lark',
        author: { handle: 'dana@mastodon.social', name: 'Dana', followers: 88 },
        lang: 'en',
      });
      await expect(poll(hashtags, null, 100, 'skylark strike')).rejects.toThrow(
        /has no hashtag every match carries; use search or the public timeline/,
      );
    });

    it('stops at maxReads with a cursor that continues, losing nothing', async () => {
      const hashtags = poller();
      const start = await poll(hashtags, null);
      const posted = Array.from({ length: 50 }, (_, index) => server.post({ text: `${index}`, tags: ['skylark'] }));

      const limited = await poll(hashtags, start.cursor, 30);
      expect(limited).toMatchObject({ reads: 30, truncated: true });
      const rest = await poll(hashtags, JSON.parse(JSON.stringify(limited.cursor)) as MastodonCursor, 100);
      expect(rest).toMatchObject({ reads: 20, truncated: false });

      const taken = [...ids(limited.batch.mentions), ...ids(rest.batch.mentions)];
      expect(taken.sort()).toEqual(posted.map((status) => status.id).sort());
    });

    it('reports a rate limit with when it lifts, keeps pages read before one, and recovers on the next poll', async () => {
      const hashtags = poller();
      const start = await poll(hashtags, null);
      const posted = Array.from({ length: 45 }, (_, index) => server.post({ text: `${index}`, tags: ['skylark'] }));

      server.rateLimitNext(1, 2_000);
      const refused = await poll(hashtags, start.cursor).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SourceHttpError);
      expect(refused).toMatchObject({ status: 429, retryable: true, rateLimit: { remaining: 0 } });
      expect((refused as SourceHttpError).retryAfterMs).toBeGreaterThan(1_000);
      expect((refused as SourceHttpError).retryAfterMs).toBeLessThanOrEqual(2_000);

      // Limited after the first page: that page is kept and the cursor resumes right after it.
      server.rateLimitNext(1, 2_000, 1);
      const partial = await poll(hashtags, start.cursor);
      expect(partial).toMatchObject({ reads: 40, truncated: true, rateLimit: { remaining: 0 } });
      const recovered = await poll(hashtags, partial.cursor);
      expect([...ids(partial.batch.mentions), ...ids(recovered.batch.mentions)].sort()).toEqual(
        posted.map((status) => status.id).sort(),
      );
    });

    it('sets a malformed status aside with its reason and keeps the rest', async () => {
      const hashtags = poller();
      const start = await poll(hashtags, null);
      const good = server.post({ text: 'fine', tags: ['skylark'] });
      const bad = server.postMalformed(['skylark']);
      const after = server.post({ text: 'also fine', tags: ['skylark'] });

      const result = await poll(hashtags, start.cursor);
      expect(ids(result.batch.mentions).sort()).toEqual([good.id, after.id].sort());
      expect(result.batch.rejected).toEqual([
        expect.objectContaining({ reason: expect.stringMatching(/createdAt|url|handle/), input: bad }),
      ]);
      expect(result.cursor.minIdByTimeline?.['#skylark']).toBe(after.id);
    });

    it('searches each alternative of a query apart (no OR on Mastodon), newest first down to what it took', async () => {
      const search = poller({ mode: 'search' });
      const query = 'skylark (delay OR strike)';
      const start = await poll(search, null, 100, query);
      const delays = Array.from({ length: 50 }, (_, index) => server.post({ text: `Skylark delay ${index}` }));
      const both = server.post({ text: 'Skylark strike means delay' });
      server.post({ text: 'Skylark is fine' });

      const first = await poll(search, start.cursor, 30, query);
      expect(first).toMatchObject({ reads: 30, truncated: true });
      // Newer posts arrive between the polls: the results the next page holds move down the list.
      const later = [1, 2, 3].map((index) => server.post({ text: `Skylark delay later ${index}` }));
      const second = await poll(search, JSON.parse(JSON.stringify(first.cursor)) as MastodonCursor, 200, query);
      expect(second.truncated).toBe(false);
      const third = await poll(search, second.cursor, 200, query);

      const firstTwo = [...ids(first.batch.mentions), ...ids(second.batch.mentions)];
      expect(new Set(firstTwo)).toEqual(new Set([...delays, both].map((status) => status.id)));
      // The post matching both searches is the only one taken twice (once per search); ids key the pipeline's upserts.
      expect(firstTwo.length).toBe(delays.length + 2);
      expect(ids(third.batch.mentions).sort()).toEqual(later.map((status) => status.id).sort());

      const requests = server.requestsTo('/api/v2/search');
      expect(Object.fromEntries(requests.at(-1)!.query)).toMatchObject({
        q: 'skylark strike',
        type: 'statuses',
        resolve: 'false',
        min_id: both.id,
      });
      expect(requests.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
      expect(Object.keys(third.cursor.bySearch ?? {}).sort()).toEqual(['skylark delay', 'skylark strike']);
      expect(() => new MastodonPoller({ instanceUrl: server.url, source: 'mastodon', mode: 'search' })).toThrow(
        /access token .* read:search/,
      );
    });

    it("reads the brand account's mentions from notifications, paging on notification ids", async () => {
      const inbox = poller({ mode: 'notifications' });
      const start = await inbox.poll({ query: null, cursor: null, maxReads: 100, signal: AbortSignal.timeout(5_000) });
      const mention = server.mentionBrand({ text: '@brand my parcel is late' });
      server.post({ text: 'not for the brand' });

      const result = await inbox.poll({
        query: null,
        cursor: start.cursor,
        maxReads: 100,
        signal: AbortSignal.timeout(5_000),
      });
      expect(ids(result.batch.mentions)).toEqual([mention.id]);
      expect(result.cursor.minId).toBe('1001');
      expect(server.requestsTo('/api/v1/notifications').at(-1)!.query.getAll('types[]')).toEqual(['mention']);
    });

    it('reads the local public timeline with local=true', async () => {
      const timeline = poller({ mode: 'public', localOnly: true });
      const start: PollResult<MastodonCursor> = await timeline.poll({
        query: null,
        cursor: null,
        maxReads: 100,
        signal: AbortSignal.timeout(5_000),
      });
      const local = server.post({ text: 'here', local: true });
      server.post({ text: 'federated', local: false });

      const result = await timeline.poll({
        query: null,
        cursor: start.cursor,
        maxReads: 100,
        signal: AbortSignal.timeout(5_000),
      });
      expect(ids(result.batch.mentions)).toEqual([local.id]);
      expect(server.requestsTo('/api/v1/timelines/public').at(-1)!.query.get('local')).toBe('true');
    });
  });

  describe('streaming', () => {
    function startStream(
      queries: string[],
      cursor: MastodonStreamCursor | null,
      accessToken: string | undefined = TOKEN,
    ) {
      const controller = new AbortController();
      const received: Mention[] = [];
      const statuses: StreamStatus[] = [];
      const state: { cursor: MastodonStreamCursor | null } = { cursor };
      const stream = new MastodonStream({
        instanceUrl: server.url,
        ...(accessToken !== undefined && { accessToken }),
        source: 'mastodon',
        stream: 'hashtag',
        baseDelayMs: 20,
        maxDelayMs: 50,
      });
      const done = stream.run({
        queries: queries.map(aQuery),
        cursor,
        signal: controller.signal,
        onItems: (batch, next) => {
          received.push(...batch.mentions);
          state.cursor = next;
          return Promise.resolve();
        },
        onStatus: (status) => statuses.push(status),
      });
      const stop = async () => {
        controller.abort();
        await done;
      };
      return { received, statuses, state, done, stop };
    }

    it('delivers live, reconnects after a cut and catches up through the timeline, nothing missed or doubled', async () => {
      const stream = startStream(['#skylark'], null);
      await waitFor(() => server.requestsTo('/api/v1/timelines/tag/skylark').length === 1, 'the start position');
      server.cutStreamsAfter(3);
      // Posted during the catch-up after the reconnect: it comes both live and in the timeline.
      let duringCatchUp: { id: string } | undefined;
      server.beforeTimelineResponse = () => {
        server.beforeTimelineResponse = undefined;
        duringCatchUp = server.post({ text: 'during the catch-up', tags: ['skylark'] });
      };
      const beforeCut = [1, 2, 3, 4, 5].map((index) => server.post({ text: `status ${index}`, tags: ['skylark'] }));

      await waitFor(() => stream.received.length >= 6, 'the catch-up');
      const live = server.post({ text: 'after the reconnect', tags: ['skylark'] });
      await waitFor(() => stream.received.length >= 7, 'the live status');
      await stream.stop();

      const expected = [...beforeCut, duringCatchUp!, live].map((status) => status.id);
      expect(ids(stream.received).sort()).toEqual(expected.sort());
      expect(new Set(ids(stream.received)).size).toBe(stream.received.length);
      const catchUp = server.requestsTo('/api/v1/timelines/tag/skylark')[1]!;
      expect(catchUp.query.get('min_id')).toBe(beforeCut[2]!.id);
      expect(stream.statuses.map((status) => status.state)).toEqual(['connected', 'disconnected', 'connected']);
      expect(stream.state.cursor).toEqual({ newestIdByStream: { 'hashtag:skylark': live.id } });
      expect(stream.received[0]!.text).toBe('status 1 #skylark');
    });

    it('catches up from a cursor stored in PostgreSQL after a restart', async () => {
      const first = startStream(['#skylark'], null);
      await waitFor(
        () => server.openStreams === 1 && server.requestsTo('/api/v1/timelines/tag/skylark').length === 1,
        'the stream',
      );
      const seen = server.post({ text: 'seen', tags: ['skylark'] });
      await waitFor(() => first.received.length === 1, 'the first status');
      await first.stop();
      await cursors.set('mastodon-stream', first.state.cursor);

      const missed = [1, 2].map((index) => server.post({ text: `while stopped ${index}`, tags: ['skylark'] }));
      const restarted = startStream(['#skylark'], await cursors.get<MastodonStreamCursor>('mastodon-stream'));
      await waitFor(() => restarted.received.length === 2, 'the catch-up');
      await waitFor(() => server.openStreams === 1, 'the new connection');
      const live = server.post({ text: 'live again', tags: ['skylark'] });
      await waitFor(() => restarted.received.length === 3, 'the live status');
      await restarted.stop();

      expect(ids(restarted.received)).toEqual([...missed, live].map((status) => status.id));
      expect(ids(restarted.received)).not.toContain(seen.id);
    });

    it('follows each required hashtag of every query once, skipping queries without one', async () => {
      const stream = startStream(['#skylark OR #lark', 'strike delay'], null);
      await waitFor(
        () =>
          server.openStreams === 2 &&
          server.requests.filter((r) => r.path.startsWith('/api/v1/timelines/tag/')).length === 2,
        'both streams',
      );
      const both = server.post({ text: 'tagged twice', tags: ['skylark', 'lark'] });
      const lark = server.post({ text: 'lark only', tags: ['lark'] });
      await waitFor(() => stream.received.length >= 2, 'the statuses');
      await new Promise((resolve) => setTimeout(resolve, 50));
      await stream.stop();

      expect(ids(stream.received).sort()).toEqual([both.id, lark.id].sort());
      const streamed = server.requestsTo('/api/v1/streaming').map((request) => request.query.get('tag'));
      expect(streamed.sort()).toEqual(['lark', 'skylark']);
    });

    it('gives up with a clear error when the token is refused', async () => {
      const stream = startStream(['#skylark'], null, 'revoked');
      const error = await stream.done.catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(SourceHttpError);
      expect(error).toMatchObject({ status: 401, retryable: false, message: expect.stringMatching(/access token/) });
    });
  });

  it('replies with in_reply_to_id and an Idempotency-Key, so a retried reply is posted once', async () => {
    const original = server.post({ text: 'Where is my parcel?', tags: ['skylark'] });
    const sender = new MastodonReplySender({ instanceUrl: server.url, accessToken: TOKEN });
    const target = { externalId: original.id, url: String(original['url']), authorHandle: 'dana@mastodon.social' };

    const sent = await sender.reply(target, 'Sorry! We are on it.', AbortSignal.timeout(5_000));
    const retried = await sender.reply(target, 'Sorry! We are on it.', AbortSignal.timeout(5_000));

    expect(retried).toEqual(sent);
    expect(sent.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/@brand\/\d+$/);
    const requests = server.requestsTo('/api/v1/statuses');
    expect(requests[0]).toMatchObject({
      method: 'POST',
      authorization: `Bearer ${TOKEN}`,
      idempotencyKey: expect.stringMatching(/^watchfloor-/),
      body: { status: '@dana@mastodon.social Sorry! We are on it.', in_reply_to_id: original.id, visibility: 'public' },
    });
    expect(requests[1]!.idempotencyKey).toBe(requests[0]!.idempotencyKey);
  });
});
