import { mentionReach } from '@watchfloor/analysis';
import type {
  IncidentView,
  IssueCaseView,
  IssueDetailView,
  IssueListEntry,
  IssueNoteView,
  IssueTimelineView,
  IssueView,
  TriageItemView,
} from '@watchfloor/contracts';
import { aScoredMention } from '@watchfloor/domain/testing';
import type { ScoredMention } from '@watchfloor/domain';
import { AnalysisRepository, IssueCaseRepository, MentionRepository, TriageRepository } from '@watchfloor/persistence';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password';
const ISSUE = 'iss-sk417';

const anIssue = (overrides: Partial<IssueView> = {}): IssueView => ({
  id: ISSUE,
  status: 'emerging',
  title: ['sk417', 'delay'],
  firstSeen: '2025-06-01T10:01:00.000Z',
  lastSeen: '2025-06-01T10:16:00.000Z',
  volume: 4,
  voices: 4,
  negativeShare: 0.75,
  reach: 120,
  velocity: 0.5,
  samples: [{ key: 'twitter:sk1', text: 'SK417 delayed again', reach: 40, at: '2025-06-01T10:01:00.000Z' }],
  representative: { key: 'twitter:sk1', text: 'SK417 delayed again', reach: 40, at: '2025-06-01T10:01:00.000Z' },
  queryIds: [],
  ...overrides,
});

const evidence = {
  windowMs: 300_000,
  observed: 4,
  expected: 0.5,
  pValue: 0.001,
  negatives: 3,
  negativeShare: 0.75,
  expectedNegativeShare: 0.2,
  negativePValue: 0.01,
  seasonal: false,
};

const anIncident = (): IncidentView => ({
  id: 'inc-1',
  status: 'resolved',
  openedAt: '2025-06-01T10:18:00.000Z',
  updatedAt: '2025-06-01T10:40:00.000Z',
  resolvedAt: '2025-06-01T10:40:00.000Z',
  series: [`issue:${ISSUE}`],
  related: [],
  alertCount: 1,
  peak: evidence,
  alerts: [
    {
      kind: 'opened',
      id: 'alert-1',
      series: `issue:${ISSUE}`,
      at: '2025-06-01T10:18:00.000Z',
      openedAt: '2025-06-01T10:18:00.000Z',
      reasons: ['volume'],
      evidence,
    },
  ],
  acknowledgedAt: '2025-06-01T10:25:00.000Z',
  acknowledgedBy: 'Mia Manager',
  snoozedUntil: null,
  notifications: 1,
});

const mentionAt = (minute: string, overrides: Partial<ScoredMention>) =>
  aScoredMention({ createdAt: `2025-06-01T10:${minute}:00.000Z`, ...overrides });

describe('the PR view of emerging issues: cases, notes, timelines and post-mortems', () => {
  let testSystem: TestSystem;
  let cases: IssueCaseRepository;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let mentions: ScoredMention[];
  let itemId: string;

  async function call<T>(who: string, method: string, path: string, body?: unknown, headers = {}) {
    const response = await fetch(`${testSystem.system.apiUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[who]}`, ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json') === true && text !== '';
    return { status: response.status, headers: response.headers, text, body: (json ? JSON.parse(text) : text) as T };
  }
  const caseOf = async () => (await call<IssueDetailView>('pat', 'GET', `/issues/${ISSUE}/case-detail`)).body.case;

  beforeAll(async () => {
    testSystem = await startTestSystem();
    for (const [name, role, displayName] of [
      ['admin', 'admin', 'Ada Admin'],
      ['pat', 'analyst', 'Pat Analyst'],
      ['dana', 'agent', 'Dana Agent'],
      ['vic', 'viewer', 'Vic Viewer'],
    ] as const) {
      userIds[name] = (
        await testSystem.addUser({ email: `${name}@example.com`, role, password: PASSWORD, displayName })
      ).id;
    }
    const login = async (name: string) => {
      const response = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
      });
      tokens[name] = ((await response.json()) as { token: string }).token;
    };
    await login('admin');
    const team = (await call<{ id: string }>('admin', 'POST', '/teams', { name: 'Customer care' })).body.id;
    await call('admin', 'PUT', `/teams/${team}/members`, { userIds: [userIds['dana']] });
    for (const name of ['pat', 'dana', 'vic']) await login(name);

    const dataSource = testSystem.dataSource;
    mentions = [
      mentionAt('01', {
        externalId: 'sk1',
        text: 'SK417 delayed again',
        sentiment: { label: 'negative', score: -0.7, confidence: 0.9 },
        author: { handle: 'ann', followers: 100 },
        metrics: { likes: 12, reposts: 3 },
      }),
      mentionAt('03', {
        externalId: 'sk2',
        text: 'SK417 crew were lovely',
        sentiment: { label: 'positive', score: 0.6, confidence: 0.8 },
        author: { handle: 'bob', followers: 10_000, verified: true },
      }),
      mentionAt('07', {
        externalId: 'sk3',
        text: 'SK417 still on the ground',
        sentiment: { label: 'negative', score: -0.5, confidence: 0.8 },
        author: { handle: 'cy' },
        metrics: { replies: 4, quotes: 1 },
      }),
      mentionAt('16', {
        externalId: 'sk4',
        platform: 'mastodon',
        url: 'https://mastodon.social/@dee/sk4',
        text: 'SK417 cancelled',
        sentiment: { label: 'negative', score: -0.8, confidence: 0.9 },
        author: { handle: 'dee', followers: 50 },
      }),
    ];
    const stored = await new MentionRepository(dataSource).storeBatch('issue-cases-spec', mentions, false);
    const analysis = new AnalysisRepository(dataSource);
    // An issue stored before representative posts were kept has none.
    await analysis.saveIssues([anIssue(), anIssue({ id: 'iss-other', title: ['baggage'], representative: null })]);
    await analysis.recordMentions(
      [],
      stored.map((mention) => ({ issueId: ISSUE, mentionId: mention.id })),
    );
    await analysis.saveIncidents([anIncident()]);
    const [item] = await new TriageRepository(dataSource).createItems(
      [
        {
          mentionId: stored[0]!.id,
          teamId: team,
          priority: 'P2',
          assigneeId: null,
          ruleId: 'complaints',
          ruleName: 'Complaints',
          ruleVersion: 1,
          reasons: [],
          notify: [],
          escalateToTeamId: null,
          sla: null,
          dueAt: null,
          createdAt: '2025-06-01T10:20:00.000Z',
        },
      ],
      dataSource,
    );
    itemId = item!.id;
    cases = new IssueCaseRepository(dataSource);
  });

  afterAll(async () => {
    await testSystem?.stop();
  });

  it('lists emerging issues with an untouched case, and shows the detail with platforms and possible owners', async () => {
    const list = await call<IssueListEntry[]>('vic', 'GET', '/issues?status=emerging');
    expect(list.status).toBe(200);
    const entry = list.body.find((issue) => issue.id === ISSUE)!;
    expect(entry.case).toMatchObject({ status: 'new', owner: null, priority: null, version: 0 });
    expect(entry.representative).toMatchObject({ key: 'twitter:sk1', text: 'SK417 delayed again' });
    expect(list.body.find((issue) => issue.id === 'iss-other')!.representative).toBeNull();

    const detail = await call<IssueDetailView>('vic', 'GET', `/issues/${ISSUE}/case-detail`);
    expect(detail.body.issue.title).toEqual(['sk417', 'delay']);
    expect(detail.body.issue.representative).toEqual(anIssue().representative);
    expect((await call<IssueView>('vic', 'GET', `/issues/${ISSUE}`)).body.representative).toEqual(
      anIssue().representative,
    );
    expect(detail.body.platforms).toEqual([
      { platform: 'twitter', volume: 3, negative: 2 },
      { platform: 'mastodon', volume: 1, negative: 1 },
    ]);
    expect(detail.body.owners.map((owner) => owner.name).sort()).toEqual(['Ada Admin', 'Pat Analyst']);
    expect((await call('vic', 'GET', '/issues/no-such-issue/case-detail')).status).toBe(404);
  });

  it('changes owner and status against the version read, and refuses bad changes with what is wrong', async () => {
    const changed = await call<IssueCaseView>('pat', 'PUT', `/issues/${ISSUE}/case`, {
      ownerId: userIds['pat'],
      status: 'investigating',
      expectedVersion: 0,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      owner: { id: userIds['pat'], name: 'Pat Analyst' },
      status: 'investigating',
      version: 1,
    });

    const stale = await call<{ message: string; current: IssueCaseView }>('pat', 'PUT', `/issues/${ISSUE}/case`, {
      status: 'responding',
      expectedVersion: 0,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current.version).toBe(1);

    const badStatus = await call<{ problems: string[] }>('pat', 'PUT', `/issues/${ISSUE}/case`, {
      status: 'panicking',
      expectedVersion: 1,
    });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.problems.join()).toContain('status');
    const unknownOwner = await call<{ message: string }>('pat', 'PUT', `/issues/${ISSUE}/case`, {
      ownerId: '00000000-0000-4000-8000-000000000000',
      expectedVersion: 1,
    });
    expect(unknownOwner.status).toBe(400);
    expect(unknownOwner.body.message).toMatch(/active user/);
    const agentOwner = await call('pat', 'PUT', `/issues/${ISSUE}/case`, {
      ownerId: userIds['dana'],
      expectedVersion: 1,
    });
    expect(agentOwner.status).toBe(400);
    expect((await call('pat', 'PUT', `/issues/${ISSUE}/case`, { expectedVersion: 1 })).status).toBe(400);
    expect((await call('vic', 'PUT', `/issues/${ISSUE}/case`, { status: 'resolved', expectedVersion: 1 })).status).toBe(
      403,
    );
    expect(await caseOf()).toMatchObject({ status: 'investigating', version: 1 });
  });

  it('raises issues to P1 for a spike until someone acknowledges, and again for the next spike', async () => {
    expect(await cases.raiseToP1([ISSUE, ISSUE], 'incident inc-2')).toEqual([ISSUE]);
    expect(await caseOf()).toMatchObject({
      priority: 'P1',
      prioritySetBy: 'spike incident',
      awaitingAcknowledgement: true,
      status: 'investigating',
      version: 2,
    });
    expect(await cases.raiseToP1([ISSUE], 'incident inc-2')).toEqual([]);
    expect((await cases.unacknowledgedP1()).map((entry) => entry.issueId)).toEqual([ISSUE]);

    expect((await call('pat', 'POST', '/issues/iss-other/acknowledge')).status).toBe(409);
    const acknowledged = await call<IssueCaseView>('pat', 'POST', `/issues/${ISSUE}/acknowledge`);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({
      acknowledgedBy: { id: userIds['pat'], name: 'Pat Analyst' },
      awaitingAcknowledgement: false,
    });
    expect(await cases.unacknowledgedP1()).toEqual([]);

    expect(await cases.raiseToP1(['iss-other'], 'incident inc-3')).toEqual(['iss-other']);
    expect((await cases.unacknowledgedP1()).map((entry) => entry.issueId)).toEqual(['iss-other']);
    await call('pat', 'POST', '/issues/iss-other/acknowledge');
  });

  it('keeps notes of at most 4,000 characters, oldest first', async () => {
    expect((await call('pat', 'POST', `/issues/${ISSUE}/notes`, { text: ' ' })).status).toBe(400);
    expect((await call('pat', 'POST', `/issues/${ISSUE}/notes`, { text: 'x'.repeat(4_001) })).status).toBe(400);
    expect((await call('vic', 'POST', `/issues/${ISSUE}/notes`, { text: 'hello' })).status).toBe(403);
    const added = await call<IssueNoteView>('pat', 'POST', `/issues/${ISSUE}/notes`, {
      text: 'Statement drafted with legal',
    });
    expect(added.status).toBe(201);
    const notes = await call<IssueNoteView[]>('vic', 'GET', `/issues/${ISSUE}/notes`);
    expect(notes.body.map((note) => [note.author.name, note.text])).toEqual([
      ['Pat Analyst', 'Statement drafted with legal'],
    ]);
  });

  it('draws volume, negatives and reach per bucket, quiet buckets included', async () => {
    const five = await call<IssueTimelineView>('vic', 'GET', `/issues/${ISSUE}/timeline?bucket=5`);
    expect(five.status).toBe(200);
    expect(five.body.points.map((point) => [new Date(point.at).toISOString(), point.volume, point.negative])).toEqual([
      ['2025-06-01T10:00:00.000Z', 2, 1],
      ['2025-06-01T10:05:00.000Z', 1, 1],
      ['2025-06-01T10:10:00.000Z', 0, 0],
      ['2025-06-01T10:15:00.000Z', 1, 1],
    ]);
    expect(five.body.points[0]!.negativeShare).toBeCloseTo(0.5);
    expect(five.body.points[0]!.reach).toBeCloseTo(mentionReach(mentions[0]!) + mentionReach(mentions[1]!), 3);
    expect(five.body.points[3]!.reach).toBeCloseTo(mentionReach(mentions[3]!), 3);

    const ten = await call<IssueTimelineView>('vic', 'GET', `/issues/${ISSUE}/timeline?bucket=10`);
    expect(ten.body.points.map((point) => [point.volume, point.negative])).toEqual([
      [3, 2],
      [1, 1],
    ]);
    expect(ten.body.points[0]!.reach).toBeCloseTo(
      mentions.slice(0, 3).reduce((sum, m) => sum + mentionReach(m), 0),
      3,
    );
    for (const bad of ['0', '1441', 'five']) {
      expect((await call('vic', 'GET', `/issues/${ISSUE}/timeline?bucket=${bad}`)).status).toBe(400);
    }
  });

  it('exports the post-mortem in time order: what analysis saw, what the team did, replies and who acted', async () => {
    expect((await call('dana', 'POST', `/triage/items/${itemId}/claim`)).status).toBe(200);
    const reply = await call(
      'dana',
      'POST',
      `/triage/items/${itemId}/replies`,
      { text: 'Sorry about SK417 - rebooking you now' },
      {
        'Idempotency-Key': 'issue-cases-reply-1',
      },
    );
    expect(reply.status).toBeLessThan(300);
    expect((await call('dana', 'POST', `/triage/items/${itemId}/transition`, { action: 'resolve' })).status).toBe(200);
    const version = (await caseOf()).version;
    expect(
      (await call('pat', 'PUT', `/issues/${ISSUE}/case`, { status: 'monitoring', expectedVersion: version })).status,
    ).toBe(200);

    const linked = await call<TriageItemView[]>('pat', 'GET', `/issues/${ISSUE}/triage-items`);
    expect(linked.body.map((item) => [item.id, item.status, item.assignee?.name])).toEqual([
      [itemId, 'resolved', 'Dana Agent'],
    ]);
    expect((await call('dana', 'GET', `/issues/${ISSUE}/triage-items`)).status).toBe(403);
    expect((await call('vic', 'GET', `/issues/${ISSUE}/post-mortem.csv`)).status).toBe(403);

    const csv = await call<string>('pat', 'GET', `/issues/${ISSUE}/post-mortem.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="post-mortem-${ISSUE}.csv"`);
    const [header, ...rows] = csv.text.trimEnd().split('\r\n');
    expect(header).toBe('at,issue,event,who,ref,change,text');
    const cells = rows.map((row) => row.split(','));
    const times = cells.map((row) => Date.parse(row[0]!));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(cells.map(([, , event, who, ref, change, text]) => [event, who, ref, change, text])).toEqual([
      ['Issue first seen', 'analysis', '', '', 'sk417 · delay'],
      ['Spike incident opened', 'analysis', 'inc-1', 'spike: volume', ''],
      ['Triage', 'rules', `item ${itemId}`, 'flagged by rule Complaints as P2', ''],
      ['Spike incident acknowledged', 'Mia Manager', 'inc-1', '', ''],
      ['Spike incident resolved', 'analysis', 'inc-1', '', ''],
      ['Owner changed', 'Pat Analyst', '', 'none → Pat Analyst', ''],
      ['Status changed', 'Pat Analyst', '', 'new → investigating', ''],
      ['Priority changed', 'spike incident', '', 'none → P1', ''],
      ['P1 acknowledged', 'Pat Analyst', '', '', ''],
      ['Note', 'Pat Analyst', '', '', 'Statement drafted with legal'],
      ['Triage', 'Dana Agent', `item ${itemId}`, 'claimed', ''],
      [
        'Reply',
        'Dana Agent',
        `item ${itemId}`,
        expect.stringMatching(/^reply /),
        'Sorry about SK417 - rebooking you now',
      ],
      ['Triage', 'Dana Agent', `item ${itemId}`, 'resolve → resolved', ''],
      ['Status changed', 'Pat Analyst', '', 'investigating → monitoring', ''],
    ]);
  });

  it('records case changes on the audit log', async () => {
    const actions = await testSystem.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_entry WHERE target_type = 'issue' AND target_id = $1 ORDER BY seq`,
      [ISSUE],
    );
    expect(actions.map((row) => row.action)).toEqual([
      'issue.case_changed',
      'issue.acknowledged',
      'issue.case_changed',
    ]);
  });
});
