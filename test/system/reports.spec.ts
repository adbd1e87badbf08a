import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';
import Redis from 'ioredis';
import type { CalendarEventView, PeriodSummary } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient } from '@watchfloor/messaging';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { TEST_REDIS_URL } from '../support/test-services';
import { waitFor } from '../support/wait-for';
import { apiCaller } from '../support/api-call';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password';
const LOG = 'test-artifacts/reports-system.log';
const BRAND_TEXTS = [
  'Skylark lost my bag, terrible awful service, I hate this airline',
  'Skylark crew were wonderful, great flight, thank you',
  'Skylark delayed again, awful and disappointing',
  'Flying Skylark to Lisbon today',
  'Skylark upgraded me, brilliant and lovely staff',
];
const COMPETITOR_TEXTS = ['Northwind had a great lounge', 'Northwind boarding today'];

describe('marketing calendar and period reports', () => {
  let testSystem: TestSystem;
  let redis: Redis;
  let ingest: IngestQueueClient;
  let kiosk: string;
  const tokens: Record<string, string> = {};
  const startedAt = new Date();
  let batch = 0;
  let probes = 0;

  const call = apiCaller(() => testSystem.system.apiUrl, tokens);
  const send = (mentions: ReturnType<typeof aMention>[]) =>
    ingest.enqueue([{ batchId: `reports-spec-${batch++}`, source: 'spec', receivedAt: Date.now(), mentions }]);
  const count = async (sql: string, parameters: unknown[] = []) =>
    Number((await testSystem.dataSource.query<{ n: string }[]>(sql, parameters))[0]!.n);
  const periodStartDay = () => new Date(startedAt.getTime() - 3_600_000).toISOString().slice(0, 10);
  const period = () => {
    const from = new Date(startedAt.getTime() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  };

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(LOG, '');
    // What the api and worker said, for when this spec fails.
    const logFile = new PassThrough();
    logFile.on('data', (chunk: Buffer) => appendFileSync(LOG, chunk));
    testSystem = await startTestSystem({ logFile });
    for (const [name, role] of [
      ['ana', 'analyst'],
      ['vic', 'viewer'],
      ['admin', 'admin'],
    ] as const) {
      await testSystem.addUser({ email: `${name}@example.com`, role, password: PASSWORD, displayName: name });
      const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
      });
      tokens[name] = ((await login.json()) as { token: string }).token;
    }
    kiosk = await testSystem.kioskToken('reports wall');
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    ingest = new IngestQueueClient(redis, testSystem.redisPrefix);
  });

  afterAll(async () => {
    await ingest?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  it('refuses invalid calendar events, naming each problem', async () => {
    const bad = await call<{ problems: string[] }>('ana', 'POST', '/calendar', {
      title: '  ',
      kind: 'party',
      startsAt: '2025-11-02T10:00:00Z',
      endsAt: '2025-11-01T10:00:00Z',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^title: a title is required/),
        expect.stringMatching(/^kind: kind is one of/),
      ]),
    );
    const reversed = await call<{ problems: string[] }>('ana', 'POST', '/calendar', {
      title: 'Backwards',
      kind: 'webinar',
      startsAt: '2025-11-02T10:00:00Z',
      endsAt: '2025-11-01T10:00:00Z',
    });
    expect(reversed.body.problems).toEqual(['endsAt: endsAt must not be before startsAt']);
    const notADate = await call<{ problems: string[] }>('ana', 'POST', '/calendar', {
      title: 'x',
      kind: 'launch',
      startsAt: 'soon',
    });
    expect(notADate.body.problems).toEqual([expect.stringMatching(/^startsAt: startsAt is an ISO 8601/)]);
    expect(
      (await call('vic', 'POST', '/calendar', { title: 'x', kind: 'launch', startsAt: '2025-11-02T10:00:00Z' })).status,
    ).toBe(403);
    const tooLong = await call<{ problems: string[] }>(
      'ana',
      'GET',
      '/calendar?from=2024-01-01T00:00:00Z&to=2025-06-01T00:00:00Z',
    );
    expect(tooLong.body.problems).toEqual(['to: a period spans at most 400 days']);
  });

  it('keeps calendar events that wall screens read, audited, and edits and removes them', async () => {
    const now = Date.now();
    const launch = await call<CalendarEventView>('ana', 'POST', '/calendar', {
      title: 'Spring launch',
      kind: 'launch',
      startsAt: new Date(now - 600_000).toISOString(),
    });
    expect(launch.status).toBe(201);
    expect(launch.body).toMatchObject({
      title: 'Spring launch',
      kind: 'launch',
      endsAt: null,
      createdBy: { name: 'ana' },
    });
    const flight = await call<CalendarEventView>('ana', 'POST', '/calendar', {
      title: 'Ad flight',
      kind: 'ad_flight',
      startsAt: new Date(now - 1_200_000).toISOString(),
      endsAt: new Date(now + 1_200_000).toISOString(),
      notes: 'TV and social',
    });
    const old = await call<CalendarEventView>('ana', 'POST', '/calendar', {
      title: 'Last year',
      kind: 'other',
      startsAt: '2024-01-01T00:00:00Z',
    });
    const renamed = await call<CalendarEventView>('ana', 'PUT', `/calendar/${flight.body.id}`, {
      title: 'Winter ad flight',
      kind: 'ad_flight',
      startsAt: flight.body.startsAt,
      endsAt: flight.body.endsAt,
    });
    expect(renamed.body).toMatchObject({ id: flight.body.id, title: 'Winter ad flight', notes: '' });
    expect((await call('ana', 'DELETE', `/calendar/${old.body.id}`)).status).toBe(204);
    expect((await call('ana', 'DELETE', `/calendar/${old.body.id}`)).status).toBe(404);

    const onTheWall = await call<CalendarEventView[]>(kiosk, 'GET', `/calendar?${period()}`);
    expect(onTheWall.status).toBe(200);
    expect(onTheWall.body.map((event) => event.title)).toEqual(['Winter ad flight', 'Spring launch']);
    const actions = await testSystem.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_entry WHERE target_type = 'calendar-event' ORDER BY seq`,
    );
    expect(actions.map((row) => row.action)).toEqual([
      'calendar.created',
      'calendar.created',
      'calendar.created',
      'calendar.updated',
      'calendar.removed',
    ]);
  });

  it('reports the period as JSON, CSV and PDF: volume, share of voice, response times and the calendar', async () => {
    const care = (await call<{ id: string }>('admin', 'POST', '/teams', { name: 'Customer care' })).body.id;
    const rules = [
      { id: 'negative', name: 'Negative', when: { sentiment: ['negative'] }, then: { priority: 'P3', teamId: care } },
    ];
    expect((await call('admin', 'PUT', '/rules', { rules })).status).toBe(200);
    const brand = (await call<{ id: string }>('admin', 'POST', '/queries', { name: 'Skylark', text: 'skylark' })).body
      .id;
    await call('admin', 'POST', '/queries', { name: 'Northwind', kind: 'competitor', text: 'northwind' });
    // The worker hears of new queries through Redis: wait until a probe comes back tagged.
    await waitFor('the worker to tag mentions with the new queries', async () => {
      const externalId = `probe-${probes++}`;
      await send([aMention({ externalId, text: 'Skylark probe' })]);
      const tagged = await waitFor('the probe', async () => {
        const [row] = await testSystem.dataSource.query<{ query_ids: string[] }[]>(
          `SELECT query_ids FROM mention WHERE external_id = $1`,
          [externalId],
        );
        return row?.query_ids;
      });
      return tagged.includes(brand) ? true : undefined;
    });
    await send([...BRAND_TEXTS, ...COMPETITOR_TEXTS].map((text) => aMention({ text })));
    const total = probes + BRAND_TEXTS.length + COMPETITOR_TEXTS.length;
    await waitFor('every mention stored', async () =>
      (await count(`SELECT count(*) AS n FROM mention`)) === total ? true : undefined,
    );
    const negative = await count(`SELECT count(*) AS n FROM mention WHERE sentiment_label = 'negative'`);
    expect(negative).toBeGreaterThan(0);
    await waitFor('an item per negative mention', async () =>
      (await count(`SELECT count(*) AS n FROM triage_item`)) === negative ? true : undefined,
    );
    await testSystem.dataSource.query(
      `UPDATE triage_item SET first_response_at = created_at + interval '10 minutes', resolved_at = created_at + interval '1 hour'
       WHERE id = (SELECT min(id) FROM triage_item)`,
    );

    const json = await call<PeriodSummary>('ana', 'GET', `/reports/summary?${period()}`);
    expect(json.status).toBe(200);
    expect(json.body.period.bucket).toBe('hour');
    expect(json.body.totals).toMatchObject({ mentions: total, negative, flaggedItems: negative, resolvedItems: 1 });
    expect(json.body.shareOfVoice.map((query) => [query.name, query.mentions])).toEqual([
      ['Skylark', probes + BRAND_TEXTS.length],
      ['Northwind', COMPETITOR_TEXTS.length],
    ]);

    const csvResponse = await fetch(`${testSystem.system.apiUrl}/api/reports/summary.csv?${period()}`, {
      headers: { Authorization: `Bearer ${tokens['ana']}` },
    });
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csvResponse.headers.get('content-disposition')).toMatch(
      // Named by the period's start, an hour before the test began (the day before, just after midnight).
      new RegExp(`^attachment; filename="watchfloor-report-${periodStartDay()}T\\d{4}Z-.*\\.csv"$`),
    );
    const lines = (await csvResponse.text()).split('\r\n');
    const header = lines[0]!.split(',');
    const rows: Record<string, string | undefined>[] = lines
      .slice(1)
      .map((line) =>
        Object.fromEntries(line.split(',').map((cell, index): [string, string] => [header[index]!, cell])),
      );
    const totalRow = rows.find((row) => row['section'] === 'total')!;
    expect(totalRow).toMatchObject({
      mentions: String(total),
      negative: String(negative),
      items: String(negative),
      resolved: '1',
    });
    const volume = rows.filter((row) => row['section'] === 'volume');
    expect(volume.reduce((sum, row) => sum + Number(row['mentions']), 0)).toBe(total);
    expect(
      rows
        .filter((row) => row['section'] === 'share_of_voice')
        .map((row) => [row['name'], row['kind'], row['mentions']]),
    ).toEqual([
      ['Skylark', 'brand', String(probes + BRAND_TEXTS.length)],
      ['Northwind', 'competitor', String(COMPETITOR_TEXTS.length)],
    ]);
    expect(rows.find((row) => row['section'] === 'response_times')).toMatchObject({
      name: 'Customer care',
      items: String(negative),
      responded: '1',
      median_first_response_minutes: '10',
      resolved: '1',
    });
    expect(rows.filter((row) => row['section'] === 'calendar').map((row) => row['name'])).toEqual([
      'Winter ad flight',
      'Spring launch',
    ]);

    const pdfResponse = await fetch(`${testSystem.system.apiUrl}/api/reports/summary.pdf?${period()}`, {
      headers: { Authorization: `Bearer ${tokens['ana']}` },
    });
    expect(pdfResponse.headers.get('content-type')).toBe('application/pdf');
    expect(pdfResponse.headers.get('content-disposition')).toMatch(
      /^attachment; filename="watchfloor-report-.*\.pdf"$/,
    );
    const pdf = await pdfParse(Buffer.from(await pdfResponse.arrayBuffer()));
    expect(pdf.numpages).toBeGreaterThanOrEqual(1);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toMatch(new RegExp(`MENTIONS ?${total}\\b`));
    expect(text).toMatch(new RegExp(`NEGATIVE ?${negative}\\b`));
    expect(text).toContain('Winter ad flight');
    expect(text).toContain('Skylark (brand)');
    expect(text).toContain('Customer care');
  });

  it('refuses reports to those without reports:read, and periods that are reversed or too long', async () => {
    expect((await call('vic', 'GET', `/reports/summary?${period()}`)).status).toBe(403);
    const reversed = await call<{ problems: string[] }>(
      'ana',
      'GET',
      '/reports/summary.csv?from=2025-11-02T00:00:00Z&to=2025-11-01T00:00:00Z',
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body.problems).toEqual(['to: `from` must be before `to`']);
    const missing = await call<{ problems: string[] }>('ana', 'GET', '/reports/summary.pdf?from=2025-11-02T00:00:00Z');
    expect(missing.body.problems).toEqual([expect.stringMatching(/^to: /)]);
  });
});
