import { aScoredMention } from '@watchfloor/domain/testing';
import { MentionRepository } from '@watchfloor/persistence';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(60_000);

describe('listening queries over the API', () => {
  let testSystem: TestSystem;
  let token: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${testSystem.system.apiUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & Record<number, Record<string, unknown>>,
    };
  };

  beforeAll(async () => {
    testSystem = await startTestSystem();
    await testSystem.addUser({ email: 'mia@example.com', role: 'manager', password: 'a long enough password' });
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'mia@example.com', password: 'a long enough password' }),
    });
    token = ((await login.json()) as { token: string }).token;
    const now = Date.now();
    await new MentionRepository(testSystem.dataSource).storeBatch(
      'queries-spec',
      [
        aScoredMention({ text: 'Skylark lost my bag, I want a refund', ingestedAt: now }),
        aScoredMention({ platform: 'reddit', text: 'Refund from Skylark came fast', ingestedAt: now }),
        aScoredMention({ text: 'Skylark sighting in the park', ingestedAt: now }),
        aScoredMention({ text: 'Old refund story about skylark', ingestedAt: now - 3 * 86_400_000 }),
      ],
      false,
    );
  });

  afterAll(async () => {
    await testSystem?.stop();
  });

  it('refuses a query that does not parse, naming the column', async () => {
    const { status, body } = await call('POST', '/queries', { name: 'Broken', text: 'skylark (refund' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ reason: 'This "(" is never closed', column: 9 });
  });

  it('saves queries with versions, keeps names unique, and records each change in the audit log', async () => {
    const created = await call('POST', '/queries', { name: 'Brand', text: 'skylark' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Brand', kind: 'brand', version: 1, text: 'skylark', enabled: true });

    const changed = await call('PATCH', `/queries/${String(created.body['id'])}`, { text: 'skylark -sighting' });
    expect(changed.body).toMatchObject({ version: 2, text: 'skylark -sighting' });
    const unchanged = await call('PATCH', `/queries/${String(created.body['id'])}`, { enabled: false });
    expect(unchanged.body).toMatchObject({ version: 2, enabled: false });

    const versions = await call('GET', `/queries/${String(created.body['id'])}/versions`);
    expect(
      (Object.values(versions.body) as Record<string, unknown>[]).map((version) => [
        version['version'],
        version['text'],
        version['createdBy'],
      ]),
    ).toEqual([
      [2, 'skylark -sighting', 'mia@example.com'],
      [1, 'skylark', 'mia@example.com'],
    ]);

    expect((await call('POST', '/queries', { name: 'Brand', text: 'other' })).status).toBe(409);
    const competitor = await call('POST', '/queries', {
      name: 'Rival',
      kind: 'competitor',
      text: 'northwind OR #northwind',
    });
    expect(competitor.body).toMatchObject({ kind: 'competitor' });

    const actions = await testSystem.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_entry WHERE target_type = 'query' ORDER BY seq`,
    );
    expect(actions.map((row) => row.action)).toEqual([
      'query.created',
      'query.updated',
      'query.updated',
      'query.created',
    ]);
  });

  it('tries a query against stored mentions of the window, and shows how each platform reads it', async () => {
    const { status, body } = await call('POST', '/queries/preview', {
      text: 'skylark refund NEAR/5 bag OR "came fast"',
      hours: 24,
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ scanned: 3, matched: 2, complete: true, byPlatform: { twitter: 1, reddit: 1 } });
    expect(body['platforms']).toEqual({
      twitter: [{ query: 'skylark refund bag OR "came fast"', exact: false }],
      reddit: [{ query: 'skylark refund bag OR "came fast"', exact: false }],
      // No OR on these: one search per alternative.
      mastodon: [
        { query: 'skylark refund bag', exact: false },
        { query: '"came fast"', exact: true },
      ],
      bluesky: [
        { query: 'skylark refund bag', exact: false },
        { query: '"came fast"', exact: true },
      ],
    });
    expect(body['hashtags']).toBeNull();
  });
});
