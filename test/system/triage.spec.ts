import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { SecretBox } from '@watchfloor/access';
import { ClientEvent, LiveEvent } from '@watchfloor/contracts';
import type { PresenceEvent, ReplyView, TriageItemView } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient } from '@watchfloor/messaging';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { TEST_REDIS_URL } from '../support/test-services';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password';
const LOG = 'test-artifacts/triage-system.log';

interface Received {
  headers: IncomingHttpHeaders;
  body: { id: string; type: string; data: { count: number; ruleId: string; kind: string } };
}

describe('routing and triage: rules flag into team inboxes, agents work them, alerts are grouped', () => {
  let testSystem: TestSystem;
  let redis: Redis;
  let ingest: IngestQueueClient;
  let receiver: Server;
  const received: Received[] = [];
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const sockets: Socket[] = [];
  let care: string;
  let legal: string;
  let channelId: string;
  let batch = 0;

  async function call<T>(
    who: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${testSystem.system.apiUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[who]}`, ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }
  const send = (mentions: ReturnType<typeof aMention>[]) =>
    ingest.enqueue([{ batchId: `triage-spec-${batch++}`, source: 'spec', receivedAt: Date.now(), mentions }]);
  const inbox = async (who: string, query = '') =>
    (await call<TriageItemView[]>(who, 'GET', `/triage/items${query}`)).body;
  const itemOf = async (who: string, text: string) =>
    (await inbox(who, '?status=open&limit=500')).find((item) => item.mention.text.includes(text));
  function socketOf(who: string): Socket {
    const socket = io(testSystem.system.apiUrl, { transports: ['websocket'], auth: { token: tokens[who] } });
    sockets.push(socket);
    return socket;
  }

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({ headers: request.headers, body: JSON.parse(body) });
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(LOG, '');
    const logFile = new PassThrough();
    logFile.on('data', (chunk: Buffer) => appendFileSync(LOG, chunk));
    testSystem = await startTestSystem({
      // What the api and worker said, for when this spec fails.
      logFile,
      env: {
        WORKER_LOCK_MS: '2000',
        WATCHFLOOR_SECRET_KEY: SecretBox.generateKey(),
        ALERT_WINDOW_SECONDS: '4',
        TRIAGE_SWEEP_SECONDS: '1',
      },
    });
    for (const [name, role] of [
      ['admin', 'admin'],
      ['mia', 'manager'],
      ['dana', 'agent'],
      ['sam', 'agent'],
      ['lee', 'agent'],
      ['pat', 'analyst'],
    ] as const) {
      const user = await testSystem.addUser({
        email: `${name}@example.com`,
        role,
        password: PASSWORD,
        displayName: name,
      });
      userIds[name] = user.id;
    }
    const loginAs = async (name: string) => {
      const response = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
      });
      tokens[name] = ((await response.json()) as { token: string }).token;
    };
    await loginAs('admin');
    care = (await call<{ id: string }>('admin', 'POST', '/teams', { name: 'Customer care' })).body.id;
    legal = (await call<{ id: string }>('admin', 'POST', '/teams', { name: 'Legal' })).body.id;
    await call('admin', 'PUT', `/teams/${care}/members`, {
      userIds: [userIds['dana'], userIds['sam'], userIds['mia'], userIds['pat']],
    });
    await call('admin', 'PUT', `/teams/${legal}/members`, { userIds: [userIds['lee']] });
    // Sessions carry team membership from sign-in: sign the others in now that teams are set.
    for (const name of ['mia', 'dana', 'sam', 'lee', 'pat']) await loginAs(name);
    const port = (receiver.address() as AddressInfo).port;
    const channel = await call<{ id: string }>('admin', 'POST', '/notification-channels', {
      name: 'Ops webhook',
      kind: 'webhook',
      target: { url: `http://127.0.0.1:${port}/hook` },
    });
    expect(channel.status).toBe(201);
    channelId = channel.body.id;
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    ingest = new IngestQueueClient(redis, testSystem.redisPrefix);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await ingest?.close();
    redis?.disconnect();
    await testSystem?.stop();
    receiver?.close();
  });

  it('refuses invalid rules with every problem named, and keeps the version in force', async () => {
    const bad = await call<{ message: string; problems: string[] }>('mia', 'PUT', '/rules', {
      rules: [
        { id: 'empty', name: 'Empty', when: {}, then: { priority: 'P2', teamId: care } },
        { id: 'ghost', name: 'Ghost team', when: { sentiment: ['negative'] }, then: { priority: 'P9', teamId: care } },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.join('\n')).toMatch(/rules\.0\.when: a rule needs at least one condition/);
    expect(bad.body.problems.join('\n')).toMatch(/rules\.1\.then\.priority/);
    const unknownTeam = await call<{ problems: string[] }>('mia', 'PUT', '/rules', {
      rules: [{ id: 'x', name: 'X', when: { cues: ['refund'] }, then: { priority: 'P2', teamId: userIds['dana'] } }],
    });
    expect(unknownTeam.status).toBe(400);
    expect(unknownTeam.body.problems).toEqual([`rules.0.then.teamId: no team ${userIds['dana']}`]);
    expect((await call<{ version: number }>('mia', 'GET', '/rules')).body.version).toBe(0);
  });

  it('saves an ordered rule set as version 1, audited, and dry-runs rules over the last 24 hours', async () => {
    const rules = [
      {
        id: 'legal-threats',
        name: 'Legal threats',
        when: { cues: ['lawsuit'] },
        then: { priority: 'P1', teamId: legal, notify: [channelId], slaMinutes: 30 },
      },
      {
        id: 'care-complaints',
        name: 'Complaints',
        when: { sentiment: ['negative'] },
        then: { priority: 'P3', teamId: care, notify: [channelId], slaMinutes: 60, escalateToTeamId: legal },
      },
    ];
    const saved = await call<{ version: number; rules: unknown[] }>('mia', 'PUT', '/rules', { rules });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const versions = await call<{ version: number; ruleCount: number }[]>('mia', 'GET', '/rules/versions');
    expect(versions.body).toEqual([expect.objectContaining({ version: 1, ruleCount: 2 })]);
    const dryRun = await call<{ scanned: number; perRule: { ruleId: string; count: number }[] }>(
      'mia',
      'POST',
      '/rules/dry-run',
      { rules },
    );
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.perRule.map((rule) => rule.ruleId)).toEqual(['legal-threats', 'care-complaints']);
  });

  it('routes a lawsuit threat to Legal as P1 and a complaint to Care as P3, each once, and files nothing for praise', async () => {
    const threat = aMention({
      text: 'Skylark cancelled my flight twice. I am going to sue, my lawyer has the papers ready',
      author: { handle: 'angry_ann', followers: 900 },
    });
    const complaint = aMention({
      text: 'Skylark lost my bag again, worst service ever and still waiting for a refund',
      author: { handle: 'bagless_bob' },
    });
    const praise = aMention({
      text: 'Loving the new Skylark seats, great crew today!',
      author: { handle: 'happy_hal' },
    });
    await send([threat, complaint, praise]);
    await send([threat, complaint]);
    const both = await waitFor('both items filed', async () => {
      const items = await inbox('admin');
      return items.length === 2 ? items : undefined;
    });
    expect(both.map((item) => [item.priority, item.teamName, item.rule.id])).toEqual([
      ['P1', 'Legal', 'legal-threats'],
      ['P3', 'Customer care', 'care-complaints'],
    ]);
    const legalItem = both[0]!;
    expect(legalItem.rule.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ condition: 'cues' })]));
    expect(legalItem.dueAt).not.toBeNull();
    expect(legalItem.mention.explanation.length).toBeGreaterThan(0);
    // Each team sees its own inbox only.
    expect((await inbox('lee')).map((item) => item.rule.id)).toEqual(['legal-threats']);
    expect((await inbox('dana')).map((item) => item.rule.id)).toEqual(['care-complaints']);
    expect((await call('dana', 'GET', `/triage/items/${legalItem.id}`)).status).toBe(404);
  });

  it('offers and accepts as assignees only active team members who can work items', async () => {
    const rosters = await call<{ name: string; members: { name: string }[] }[]>('dana', 'GET', '/triage/teams');
    expect(rosters.body).toEqual([
      {
        id: care,
        name: 'Customer care',
        members: [
          { id: userIds['dana'], name: 'dana' },
          { id: userIds['mia'], name: 'mia' },
          { id: userIds['sam'], name: 'sam' },
        ],
      },
    ]);
    const item = (await itemOf('dana', 'lost my bag again'))!;
    const toAnalyst = await call<{ message: string }>('dana', 'POST', `/triage/items/${item.id}/assign`, {
      userId: userIds['pat'],
    });
    expect(toAnalyst.status).toBe(409);
    expect(toAnalyst.body.message).toBe('pat (analyst) cannot work items');
    const toOtherTeam = await call('dana', 'POST', `/triage/items/${item.id}/assign`, { userId: userIds['lee'] });
    expect(toOtherTeam.status).toBe(409);
  });

  it('counts a retweet of a flagged post on its item instead of filing it again', async () => {
    const original = (await itemOf('dana', 'lost my bag again'))!;
    await send([
      aMention({
        text: `RT @bagless_bob: ${original.mention.text}`,
        repostOfId: original.mention.url.split('/').pop()!,
        author: { handle: 'echo_eve' },
        raw: { referenced_tweets: [{ type: 'retweeted', id: original.mention.url.split('/').pop() }] },
      }),
    ]);
    await waitFor('the echo counted', async () =>
      (await itemOf('dana', 'lost my bag again'))?.echoCount === 1 ? true : undefined,
    );
    expect(await inbox('admin')).toHaveLength(2);
  });

  it('lets one agent claim an item while the other sees it live, and refuses the second claim', async () => {
    const item = (await itemOf('dana', 'lost my bag again'))!;
    const samSocket = socketOf('sam');
    const leeSocket = socketOf('lee');
    const seenBySam: TriageItemView[] = [];
    const presenceSeenByLee: PresenceEvent[] = [];
    samSocket.on(LiveEvent.TriageItems, (event) => seenBySam.push(...event.items));
    leeSocket.on(LiveEvent.TriagePresence, (event) => presenceSeenByLee.push(event));
    await waitFor('sockets connected', () => (samSocket.connected && leeSocket.connected ? true : undefined));

    const claimed = await call<TriageItemView>('dana', 'POST', `/triage/items/${item.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee?.name).toBe('dana');
    await waitFor('sam sees dana on it', () =>
      seenBySam.some((seen) => seen.id === item.id && seen.assignee?.name === 'dana') ? true : undefined,
    );
    const second = await call<{ message: string }>('sam', 'POST', `/triage/items/${item.id}/claim`);
    expect(second.status).toBe(409);
    expect(second.body.message).toBe('Held by dana');

    const danaSocket = socketOf('dana');
    const presence: PresenceEvent[] = [];
    danaSocket.on(LiveEvent.TriagePresence, (event) => presence.push(event));
    await waitFor('dana connected', () => (danaSocket.connected ? true : undefined));
    samSocket.emit(ClientEvent.Presence, { itemId: item.id, activity: 'replying' });
    await waitFor('dana sees sam replying', () =>
      presence.some(
        (event) =>
          event.itemId === item.id &&
          event.people.some((person) => person.name === 'sam' && person.activity === 'replying'),
      )
        ? true
        : undefined,
    );
    // Lee (another team) may not watch that item, nor announce himself at it.
    leeSocket.emit(ClientEvent.Presence, { itemId: item.id, activity: 'viewing' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(presenceSeenByLee).toEqual([]);
    expect(presence.flatMap((event) => event.people.map((person) => person.name))).not.toContain('lee');
    samSocket.emit(ClientEvent.Presence, { itemId: null, activity: 'viewing' });
    await waitFor('sam left', () => (presence.at(-1)?.people.length === 0 ? true : undefined));
  });

  it('stores a reply once per Idempotency-Key, records the first response, and says why it could not be posted', async () => {
    const item = (await itemOf('dana', 'lost my bag again'))!;
    const missingKey = await call('dana', 'POST', `/triage/items/${item.id}/replies`, { text: 'Sorry!' });
    expect(missingKey.status).toBe(400);
    const tooLong = await call(
      'dana',
      'POST',
      `/triage/items/${item.id}/replies`,
      { text: 'x'.repeat(281) },
      { 'Idempotency-Key': 'too-long-reply-1' },
    );
    expect(tooLong.status).toBe(400);
    const fromSam = await call(
      'sam',
      'POST',
      `/triage/items/${item.id}/replies`,
      { text: 'Hi' },
      { 'Idempotency-Key': 'sam-reply-0001' },
    );
    expect(fromSam.status).toBe(409);

    const text = 'Hi @{{author.handle}}, {{agent.name}} here: we are on it.';
    const first = await call<ReplyView>(
      'dana',
      'POST',
      `/triage/items/${item.id}/replies`,
      { text },
      { 'Idempotency-Key': 'dana-reply-0001' },
    );
    const again = await call<ReplyView>(
      'dana',
      'POST',
      `/triage/items/${item.id}/replies`,
      { text },
      { 'Idempotency-Key': 'dana-reply-0001' },
    );
    expect([first.status, again.status]).toEqual([202, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(first.body.text).toBe('Hi @bagless_bob, dana here: we are on it.');
    const settled = await waitFor('the reply job finished', async () => {
      const detail = await call<{ item: TriageItemView; replies: ReplyView[] }>(
        'dana',
        'GET',
        `/triage/items/${item.id}`,
      );
      return detail.body.replies[0]?.status === 'unsupported' ? detail.body : undefined;
    });
    expect(settled.replies).toHaveLength(1);
    expect(settled.replies[0]!.error).toMatch(/No enabled source can reply on twitter/);
    expect(settled.item.status).toBe('responded');
    expect(settled.item.firstResponseAt).not.toBeNull();
    expect(settled.item.dueAt).toBeNull();
  });

  it('pauses the SLA while waiting on the customer, resumes it, resolves, and counts corrections in measured accuracy', async () => {
    const item = (await itemOf('dana', 'lost my bag again'))!;
    const waiting = await call<TriageItemView>('dana', 'POST', `/triage/items/${item.id}/transition`, {
      action: 'wait',
    });
    expect(waiting.body.status).toBe('waiting');
    const back = await call<TriageItemView>('dana', 'POST', `/triage/items/${item.id}/transition`, {
      action: 'customerReplied',
    });
    expect(back.body.status).toBe('in_progress');
    const bogus = await call('dana', 'POST', `/triage/items/${item.id}/transition`, { action: 'explode' });
    expect(bogus.status).toBe(400);
    expect((await call('dana', 'POST', `/triage/items/${item.id}/notes`, { text: 'Called the airport' })).status).toBe(
      201,
    );
    expect(
      (
        await call<TriageItemView>('dana', 'PUT', `/triage/items/${item.id}/tags`, {
          tags: ['Baggage', 'baggage', 'refund'],
        })
      ).body.tags,
    ).toEqual(['baggage', 'refund']);
    const corrected = await call<TriageItemView>('pat', 'POST', `/triage/items/${item.id}/correction`, {
      sentiment: 'neutral',
    });
    expect(corrected.body.correction).toEqual({ sentiment: 'neutral', notRelevant: false });
    const resolved = await call<TriageItemView>('dana', 'POST', `/triage/items/${item.id}/transition`, {
      action: 'resolve',
    });
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.resolvedAt).not.toBeNull();
    const stats = await call<{
      teams: { name: string; responded: number }[];
      accuracy: { language: string; queryId: string | null; reviewed: number; corrected: number }[];
    }>('mia', 'GET', '/triage/stats');
    expect(stats.body.teams).toEqual([expect.objectContaining({ name: 'Customer care', responded: 1 })]);
    expect(stats.body.accuracy).toContainEqual(
      expect.objectContaining({ language: 'en', queryId: null, reviewed: 1, corrected: 1 }),
    );
    const history = await call<{ events: { kind: string }[] }>('dana', 'GET', `/triage/items/${item.id}`);
    expect(history.body.events.map((event) => event.kind)).toEqual([
      'created',
      'claimed',
      'reply',
      'status',
      'status',
      'note',
      'tags',
      'correction',
      'status',
    ]);
  });

  it('sends grouped alerts as CloudEvents: a burst of complaints is a few messages whose counts add up', async () => {
    const topics = [
      'seat',
      'meal',
      'wifi',
      'gate',
      'queue',
      'app',
      'refund desk',
      'check-in',
      'lounge',
      'upgrade',
      'crew',
      'baggage belt',
    ];
    const burst = topics.map((topic, index) =>
      aMention({
        text: `Awful ${topic} experience on Skylark flight ${100 + index * 7}, ${'terrible horrible'.slice(0, 8 + index)} and nobody helps`,
        author: { handle: `burst_${index}` },
      }),
    );
    for (const mention of burst) await send([mention]);
    const flagged = await waitFor('the burst filed', async () => {
      const items = (await inbox('admin', '?status=open&limit=500')).filter((item) =>
        item.mention.author.handle.startsWith('burst_'),
      );
      return items.length >= 6 ? items : undefined;
    });
    const complaintAlerts = () =>
      received.filter(
        (message) => message.body.data.ruleId === 'care-complaints' && message.body.data.kind === 'flagged',
      );
    // Every item the complaints rule ever filed, whatever its status since.
    const total = async () => {
      const [row] = await testSystem.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM triage_item WHERE rule_id = 'care-complaints'`,
      );
      return row!.count;
    };
    await waitFor(
      'every complaint alerted',
      async () => {
        const sum = complaintAlerts().reduce((count, message) => count + message.body.data.count, 0);
        return sum === (await total()) ? true : undefined;
      },
      30_000,
    );
    expect(flagged.length).toBeGreaterThanOrEqual(6);
    expect(complaintAlerts().length).toBeLessThanOrEqual(4);
    for (const message of received) {
      expect(message.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
      expect(message.body).toEqual(
        expect.objectContaining({ specversion: '1.0', type: expect.stringMatching(/^io\.watchfloor\.alert\./) }),
      );
    }
    expect(new Set(received.map((message) => message.body.id)).size).toBe(received.length);
  });

  it('escalates an item whose first-response SLA ran out to the next tier, a priority higher, and alerts', async () => {
    const item = (await inbox('dana')).find((candidate) => candidate.status === 'new')!;
    await testSystem.dataSource.query(`UPDATE triage_item SET due_at = now() - interval '1 second' WHERE id = $1`, [
      item.id,
    ]);
    const escalated = await waitFor('the sweep escalated it', async () => {
      const found = (await inbox('lee', '?status=escalated')).find((candidate) => candidate.id === item.id);
      return found;
    });
    expect(escalated.teamName).toBe('Legal');
    expect(escalated.priority).toBe('P2');
    expect(escalated.escalationLevel).toBe(1);
    expect(escalated.dueAt).not.toBeNull();
    await waitFor(
      'the breach alerted',
      () => (received.some((message) => message.body.data.kind === 'sla-breach') ? true : undefined),
      30_000,
    );
  });

  it('resolves or marks spam in bulk only what the caller may touch', async () => {
    const mine = (await inbox('dana'))
      .filter((item) => item.status === 'new')
      .slice(0, 2)
      .map((item) => item.id);
    const theirs = (await inbox('lee')).map((item) => item.id).slice(0, 1);
    const bulk = await call<{ updated: number; skipped: number }>('dana', 'POST', '/triage/bulk', {
      ids: [...mine, ...theirs],
      action: 'markSpam',
    });
    expect(bulk.body).toEqual({ updated: mine.length, skipped: theirs.length });
    expect((await inbox('lee')).map((item) => item.id)).toEqual(expect.arrayContaining(theirs));
  });
});
