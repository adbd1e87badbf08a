import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { ClientEvent, LiveEvent } from '@watchfloor/contracts';
import type { PresenceEvent } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { MentionRepository, TriageRepository } from '@watchfloor/persistence';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password';

/** Who hears a team's room, checked with real socket.io clients against the real API. */
describe('live sockets follow team membership, role and sessions as they change', () => {
  let testSystem: TestSystem;
  let api: string;
  let teamId: string;
  let itemId: string;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const sockets: Socket[] = [];
  const heard: Record<string, PresenceEvent[]> = {};

  const call = (who: string, method: string, path: string, body?: unknown) =>
    fetch(`${api}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  async function connect(who: string): Promise<Socket> {
    const socket = io(api, { transports: ['websocket'], reconnection: false, auth: { token: tokens[who] } });
    sockets.push(socket);
    heard[who] = [];
    socket.on(LiveEvent.TriagePresence, (event) => heard[who]!.push(event));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    return socket;
  }
  /** Sam says where he is; resolves once Sam himself hears it, so everyone in the room has by then. */
  async function samAnnounces(socket: Socket, activity: 'viewing' | 'replying'): Promise<void> {
    const before = heard['sam']!.length;
    socket.emit(ClientEvent.Presence, { itemId, activity });
    await waitFor(`sam hears himself ${activity}`, () =>
      heard['sam']!.slice(before).some((event) => event.people.some((person) => person.activity === activity))
        ? true
        : undefined,
    );
  }
  const heardSam = (who: string, activity: string) =>
    heard[who]!.some((event) => event.people.some((person) => person.name === 'sam' && person.activity === activity));

  beforeAll(async () => {
    testSystem = await startTestSystem();
    api = testSystem.system.apiUrl;
    for (const [name, role] of [
      ['admin', 'admin'],
      ['dana', 'agent'],
      ['sam', 'agent'],
      ['vic', 'viewer'],
    ] as const) {
      userIds[name] = (
        await testSystem.addUser({ email: `${name}@example.com`, role, password: PASSWORD, displayName: name })
      ).id;
      const response = await fetch(`${api}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
      });
      tokens[name] = ((await response.json()) as { token: string }).token;
    }
    teamId = ((await (await call('admin', 'POST', '/teams', { name: 'Customer care' })).json()) as { id: string }).id;
    const members = await call('admin', 'PUT', `/teams/${teamId}/members`, {
      userIds: [userIds['dana'], userIds['sam'], userIds['vic']],
    });
    expect(members.status).toBe(200);
    const [stored] = await new MentionRepository(testSystem.dataSource).storeBatch(
      'live-rooms-spec',
      [
        {
          ...aMention({ text: 'my bag is lost' }),
          sentiment: { label: 'negative', score: -0.7, confidence: 0.9 },
          queryIds: [],
          ingestedAt: Date.now(),
        },
      ],
      false,
    );
    const [item] = await new TriageRepository(testSystem.dataSource).createItems(
      [
        {
          mentionId: stored!.id,
          teamId,
          priority: 'P3',
          assigneeId: null,
          ruleId: 'spec',
          ruleName: 'spec',
          ruleVersion: 1,
          reasons: [],
          notify: [],
          escalateToTeamId: null,
          sla: null,
          dueAt: null,
          createdAt: new Date().toISOString(),
        },
      ],
      testSystem.dataSource,
    );
    itemId = item!.id;
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await testSystem?.stop();
  });

  it('keeps a team member without console access (a viewer) out of the team’s room', async () => {
    const sam = await connect('sam');
    await connect('dana');
    await connect('vic');
    await samAnnounces(sam, 'viewing');
    await waitFor('dana hears sam', () => (heardSam('dana', 'viewing') ? true : undefined));
    expect(heard['vic']).toEqual([]);
  });

  it('takes a removed member’s open socket out of the team’s room at once, and puts it back when re-added', async () => {
    const sam = sockets[0]!;
    const dana = sockets[1]!;
    const removed = await call('admin', 'PUT', `/teams/${teamId}/members`, {
      userIds: [userIds['sam'], userIds['vic']],
    });
    expect(removed.status).toBe(200);
    heard['dana'] = [];
    await samAnnounces(sam, 'replying');
    expect(dana.connected).toBe(true);
    expect(heardSam('dana', 'replying')).toBe(false);

    await call('admin', 'PUT', `/teams/${teamId}/members`, { userIds: [userIds['sam'], userIds['dana']] });
    await samAnnounces(sam, 'viewing');
    await waitFor('dana hears sam again', () => (heardSam('dana', 'viewing') ? true : undefined));
  });

  it('drops the sockets of someone who signs out everywhere', async () => {
    const dana = sockets[1]!;
    const told = new Promise<string>((resolve) => dana.once(LiveEvent.AccessRevoked, ({ reason }) => resolve(reason)));
    expect((await call('dana', 'POST', '/auth/sign-out-everywhere')).status).toBe(204);
    await expect(told).resolves.toContain('signed out everywhere');
  });
});
