import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SecretBox } from '@watchfloor/access';
import { FakeRedditServer } from '../../libs/sources/test/fakes/reddit.server';
import { XApiServer } from '../../libs/sources/test/fakes/x-api.server';
import { FakeJetstreamServer } from '../../libs/sources/test/fakes/bluesky.server';
import { anXPost } from '../../libs/sources/test/fakes/x-api.fixtures';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

type Json = Record<string, unknown> & { problems?: string[] };
interface SourceJson {
  id: string;
  name: string;
  state: string;
  health: Record<string, unknown> | null;
}

const PASSWORD = 'a long enough password';
const X_TOKEN = 'x-bearer-token-that-must-never-leak';

describe('listening through configured sources, with the built api and worker', () => {
  const reddit = new FakeRedditServer();
  const x = new XApiServer();
  const jetstream = new FakeJetstreamServer();
  const logs: string[] = [];
  let testSystem: TestSystem;
  let token: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${testSystem.system.apiUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    // Answers are read as the loose JSON they are; each test says what it expects of them.
    return { status: response.status, text, body: (text === '' ? null : JSON.parse(text)) as Json };
  };
  const storedIds = async (platform: string): Promise<string[]> =>
    (
      await testSystem.dataSource.query<{ external_id: string }[]>(
        `SELECT external_id FROM mention WHERE platform = $1 ORDER BY external_id`,
        [platform],
      )
    ).map((row) => row.external_id);
  const sourcesNow = async () => (await call('GET', '/sources')).body as unknown as SourceJson[];
  const sourceNamed = async (name: string) => (await sourcesNow()).find((source) => source.name === name);

  beforeAll(async () => {
    await Promise.all([reddit.start(), x.start(), jetstream.start()]);
    const logFile = new PassThrough();
    logFile.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    testSystem = await startTestSystem({
      logFile,
      env: {
        LOG_LEVEL: 'debug',
        // A killed worker's stream is taken over after this long, not the default 30 s.
        WORKER_LOCK_MS: '2000',
        WATCHFLOOR_SECRET_KEY: SecretBox.generateKey(),
        // The fakes stand in for the official hosts, which sources are otherwise pinned to.
        SOURCE_ENDPOINT_OVERRIDES: [reddit.url, reddit.authUrl, x.url, jetstream.url]
          .map((url) => new URL(url).origin)
          .join(','),
        // The worker trusts the fake X server's self-signed certificate, as it would a proxy's CA.
        NODE_EXTRA_CA_CERTS: join(__dirname, '../../libs/sources/test/fakes/tls/cert.pem'),
      },
    });
    await testSystem.addUser({ email: 'ada@example.com', role: 'admin', password: PASSWORD });
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
    });
    token = ((await login.json()) as { token: string }).token;
    expect((await call('POST', '/queries', { name: 'Brand', text: 'skylark' })).status).toBe(201);
  });

  afterAll(async () => {
    await testSystem?.stop();
    await Promise.all([reddit.stop(), x.stop(), jetstream.stop()]);
  });

  it('polls a Reddit search for the saved query, keeps what the query matches, and reports health', async () => {
    const minute = Math.floor(Date.now() / 1000) - 60;
    reddit.posts = [
      { id: 'a1', title: 'Skylark lost my bag', createdUtc: minute },
      { id: 'a2', title: 'Cooking with lentils', createdUtc: minute },
      { id: 'a0', title: 'Skylark post without a date', malformed: true },
    ];
    const created = await call('POST', '/sources', {
      name: 'Reddit',
      kind: 'reddit-search',
      settings: { apiUrl: reddit.url, authUrl: reddit.authUrl },
      credentials: { clientId: reddit.clientId, clientSecret: reddit.clientSecret },
      pollSeconds: 15,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ platform: 'reddit', credentialFields: ['clientId', 'clientSecret'] });
    expect(created.text).not.toContain(reddit.clientSecret);

    // The schedule's first poll runs at once: the post the query matches arrives, the other does not.
    await waitFor('the Reddit post', async () => ((await storedIds('reddit')).length > 0 ? true : undefined));
    expect(await storedIds('reddit')).toEqual(['t3_a1']);
    // Tagged with the query it matches, for share of voice.
    const [tags] = await testSystem.dataSource.query<{ query_ids: string[] }[]>(
      `SELECT query_ids FROM mention WHERE external_id = 't3_a1'`,
    );
    const queries = (await call('GET', '/queries')).body as unknown as { id: string }[];
    expect(tags!.query_ids).toEqual([queries[0]!.id]);
    const deadLetters = await testSystem.dataSource.query<{ reason: string }[]>(`SELECT reason FROM dead_letter`);
    expect(deadLetters).toHaveLength(1);

    const source = await waitFor('health', async () => {
      const found = await sourceNamed('Reddit');
      return found?.state === 'ok' ? found : undefined;
    });
    expect(source.health).toMatchObject({
      readsThisMonth: 3,
      lastError: null,
      rateLimit: { remaining: expect.any(Number) },
    });
    const health = (await (await fetch(`${testSystem.system.apiUrl}/api/health`)).json()) as {
      details: { sources: { sources: unknown[] } };
    };
    expect(health.details.sources.sources).toEqual([
      expect.objectContaining({ name: 'Reddit', platform: 'reddit', state: 'ok', lagSeconds: expect.any(Number) }),
    ]);

    const [row] = await testSystem.dataSource.query<{ credentials_sealed: string }[]>(
      `SELECT credentials_sealed FROM source WHERE name = 'Reddit'`,
    );
    expect(row!.credentials_sealed).toMatch(/^v2:/);
    expect(row!.credentials_sealed).not.toContain(reddit.clientSecret);
  });

  it('resumes from its stored cursor after the worker restarts: the new post once, the old ones never again', async () => {
    await testSystem.system.stopWorker();
    const searchesBefore = reddit.searchRequests().length;
    reddit.posts.push({ id: 'a3', title: 'Skylark refund at last', createdUtc: Math.floor(Date.now() / 1000) });
    testSystem.system.startWorker();
    expect((await call('POST', `/sources/${(await sourceNamed('Reddit'))!.id}/poll`)).status).toBe(202);

    await waitFor('the new post', async () => ((await storedIds('reddit')).includes('t3_a3') ? true : undefined));
    expect(await storedIds('reddit')).toEqual(['t3_a1', 't3_a3']);
    // It asked from the top and stopped at the newest post it had taken before.
    const after = reddit.searchRequests().slice(searchesBefore);
    expect(after.every((request) => request.query['after'] === undefined)).toBe(true);
    const deadLetters = await testSystem.dataSource.query(`SELECT 1 FROM dead_letter`);
    expect(deadLetters).toHaveLength(1);
  });

  it('gives a refused token a clear error on the source, keeps the worker running, and never logs the token', async () => {
    x.acceptedTokens = ['another token'];
    x.posts = [anXPost(1)];
    const created = await call('POST', '/sources', {
      name: 'X',
      kind: 'twitter-search',
      settings: { apiUrl: x.url },
      credentials: { bearerToken: X_TOKEN },
      pollSeconds: 15,
    });
    expect(created.status).toBe(201);
    expect(created.text).not.toContain(X_TOKEN);

    const failing = await waitFor('the refused token', async () => {
      const found = await sourceNamed('X');
      return found?.state === 'error' ? found : undefined;
    });
    expect(failing.health).toMatchObject({ lastErrorKind: 'credentials', lastError: expect.stringMatching(/401/) });

    // The worker stays up: the Reddit source keeps being polled on demand.
    const reddits = reddit.searchRequests().length;
    await call('POST', `/sources/${(await sourceNamed('Reddit'))!.id}/poll`);
    await waitFor('another Reddit poll', () =>
      Promise.resolve(reddit.searchRequests().length > reddits ? true : undefined),
    );

    // With the right token, the same source recovers by itself on its next poll.
    x.acceptedTokens = [X_TOKEN];
    await call('POST', `/sources/${failing.id}/poll`);
    await waitFor('the X post', async () => ((await storedIds('twitter')).length > 0 ? true : undefined));
    expect((await sourceNamed('X'))?.state).toBe('ok');

    const everything = logs.join('');
    expect(everything).toContain('watchfloor-worker');
    expect(everything).not.toContain(X_TOKEN);
    expect(everything).not.toContain(reddit.clientSecret);
  });

  it('streams the Jetstream firehose, and after the worker is killed resumes from its cursor: nothing lost, nothing twice', async () => {
    const created = await call('POST', '/sources', {
      name: 'Firehose',
      kind: 'bluesky-jetstream',
      settings: { jetstreamUrl: jetstream.url },
    });
    expect(created.status).toBe(201);
    await waitFor('the stream to connect', () => Promise.resolve(jetstream.connections.length > 0 ? true : undefined));
    for (const [rkey, text] of [
      ['p1', 'Skylark lounge is lovely'],
      ['p2', 'Cats are great'],
      ['p3', 'Skylark delayed again'],
    ]) {
      jetstream.publish(jetstream.post('did:plc:dana', rkey!, text!));
    }
    const bluesky = async () => (await storedIds('bluesky')).map((uri) => uri.split('/').pop()).sort();
    await waitFor('the streamed posts', async () => ((await bluesky()).length === 2 ? true : undefined));
    expect(await bluesky()).toEqual(['p1', 'p3']);

    // Killed mid-stream: posts made while nobody listens wait in the firehose.
    await testSystem.system.killWorker();
    jetstream.post('did:plc:lee', 'p4', 'Skylark refund came through');
    jetstream.post('did:plc:lee', 'p5', 'Nothing to see here');
    testSystem.system.startWorker();
    await waitFor('the missed post', async () => ((await bluesky()).includes('p4') ? true : undefined), 60_000);
    jetstream.publish(jetstream.post('did:plc:dana', 'p6', 'Skylark back on time'));
    await waitFor('the live post', async () => ((await bluesky()).includes('p6') ? true : undefined));
    expect(await bluesky()).toEqual(['p1', 'p3', 'p4', 'p6']);
    // The second connection resumed from the stored cursor instead of starting from now.
    expect(jetstream.connections.at(-1)!.cursor).not.toBeNull();
    expect((await sourceNamed('Firehose'))?.state).toBe('ok');
  });

  it('pins endpoints to official hosts over https, and drops stored credentials rather than send them to a new host', async () => {
    const offHost = await call('POST', '/sources', {
      name: 'Elsewhere',
      kind: 'twitter-search',
      settings: { apiUrl: 'https://api.example.com' },
      credentials: { bearerToken: 'AAAA' },
    });
    expect(offHost.status).toBe(400);
    expect(offHost.body.problems).toEqual([
      'settings.apiUrl: api.example.com is not an official host (api.x.com, api.twitter.com): leave it out, or name https://api.example.com in SOURCE_ENDPOINT_OVERRIDES',
    ]);
    const plainHttp = await call('POST', '/sources', {
      name: 'Plain',
      kind: 'mastodon-hashtag',
      settings: { instanceUrl: 'http://mastodon.example' },
    });
    expect(plainHttp.status).toBe(400);
    expect(plainHttp.body.problems).toEqual([expect.stringMatching(/^settings.instanceUrl: must be a https:\/\/ URL/)]);

    const created = await call('POST', '/sources', {
      name: 'Instance',
      kind: 'mastodon-search',
      settings: { instanceUrl: 'https://mastodon.example' },
      credentials: { accessToken: 'instance-token' },
      enabled: false,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const moved = await call('PATCH', `/sources/${id}`, { settings: { instanceUrl: 'https://other.example' } });
    expect(moved.status).toBe(409);
    expect(moved.text).toContain('instanceUrl: https://mastodon.example → https://other.example');
    expect(moved.text).toContain('Give the credentials again in the same request');
    const withNew = await call('PATCH', `/sources/${id}`, {
      settings: { instanceUrl: 'https://other.example' },
      credentials: { accessToken: 'other-token' },
    });
    expect(withNew.status).toBe(200);

    expect((await call('DELETE', `/sources/${id}`)).status).toBe(204);
  });

  it('refuses settings and credentials that do not fit the kind, naming each field', async () => {
    const bad = await call('POST', '/sources', {
      name: 'Broken',
      kind: 'twitter-search',
      settings: { apiUrl: 'not a url' },
      credentials: { bearerToken: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual(['settings.apiUrl: must be an http(s) URL']);
    const noCredentials = await call('POST', '/sources', { name: 'Broken', kind: 'twitter-search' });
    expect(noCredentials.body.problems).toEqual(['credentials: X recent search needs credentials']);
    const duplicate = await call('POST', '/sources', {
      name: 'Reddit',
      kind: 'rss-feed',
      settings: { feedUrl: 'https://example.com/feed' },
    });
    expect(duplicate.status).toBe(409);
    expect((await call('GET', '/sources')).body).toHaveLength(3);
  });
});
