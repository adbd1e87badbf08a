import type { DataSource } from 'typeorm';
import { parseQuery } from '@watchfloor/listening';
import { SourceCursorRepository, createDataSource } from '@watchfloor/persistence';
import type { ConnectorQuery, PollResult, StreamStatus } from '../src/connectors/connector';
import { SourceHttpError } from '../src/connectors/source-http-error';
import { BlueskyJetstream, BlueskyReplySender, BlueskySearchPoller, BlueskySession } from '../src/connectors/bluesky';
import type { BlueskyJetstreamOptions, BlueskySearchCursor, JetstreamCursor } from '../src/connectors/bluesky';
import { createTestDatabase } from '../../../test/support/test-services';
import { FakeBlueskyServer, FakeJetstreamServer, postView, uriOf } from './fakes/bluesky.server';
import type { FakeBlueskyPost, JetstreamEvent } from './fakes/bluesky.server';

const signal = new AbortController().signal;

function aQuery(text: string): ConnectorQuery {
  return { id: `q-${text}`, text, node: parseQuery(text) };
}

async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 2_000) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const uris = (result: PollResult<BlueskySearchCursor>) => result.batch.mentions.map((mention) => mention.externalId);
const newestFirst = (posts: FakeBlueskyPost[]) => posts.map(uriOf).reverse();

describe('Bluesky search against a fake AppView and PDS', () => {
  const bluesky = new FakeBlueskyServer();
  let database: { url: string; drop: () => Promise<void> };
  let dataSource: DataSource;
  let cursors: SourceCursorRepository;

  const publicSearch = () => new BlueskySearchPoller({ appViewUrl: bluesky.url });
  const session = (appPassword = bluesky.appPassword) =>
    new BlueskySession({ identifier: bluesky.identifier, appPassword, serviceUrl: bluesky.url });

  beforeAll(async () => {
    await bluesky.start();
    database = await createTestDatabase();
    dataSource = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
    cursors = new SourceCursorRepository(dataSource);
  });

  afterAll(async () => {
    await bluesky.stop();
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(() => {
    bluesky.posts = [];
    bluesky.requests = [];
    bluesky.pageSize = 3;
    bluesky.rateLimited = undefined;
    bluesky.requireAuth = false;
  });

  it('pages down to the high-water mark with the cursor stored in PostgreSQL, then takes only new posts', async () => {
    const poller = publicSearch();
    const query = aQuery('skylark strike');
    const key = `bluesky:search:${query.id}`;
    const poll = async (maxReads = 100) => {
      const result = await poller.poll({
        query,
        cursor: await cursors.get<BlueskySearchCursor>(key),
        maxReads,
        signal,
      });
      await cursors.set(key, result.cursor);
      return result;
    };
    const older = ['one', 'two', 'three', 'four', 'five'].map((n) => bluesky.addPost(`Skylark strike day ${n}`));
    bluesky.addPost('Unrelated weather');

    const first = await poll();
    expect(uris(first)).toEqual(newestFirst(older.slice(-3)));
    expect(first).toMatchObject({ reads: 3, truncated: false, rateLimit: { limit: 3000, remaining: 2999 } });
    expect(Object.fromEntries(bluesky.requestsTo('app.bsky.feed.searchPosts')[0]!.params)).toEqual({
      q: 'skylark strike',
      sort: 'latest',
      limit: '100',
    });

    const newer = Array.from({ length: 7 }, (_, n) => bluesky.addPost(`Skylark strike, hour ${n}`));
    const second = await poll();
    expect(uris(second)).toEqual(newestFirst(newer));
    // `since` ends the results at the mark: 7 new and the mark itself, in pages of 3.
    expect(second).toMatchObject({ reads: 8, truncated: false });
    const paged = bluesky.requestsTo('app.bsky.feed.searchPosts').slice(1);
    expect(paged.map((request) => request.params.get('since'))).toEqual(Array(3).fill(older[4]!.createdAt));
    expect(paged.map((request) => request.params.has('cursor'))).toEqual([false, true, true]);

    const third = await poll();
    expect(third).toMatchObject({ reads: 1, truncated: false, batch: { mentions: [], rejected: [] } });
  });

  it('makes one search per alternative, keeps a post found twice once, and starts changed searches fresh', async () => {
    const poller = publicSearch();
    const query = aQuery('(skylark OR nimbus) strike');
    const both = bluesky.addPost('Skylark and Nimbus strike together');
    const skylark = bluesky.addPost('Skylark strike vote');
    const nimbus = bluesky.addPost('Nimbus strike vote');
    const stale = { searches: { 'skylark walkout': { highWater: 'x' } } };

    const result = await poller.poll({ query, cursor: stale, maxReads: 100, signal });
    expect(uris(result).sort()).toEqual([both, skylark, nimbus].map(uriOf).sort());
    expect(Object.keys(result.cursor.searches).sort()).toEqual(['nimbus strike', 'skylark strike']);
    expect(bluesky.requestsTo('app.bsky.feed.searchPosts').map((request) => request.params.get('q'))).toEqual([
      'skylark strike',
      'nimbus strike',
    ]);
  });

  it('shares maxReads among the searches and continues next poll where it stopped, losing and doubling nothing', async () => {
    const poller = publicSearch();
    const query = aQuery('(skylark OR nimbus) strike');
    bluesky.addPost('Skylark strike start');
    bluesky.addPost('Nimbus strike start');
    let cursor = (await poller.poll({ query, cursor: null, maxReads: 100, signal })).cursor;
    const burst = Array.from({ length: 12 }, (_, n) =>
      bluesky.addPost(`${n % 2 === 0 ? 'Skylark' : 'Nimbus'} strike ${n}`),
    );

    const taken: string[] = [];
    const asked = bluesky.requestsTo('app.bsky.feed.searchPosts').length;
    let polls = 0;
    let truncatedOnce = false;
    for (;;) {
      const result = await poller.poll({
        query,
        cursor: JSON.parse(JSON.stringify(cursor)) as BlueskySearchCursor,
        maxReads: 4,
        signal,
      });
      taken.push(...uris(result));
      truncatedOnce ||= result.truncated;
      cursor = result.cursor;
      // The first poll's budget is shared: the second search is asked too, not starved by the first.
      if (polls === 0) {
        const searched = bluesky.requestsTo('app.bsky.feed.searchPosts').slice(asked);
        expect(new Set(searched.map((request) => request.params.get('q')))).toEqual(
          new Set(['skylark strike', 'nimbus strike']),
        );
      }
      polls++;
      if (!result.truncated || polls > 10) break;
    }
    expect(truncatedOnce).toBe(true);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.sort()).toEqual(burst.map(uriOf).sort());
  });

  it('reports a rate limit with when it resets, and the next poll gets everything', async () => {
    const poller = publicSearch();
    const query = aQuery('skylark');
    bluesky.addPost('Skylark start');
    const start = await poller.poll({ query, cursor: null, maxReads: 100, signal });
    const waiting = Array.from({ length: 5 }, (_, n) => bluesky.addPost(`Skylark news ${n}`));

    bluesky.rateLimited = { times: 1, resetSeconds: 120 };
    const error = await poller.poll({ query, cursor: start.cursor, maxReads: 100, signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceHttpError);
    expect(error).toMatchObject({ status: 429, rateLimit: { limit: 3000, remaining: 0 } });
    expect((error as SourceHttpError).retryAfterMs).toBeGreaterThan(100_000);
    expect((error as SourceHttpError).retryAfterMs).toBeLessThanOrEqual(120_000);

    bluesky.rateLimited = { times: 1, afterSearches: 1, resetSeconds: 120 };
    const partial = await poller.poll({ query, cursor: start.cursor, maxReads: 100, signal });
    expect(partial).toMatchObject({ truncated: true, reads: 3, stoppedBy: expect.any(SourceHttpError) });
    const recovered = await poller.poll({ query, cursor: partial.cursor, maxReads: 100, signal });
    expect([...uris(partial), ...uris(recovered)].sort()).toEqual(waiting.map(uriOf).sort());
  });

  it('sets a malformed post aside with its reason and keeps the rest', async () => {
    const good = bluesky.addPost('Skylark one');
    bluesky.addPost('Skylark broken', { malformed: true });
    const last = bluesky.addPost('Skylark three');
    const result = await publicSearch().poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal });
    expect(uris(result)).toEqual([uriOf(last), uriOf(good)]);
    expect(result.batch.rejected).toEqual([
      expect.objectContaining({ index: 1, reason: expect.stringContaining('text') }),
    ]);
  });

  it('logs in once, searches through the PDS, refreshes an expired token, and explains a refused login', async () => {
    bluesky.requireAuth = true;
    bluesky.addPost('Skylark signed in');
    await expect(
      publicSearch().poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal }),
    ).rejects.toMatchObject({
      status: 403,
    });

    const poller = new BlueskySearchPoller({ session: session() });
    expect(uris(await poller.poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal }))).toHaveLength(1);
    bluesky.expireAccessTokens();
    expect(uris(await poller.poll({ query: aQuery('signed'), cursor: null, maxReads: 100, signal }))).toHaveLength(1);
    expect(bluesky.requestsTo('com.atproto.server.createSession')).toHaveLength(1);
    expect(bluesky.requestsTo('com.atproto.server.refreshSession')).toHaveLength(1);
    expect(bluesky.requestsTo('app.bsky.feed.searchPosts').at(-1)!.authorization).toBe('Bearer access-2');

    const refused = new BlueskySearchPoller({ session: session('wrong-password') });
    const error = await refused
      .poll({ query: aQuery('skylark'), cursor: null, maxReads: 100, signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, kind: 'credentials' });
    expect((error as Error).message).toMatch(/check the handle and the app password/);
    expect((error as Error).message).not.toContain('wrong-password');
  });

  it('replies in the thread: root kept from a parent that is itself a reply, else the parent is the root', async () => {
    const sender = new BlueskyReplySender(session());
    const opener = bluesky.addPost('Skylark strike: anyone know more?');
    const openerRef = { uri: uriOf(opener), cid: postView(opener)['cid'] as string };
    const answer = bluesky.addPost('Flights cancelled', { reply: { root: openerRef, parent: openerRef } });
    const target = (post: FakeBlueskyPost) => ({
      externalId: uriOf(post),
      url: 'https://bsky.app/x',
      authorHandle: post.handle,
    });

    const sent = await sender.reply(target(answer), 'We are sorry: refunds are open.', signal);
    expect(sent).toEqual({
      externalId: `at://${bluesky.did}/app.bsky.feed.post/3lreply1`,
      url: `https://bsky.app/profile/${bluesky.identifier}/post/3lreply1`,
    });
    const answerRef = { uri: uriOf(answer), cid: postView(answer)['cid'] };
    expect(bluesky.created[0]!.record).toEqual({
      $type: 'app.bsky.feed.post',
      text: 'We are sorry: refunds are open.',
      createdAt: expect.any(String),
      reply: { root: openerRef, parent: answerRef },
    });

    await sender.reply(target(opener), 'Details here soon.', signal);
    expect(bluesky.created[1]!.record['reply']).toEqual({ root: openerRef, parent: openerRef });

    const gone = { ...opener, rkey: 'deleted' };
    await expect(sender.reply(target(gone), 'Hello', signal)).rejects.toMatchObject({ status: 404 });
    await expect(sender.reply(target(opener), 'x'.repeat(301), signal)).rejects.toThrow(/at most 300/);
  });
});

describe('Bluesky Jetstream against a fake Jetstream', () => {
  const jetstream = new FakeJetstreamServer();
  const queries = [aQuery('skylark strike'), aQuery('#nimbus')];
  const fastReconnects: BlueskyJetstreamOptions = { baseDelayMs: 5, maxDelayMs: 20, rewindMs: 2 };

  beforeAll(() => jetstream.start());
  afterAll(() => jetstream.stop());
  beforeEach(() => {
    jetstream.events = [];
    jetstream.connections = [];
    jetstream.cutAfter = undefined;
    jetstream.refuseWith = undefined;
  });

  /** Runs the connector until `until` holds of what was handed on, then stops it. */
  async function runUntil(
    options: BlueskyJetstreamOptions,
    cursor: JetstreamCursor | null,
    until: (handed: { uris: string[]; cursors: JetstreamCursor[] }) => boolean,
  ) {
    const controller = new AbortController();
    const handed = { uris: [] as string[], cursors: [] as JetstreamCursor[], statuses: [] as StreamStatus[] };
    const timeout = setTimeout(() => controller.abort(), 5_000);
    await new BlueskyJetstream({ jetstreamUrl: jetstream.url, ...options }).run({
      queries,
      cursor,
      signal: controller.signal,
      onStatus: (status) => handed.statuses.push(status),
      onItems: async (batch, next) => {
        handed.uris.push(...batch.mentions.map((mention) => mention.externalId));
        handed.cursors.push(next);
        if (until(handed)) controller.abort();
        await Promise.resolve();
      },
    });
    clearTimeout(timeout);
    return handed;
  }

  /** A mixed firehose: matches, non-matches, identity events, a deletion and a like. */
  function firehose(count: number, prefix: string): string[] {
    const matching: string[] = [];
    for (let n = 0; n < count; n++) {
      const did = `did:plc:user${n % 3}`;
      const rkey = `${prefix}${String(n).padStart(3, '0')}`;
      if (n % 4 === 0) {
        jetstream.post(did, rkey, `Skylark strike update ${n}`);
        matching.push(`at://${did}/app.bsky.feed.post/${rkey}`);
      } else if (n % 4 === 1) {
        jetstream.post(did, rkey, `Clouds over #Nimbus ${n}`);
        matching.push(`at://${did}/app.bsky.feed.post/${rkey}`);
      } else if (n % 8 === 2) jetstream.identity(did, `user${n}.bsky.social`);
      else if (n % 8 === 6) jetstream.deletion(did, rkey);
      else if (n % 8 === 7) jetstream.like(did, rkey);
      else jetstream.post(did, rkey, `Strike elsewhere, no skylark ${n}`.replace('skylark', 'lark'));
    }
    return matching;
  }

  it('hands on only matching posts, and after cuts reconnects with a rewound cursor: complete and each once', async () => {
    const expected = firehose(24, 'a');
    jetstream.cutAfter = 7;
    const first = jetstream.events[0]!.time_us;
    const handed = await runUntil(fastReconnects, { timeUs: first }, (seen) => seen.uris.length >= expected.length);

    expect(handed.uris).toEqual(expected);
    expect(jetstream.connections.length).toBeGreaterThan(3);
    expect(jetstream.connections[0]).toEqual({
      cursor: String(first - 2_000),
      wantedCollections: ['app.bsky.feed.post'],
    });
    // Each reconnection starts 2 ms before the last event it read (likes are never sent: not wanted).
    const sent = jetstream.events.filter(
      (event) => (event['commit'] as { collection?: string } | undefined)?.collection !== 'app.bsky.feed.like',
    );
    const lastOfFirstConnection = sent[6]!.time_us;
    expect(jetstream.connections[1]!.cursor).toBe(String(lastOfFirstConnection - 2_000));
    expect(handed.statuses).toContainEqual(expect.objectContaining({ state: 'disconnected' }));
    expect(handed.cursors.at(-1)!.timeUs).toBeGreaterThan(first);
  });

  it('restarts from a stored cursor and replays what it missed while down', async () => {
    const before = firehose(8, 'b');
    const firstRun = await runUntil(
      fastReconnects,
      { timeUs: jetstream.events[0]!.time_us },
      (seen) => seen.uris.length >= before.length,
    );
    expect(firstRun.uris).toEqual(before);
    const stored = JSON.parse(JSON.stringify(firstRun.cursors.at(-1))) as JetstreamCursor;

    const missed = firehose(8, 'c');
    const secondRun = await runUntil(fastReconnects, stored, (seen) => missed.every((uri) => seen.uris.includes(uri)));
    expect(jetstream.connections.at(-1)!.cursor).toBe(String(stored.timeUs! - 2_000));
    // The rewind may hand on again the posts of its 2 ms (the pipeline dedupes); nothing older.
    const rewound = jetstream.events
      .filter((event: JetstreamEvent) => event.time_us >= stored.timeUs! - 2_000 && event.time_us <= stored.timeUs!)
      .map(
        (event) => `at://${event.did}/app.bsky.feed.post/${(event['commit'] as { rkey?: string } | undefined)?.rkey}`,
      );
    expect(secondRun.uris.filter((uri) => !missed.includes(uri)).every((uri) => rewound.includes(uri))).toBe(true);
    expect(secondRun.uris.filter((uri) => missed.includes(uri))).toEqual(missed);
  });

  it('starts live without a cursor and hands on the cursor alone through a quiet spell', async () => {
    const controller = new AbortController();
    const handed: { mentions: number; cursor: JetstreamCursor }[] = [];
    const running = new BlueskyJetstream({ jetstreamUrl: jetstream.url, ...fastReconnects, checkpointMs: 0 }).run({
      queries,
      cursor: null,
      signal: controller.signal,
      onStatus: () => undefined,
      onItems: (batch, cursor) => {
        handed.push({ mentions: batch.mentions.length, cursor });
        if (handed.length === 2) controller.abort();
        return Promise.resolve();
      },
    });
    await eventually(() => jetstream.connections.length === 1);
    const quiet = [
      jetstream.post('did:plc:quiet', 'q1', 'Nothing to see'),
      jetstream.identity('did:plc:quiet', 'q.bsky.social'),
    ];
    quiet.forEach((event) => jetstream.publish(event));
    await running;
    expect(jetstream.connections[0]!.cursor).toBeNull();
    expect(handed).toEqual(quiet.map((event) => ({ mentions: 0, cursor: { timeUs: event.time_us } })));
  });

  it('gives up, with the status, when Jetstream refuses the subscription', async () => {
    jetstream.refuseWith = 400;
    await expect(
      new BlueskyJetstream({ jetstreamUrl: jetstream.url, ...fastReconnects }).run({
        queries,
        cursor: null,
        signal,
        onStatus: () => undefined,
        onItems: () => Promise.resolve(),
      }),
    ).rejects.toMatchObject({ status: 400, retryable: false });
  });
});
