import Redis from 'ioredis';
import { LiveEvent } from '@watchfloor/contracts';
import type { AnalysisEvent, IncidentView, IssueView } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient } from '@watchfloor/messaging';
import { LiveCollector } from '../../apps/cli/src/system/live-collector';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { waitFor } from '../support/wait-for';
import { TEST_REDIS_URL } from '../support/test-services';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password';
const OPENERS = ['', 'Just heard: ', 'OMG ', 'Seriously? ', 'My sister texted me: ', 'Wait what, ', 'Not again. '];
const CLOSERS = [
  '',
  ' so worried right now',
  ' what is going on',
  ' praying for everyone',
  ' my family flies tomorrow',
];

describe('analysis of the stored stream: echoes, emerging issues, incidents', () => {
  let testSystem: TestSystem;
  let redis: Redis;
  let ingest: IngestQueueClient;
  let wall: LiveCollector;
  let token: string;
  const events: AnalysisEvent[] = [];
  let batch = 0;

  const call = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${testSystem.system.apiUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const send = (mentions: ReturnType<typeof aMention>[]) =>
    ingest.enqueue([{ batchId: `analysis-spec-${batch++}`, source: 'spec', receivedAt: Date.now(), mentions }]);
  const crisisPost = (index: number) =>
    aMention({
      text: `${OPENERS[index % OPENERS.length]}Skylark flight SK417 made an emergency landing in Denver, passengers evacuated on the slides${CLOSERS[index % CLOSERS.length]} #${index}`,
      author: { handle: `traveller${index}`, followers: 100 + index },
    });

  /** A retweet as X's payload has it: referenced_tweets names the original. */
  const retweetOf = (original: ReturnType<typeof aMention>, handle: string) =>
    aMention({
      text: `RT @${original.author.handle}: ${original.text}`,
      repostOfId: original.externalId,
      author: { handle },
      raw: { referenced_tweets: [{ type: 'retweeted', id: original.externalId }] },
    });

  beforeAll(async () => {
    testSystem = await startTestSystem({ env: { WORKER_LOCK_MS: '2000', ANALYSIS_COLD_START_MS: '0' } });
    await testSystem.addUser({ email: 'pat@example.com', role: 'analyst', password: PASSWORD });
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'pat@example.com', password: PASSWORD }),
    });
    token = ((await login.json()) as { token: string }).token;
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    ingest = new IngestQueueClient(redis, testSystem.redisPrefix);
    wall = new LiveCollector(testSystem.system.apiUrl, await testSystem.kioskToken());
    wall.socket.on(LiveEvent.Analysis, (event) => events.push(event));
    await waitFor('the wall to connect', () => (wall.socket.connected ? true : undefined));
  });

  afterAll(async () => {
    wall?.socket.close();
    await ingest?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  it('collapses reposts and copies, files a burst of voices under one issue, and opens one incident', async () => {
    const originals = Array.from({ length: 24 }, (_, index) => crisisPost(index));
    const reposts = Array.from({ length: 10 }, (_, index) => retweetOf(originals[0]!, `fan${index}`));
    const copies = Array.from({ length: 5 }, (_, index) =>
      aMention({ text: `${originals[1]!.text} !!`, author: { handle: `bot${index}` } }),
    );
    await send(originals.slice(0, 12));
    await send([...reposts, ...copies, ...originals.slice(12)]);

    const issue = await waitFor('an emerging issue', async () => {
      const { body } = await call<IssueView[]>('GET', '/issues?status=emerging');
      return body.find(
        (candidate) => candidate.title.some((entry) => entry.includes('SK417')) && candidate.voices >= 5,
      );
    });
    expect(issue).toMatchObject({ status: 'emerging', negativeShare: expect.any(Number), samples: expect.any(Array) });
    // Named by a phrase its posts share, shown by the post closest to what they all say.
    expect(issue.title[0]).toContain(' ');
    expect(issue.representative).toMatchObject({ text: expect.stringContaining('SK417 made an emergency landing') });
    expect(issue.samples).toContainEqual(issue.representative);
    expect(issue.voices).toBeLessThanOrEqual(24);

    const echoes = await testSystem.dataSource.query<
      { handle: string; kind: string; duplicate_group: string | null }[]
    >(
      `SELECT m.author_handle AS handle, e.kind, e.duplicate_group
         FROM mention_echo e JOIN mention m ON m.id = e.mention_id`,
    );
    expect(echoes.filter((echo) => echo.kind === 'repost').map((echo) => echo.handle)).toHaveLength(10);
    // The bots' copies land in one near-duplicate group (the crisis posts, alike as they are, may share it).
    const copyGroups = echoes.filter((echo) => echo.handle.startsWith('bot')).map((echo) => echo.duplicate_group);
    expect(copyGroups).toHaveLength(5);
    expect(new Set(copyGroups).size).toBe(1);
    expect(copyGroups[0]).not.toBeNull();

    const incident = await waitFor('an incident', async () => {
      const { body } = await call<IncidentView[]>('GET', '/incidents?status=open');
      return body[0];
    });
    expect(incident.series).toEqual(expect.arrayContaining([`issue:${issue.id}`]));
    expect(incident.peak.observed).toBeGreaterThan(incident.peak.expected);
    // Pushed live to the wall as it happened.
    expect(events.some((event) => event.issues.some((pushed) => pushed.id === issue.id))).toBe(true);
    expect(events.flatMap((event) => event.incidents).filter((entry) => entry.kind === 'opened')).toHaveLength(1);
  });

  it('acknowledges an incident through the API: analysis applies it, stores it and pushes it', async () => {
    const { body: open } = await call<IncidentView[]>('GET', '/incidents?status=open');
    const id = open[0]!.id;
    const requested = await call<IncidentView>('POST', `/incidents/${encodeURIComponent(id)}/acknowledge`);
    expect(requested.status).toBe(202);
    const acknowledged = await waitFor('the acknowledgement', async () => {
      const { body } = await call<IncidentView[]>('GET', '/incidents?status=open');
      return body.find((incident) => incident.id === id && incident.acknowledgedAt !== null);
    });
    expect(acknowledged.acknowledgedBy).toBe('pat@example.com');
    expect(events.flatMap((event) => event.incidents).some((entry) => entry.kind === 'acknowledged')).toBe(true);
    expect((await call('POST', '/incidents/nope/snooze', { minutes: 0 })).status).toBe(400);
    expect((await call('POST', '/incidents/nope/snooze', { minutes: 30 })).status).toBe(404);
  });

  it('carries on in another worker after this one is killed, with nothing left unanalysed', async () => {
    await testSystem.system.killWorker();
    testSystem.system.startWorker();
    const original = crisisPost(99);
    await send([original, retweetOf(original, 'late')]);
    await waitFor(
      'the repost to be analysed',
      async () => {
        const rows = await testSystem.dataSource.query(`SELECT 1 FROM mention_echo WHERE kind = 'repost'`);
        return rows.length === 11 ? true : undefined;
      },
      60_000,
    );
    const backlog = await redis.xlen(`${testSystem.redisPrefix}:analysis`);
    expect(backlog).toBe(0);
  });
});
