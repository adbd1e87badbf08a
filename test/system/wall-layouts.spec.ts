import { randomUUID } from 'node:crypto';
import { BUILT_IN_WALL_LAYOUT } from '@watchfloor/contracts';
import type { ResolvedWallLayout, StoredWallLayout, WallLayoutInput } from '@watchfloor/contracts';
import { AuditRepository } from '@watchfloor/persistence';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { apiCaller } from '../support/api-call';

jest.setTimeout(90_000);

const PASSWORD = 'a long enough password';

function aLayout(overrides: Partial<WallLayoutInput> = {}): WallLayoutInput {
  return {
    name: 'Lobby',
    theme: 'dark',
    scenes: [
      { name: 'Live', panels: ['stream', 'volume'], durationSeconds: 60 },
      { name: 'Ops', panels: ['sla', 'sources'], durationSeconds: 20 },
    ],
    ...overrides,
  };
}

describe('wall layouts: admins store them, screens are given them, every caller gets the right one', () => {
  let testSystem: TestSystem;
  const tokens: Record<string, string> = {};
  let kioskId: string;

  const call = apiCaller(() => testSystem.system.apiUrl, tokens);
  const layoutOf = async (who: string, query = '') =>
    (await call<ResolvedWallLayout>(who, 'GET', `/wall/layout${query}`)).body;
  const create = async (input: WallLayoutInput) => {
    const response = await call<StoredWallLayout>('admin', 'POST', '/wall/layouts', input);
    expect(response.status).toBe(201);
    return response.body;
  };
  const kioskLayoutId = async () =>
    (await call<{ id: string; layoutId: string | null }[]>('admin', 'GET', '/kiosks')).body.find(
      (kiosk) => kiosk.id === kioskId,
    )!.layoutId;

  beforeAll(async () => {
    testSystem = await startTestSystem();
    for (const [name, role] of [
      ['admin', 'admin'],
      ['mia', 'manager'],
      ['vic', 'viewer'],
    ] as const) {
      await testSystem.addUser({ email: `${name}@example.com`, role, password: PASSWORD });
      const response = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
      });
      tokens[name] = ((await response.json()) as { token: string }).token;
    }
    tokens['kiosk'] = await testSystem.kioskToken('Lobby screen');
    const kiosks = (await call<{ id: string; name: string }[]>('admin', 'GET', '/kiosks')).body;
    kioskId = kiosks.find((kiosk) => kiosk.name === 'Lobby screen')!.id;
  });

  afterAll(async () => {
    await testSystem?.stop();
  });

  it('shows the built-in layout to screens and people while none is stored', async () => {
    for (const who of ['kiosk', 'vic']) {
      const layout = await layoutOf(who);
      expect(layout).toMatchObject({ ...BUILT_IN_WALL_LAYOUT, source: 'built-in' });
      expect(Number.isNaN(Date.parse(layout.updatedAt))).toBe(false);
    }
  });

  it.each([
    [
      'a panel the wall does not have',
      aLayout({ scenes: [{ name: 'x', panels: ['weather' as 'map'], durationSeconds: 30 }] }),
      'scenes.0.panels.0',
    ],
    [
      'a panel twice in a scene',
      aLayout({ scenes: [{ name: 'x', panels: ['map', 'map'], durationSeconds: 30 }] }),
      'scenes.0.panels: a panel appears at most once',
    ],
    [
      'seven panels',
      aLayout({
        scenes: [
          {
            name: 'x',
            panels: ['stream', 'flagged', 'volume', 'platforms', 'trending', 'issues', 'map'],
            durationSeconds: 30,
          },
        ],
      }),
      'scenes.0.panels: a scene shows at most 6 panels',
    ],
    [
      'a scene without panels',
      aLayout({ scenes: [{ name: 'x', panels: [], durationSeconds: 30 }] }),
      'scenes.0.panels: a scene shows at least one panel',
    ],
    [
      'a 5-second scene',
      aLayout({ scenes: [{ name: 'x', panels: ['map'], durationSeconds: 5 }] }),
      'scenes.0.durationSeconds: a scene shows for at least 10',
    ],
    [
      'a two-hour scene',
      aLayout({ scenes: [{ name: 'x', panels: ['map'], durationSeconds: 7_200 }] }),
      'scenes.0.durationSeconds: a scene shows for at most 3600',
    ],
    ['no scenes', aLayout({ scenes: [] }), 'scenes: a layout has at least one scene'],
    ['a blank name', aLayout({ name: '  ' }), 'name: a layout needs a name'],
  ])('refuses %s with a 400 that names the problem, and stores nothing', async (_, body, problem) => {
    const response = await call<{ problems: string[] }>('admin', 'POST', '/wall/layouts', body);
    expect(response.status).toBe(400);
    expect(response.body.problems.join('\n')).toContain(problem);
    expect((await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body).toEqual([]);
  });

  it('creates and lists layouts, refuses a second of the same name, and keeps them to those who manage walls', async () => {
    const lobby = await create(aLayout({ name: '  Lobby  ' }));
    expect(lobby).toMatchObject({ ...aLayout(), isDefault: false, version: 1, updatedBy: 'admin@example.com' });
    expect((await call('admin', 'POST', '/wall/layouts', aLayout())).status).toBe(409);
    expect((await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body).toEqual([lobby]);
    expect((await call('mia', 'POST', '/wall/layouts', aLayout({ name: 'Other' }))).status).toBe(403);
    expect((await call('kiosk', 'GET', '/wall/layouts')).status).toBe(403);
  });

  it('updates a layout at the version it was read, refuses a stale version with 409, and audits the change', async () => {
    const [lobby] = (await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body;
    const changed = aLayout({
      name: 'Lobby',
      theme: 'high-contrast',
      scenes: [aLayout().scenes[1]!, aLayout().scenes[0]!],
    });
    const first = await call<StoredWallLayout>('admin', 'PUT', `/wall/layouts/${lobby!.id}`, {
      ...changed,
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ...changed, version: 2 });

    const stale = await call<{ message: string }>('admin', 'PUT', `/wall/layouts/${lobby!.id}`, {
      ...aLayout({ theme: 'dark' }),
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('reload');
    expect((await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body[0]).toEqual(first.body);

    expect((await call('admin', 'PUT', `/wall/layouts/${randomUUID()}`, { ...changed, version: 1 })).status).toBe(404);
    expect(
      (await call('admin', 'PUT', `/wall/layouts/${lobby!.id}`, { ...changed, version: 2, scenes: [] })).status,
    ).toBe(400);

    const entries = await new AuditRepository(testSystem.dataSource).find({ limit: 1_000 });
    const updates = entries.filter((entry) => entry.action === 'wall-layout.updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      actor: { label: 'admin@example.com' },
      target: { type: 'wall-layout', id: lobby!.id },
      before: { theme: 'dark', version: 1 },
      after: { theme: 'high-contrast', version: 2 },
    });
  });

  it('keeps a single default, which people and screens without a layout of their own are shown', async () => {
    const [lobby] = (await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body;
    const night = await create(aLayout({ name: 'Night', isDefault: true }));
    expect(night.isDefault).toBe(true);
    expect(await layoutOf('vic')).toMatchObject({ id: night.id, source: 'default' });

    const makeDefault = await call<StoredWallLayout>('admin', 'PUT', `/wall/layouts/${lobby!.id}`, {
      ...aLayout({ name: lobby!.name, theme: lobby!.theme, scenes: lobby!.scenes }),
      isDefault: true,
      version: lobby!.version,
    });
    expect(makeDefault.status).toBe(200);
    const listed = (await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body;
    expect(listed.map((layout) => [layout.name, layout.isDefault])).toEqual([
      ['Lobby', true],
      ['Night', false],
    ]);
    const [row] = await testSystem.dataSource.query<{ count: string }[]>(
      'SELECT count(*) AS count FROM wall_layout WHERE is_default',
    );
    expect(Number(row?.count)).toBe(1);
    expect(await layoutOf('kiosk')).toMatchObject({ id: lobby!.id, theme: 'high-contrast', source: 'default' });
    expect(await layoutOf('vic')).toMatchObject({ id: lobby!.id, source: 'default' });
  });

  it('gives a screen its own layout, shown to it alone; ?layout previews any layout and 404s an unknown one', async () => {
    const layouts = (await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body;
    const lobby = layouts.find((layout) => layout.name === 'Lobby')!;
    const night = layouts.find((layout) => layout.name === 'Night')!;

    const assigned = await call('admin', 'PUT', `/kiosks/${kioskId}/layout`, { layoutId: night.id });
    expect(assigned).toEqual({ status: 200, body: { layoutId: night.id } });
    expect(await kioskLayoutId()).toBe(night.id);
    expect(await layoutOf('kiosk')).toMatchObject({ id: night.id, name: 'Night', isDefault: false, source: 'screen' });
    expect(await layoutOf('vic')).toMatchObject({ id: lobby.id, source: 'default' });

    expect(await layoutOf('kiosk', `?layout=${lobby.id}`)).toMatchObject({ id: lobby.id, source: 'requested' });
    expect(await layoutOf('vic', `?layout=${night.id}`)).toMatchObject({ id: night.id, source: 'requested' });
    expect(await layoutOf('vic', '?layout=built-in')).toMatchObject({ id: 'built-in', source: 'requested' });
    expect((await call('vic', 'GET', `/wall/layout?layout=${randomUUID()}`)).status).toBe(404);
    expect((await call('kiosk', 'GET', '/wall/layout?layout=no-such-layout')).status).toBe(404);

    expect((await call('admin', 'PUT', `/kiosks/${kioskId}/layout`, { layoutId: randomUUID() })).status).toBe(404);
    expect((await call('admin', 'PUT', `/kiosks/${randomUUID()}/layout`, { layoutId: night.id })).status).toBe(404);
    expect((await call('admin', 'PUT', `/kiosks/${kioskId}/layout`, { layoutId: 'night' })).status).toBe(400);
    expect((await call('kiosk', 'PUT', `/kiosks/${kioskId}/layout`, { layoutId: null })).status).toBe(403);
    expect(await kioskLayoutId()).toBe(night.id);
  });

  it('sends a screen back to the default when its layout is deleted, and to the built-in one when the default is', async () => {
    const layouts = (await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body;
    const lobby = layouts.find((layout) => layout.name === 'Lobby')!;
    const night = layouts.find((layout) => layout.name === 'Night')!;

    expect((await call('admin', 'DELETE', `/wall/layouts/${night.id}`)).status).toBe(204);
    expect(await kioskLayoutId()).toBeNull();
    expect(await layoutOf('kiosk')).toMatchObject({ id: lobby.id, source: 'default' });

    expect((await call('admin', 'DELETE', `/wall/layouts/${lobby.id}`)).status).toBe(204);
    expect((await call('admin', 'DELETE', `/wall/layouts/${lobby.id}`)).status).toBe(404);
    expect(await layoutOf('kiosk')).toMatchObject({ id: 'built-in', source: 'built-in' });
    expect(await layoutOf('vic')).toMatchObject({ id: 'built-in', source: 'built-in' });
  });

  it('gives a screen back to the default on request', async () => {
    const dusk = await create(aLayout({ name: 'Dusk' }));
    await call('admin', 'PUT', `/kiosks/${kioskId}/layout`, { layoutId: dusk.id });
    expect(await layoutOf('kiosk')).toMatchObject({ id: dusk.id, source: 'screen' });
    expect((await call('admin', 'PUT', `/kiosks/${kioskId}/layout`, { layoutId: null })).status).toBe(200);
    expect(await kioskLayoutId()).toBeNull();
    expect(await layoutOf('kiosk')).toMatchObject({ source: 'built-in' });
  });

  it('leaves exactly one default when admins pick different defaults at the same moment', async () => {
    const picked = await Promise.all(['Dawn', 'Noon', 'Evening'].map((name) => create(aLayout({ name }))));
    const answers = await Promise.all(
      picked.map((layout) =>
        call('admin', 'PUT', `/wall/layouts/${layout.id}`, {
          ...aLayout({ name: layout.name }),
          isDefault: true,
          version: 1,
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const defaults = (await call<StoredWallLayout[]>('admin', 'GET', '/wall/layouts')).body.filter(
      (layout) => layout.isDefault,
    );
    expect(defaults).toHaveLength(1);
    expect(await layoutOf('vic')).toMatchObject({ id: defaults[0]!.id, source: 'default' });
  });
});
