import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { ROLES, hashToken, newSecretToken } from '@watchfloor/access';
import type { Role } from '@watchfloor/access';
import { LiveEvent, UNAUTHORIZED } from '@watchfloor/contracts';
import { SessionRepository } from '@watchfloor/persistence';
import type { RunningSystem } from '../../apps/cli/src/system/running-system';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(90_000);

type Caller = Role | 'kiosk' | 'anonymous' | 'forged' | 'expired' | 'revoked';
const REFUSED_CALLERS = ['anonymous', 'forged', 'expired', 'revoked'] as const;
const ALL_ROLES: Caller[] = [...ROLES, 'kiosk'];
/** Everyone who opens the console; analysts read and correct analysis but do not work items. */
const CONSOLE: Caller[] = ['admin', 'manager', 'agent', 'analyst'];
const TRIAGE: Caller[] = ['admin', 'manager', 'agent'];
/** People, not screens: a kiosk sees the wall and nothing behind it (no mentions list, no cases, no notes). */
const PEOPLE: Caller[] = [...ROLES];

/**
 * Who may call what: the decision for every route in the OpenAPI document. A route missing here
 * fails the test, so a new route cannot ship without someone deciding who may use it.
 */
const MATRIX: Record<string, 'public' | Caller[]> = {
  'GET /api/health': 'public',
  'GET /api/health/live': 'public',
  'GET /api/health/ready': 'public',
  // Prometheus' scrape: no session involved; 404 on this port unless METRICS_TOKEN is set, then the
  // token decides (checked in test/system/operations.spec.ts and metrics-exposure.spec.ts).
  'GET /metrics': 'public',
  'POST /api/auth/login': 'public',
  // A screen trades its URL token for a cookie (checked in test/system/kiosk-screens.spec.ts).
  'POST /api/auth/kiosk': 'public',
  'POST /api/auth/logout': ALL_ROLES,
  'GET /api/auth/me': ALL_ROLES,
  'POST /api/auth/password': PEOPLE,
  'POST /api/auth/sign-out-everywhere': PEOPLE,
  'GET /api/mentions/recent': PEOPLE,
  'GET /api/stats/volume': PEOPLE,
  'GET /api/users': ['admin', 'manager'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/{id}': ['admin'],
  'POST /api/users/{id}/password': ['admin'],
  'POST /api/users/{id}/sign-out-everywhere': ['admin'],
  'GET /api/teams': ['admin', 'manager'],
  'POST /api/teams': ['admin'],
  'PUT /api/teams/{id}/members': ['admin', 'manager'],
  'GET /api/kiosks': ['admin'],
  'POST /api/kiosks': ['admin'],
  'DELETE /api/kiosks/{id}': ['admin'],
  'POST /api/kiosks/{id}/rotate': ['admin'],
  'PUT /api/kiosks/{id}/layout': ['admin'],
  'GET /api/wall/layouts': ['admin'],
  'POST /api/wall/layouts': ['admin'],
  'PUT /api/wall/layouts/{id}': ['admin'],
  'DELETE /api/wall/layouts/{id}': ['admin'],
  'GET /api/wall/layout': ALL_ROLES,
  'GET /api/wall/snapshot': ALL_ROLES,
  'GET /api/wall/frames': ALL_ROLES,
  'GET /api/wall/queries': ALL_ROLES,
  'GET /api/audit': ['admin'],
  'GET /api/audit/verify': ['admin'],
  'GET /api/queries': ['admin', 'manager', 'agent', 'analyst'],
  'POST /api/queries': ['admin', 'manager'],
  'PATCH /api/queries/{id}': ['admin', 'manager'],
  'GET /api/queries/{id}/versions': ['admin', 'manager', 'agent', 'analyst'],
  'POST /api/queries/preview': ['admin', 'manager', 'agent', 'analyst'],
  'GET /api/sources': ['admin', 'manager'],
  'GET /api/sources/kinds': ['admin', 'manager'],
  'POST /api/sources': ['admin'],
  'PATCH /api/sources/{id}': ['admin'],
  'DELETE /api/sources/{id}': ['admin'],
  'POST /api/sources/{id}/poll': ['admin'],
  'GET /api/issues': PEOPLE,
  'GET /api/issues/{id}': PEOPLE,
  'GET /api/issues/{id}/case-detail': PEOPLE,
  'PUT /api/issues/{id}/case': ['admin', 'manager', 'analyst'],
  'POST /api/issues/{id}/acknowledge': ['admin', 'manager', 'analyst'],
  'GET /api/issues/{id}/notes': PEOPLE,
  'POST /api/issues/{id}/notes': ['admin', 'manager', 'analyst'],
  'GET /api/issues/{id}/triage-items': ['admin', 'manager', 'analyst'],
  'GET /api/issues/{id}/timeline': PEOPLE,
  'GET /api/issues/{id}/post-mortem.csv': ['admin', 'manager', 'analyst'],
  'GET /api/incidents': PEOPLE,
  'POST /api/incidents/{id}/acknowledge': ['admin', 'manager', 'analyst'],
  'POST /api/incidents/{id}/snooze': ['admin', 'manager', 'analyst'],
  'PUT /api/teams/{id}/settings': ['admin', 'manager'],
  'GET /api/triage/teams': CONSOLE,
  'GET /api/triage/items': CONSOLE,
  'GET /api/triage/items/{id}': CONSOLE,
  'POST /api/triage/items/{id}/claim': TRIAGE,
  'POST /api/triage/items/{id}/release': TRIAGE,
  'POST /api/triage/items/{id}/assign': TRIAGE,
  'POST /api/triage/items/{id}/transition': TRIAGE,
  'POST /api/triage/items/{id}/notes': TRIAGE,
  'PUT /api/triage/items/{id}/tags': TRIAGE,
  'POST /api/triage/items/{id}/correction': CONSOLE,
  'POST /api/triage/items/{id}/replies': TRIAGE,
  'POST /api/triage/bulk': TRIAGE,
  'GET /api/triage/templates': CONSOLE,
  'POST /api/triage/templates': ['admin', 'manager'],
  'DELETE /api/triage/templates/{id}': ['admin', 'manager'],
  'GET /api/triage/stats': CONSOLE,
  'GET /api/rules': ['admin', 'manager'],
  'PUT /api/rules': ['admin', 'manager'],
  'GET /api/rules/versions': ['admin', 'manager'],
  'POST /api/rules/dry-run': ['admin', 'manager'],
  'GET /api/notification-channels': ['admin', 'manager'],
  'POST /api/notification-channels': ['admin'],
  'DELETE /api/notification-channels/{id}': ['admin'],
  'POST /api/notification-channels/{id}/test': ['admin'],
  'GET /api/calendar': ALL_ROLES,
  'POST /api/calendar': ['admin', 'manager', 'analyst'],
  'PUT /api/calendar/{id}': ['admin', 'manager', 'analyst'],
  'DELETE /api/calendar/{id}': ['admin', 'manager', 'analyst'],
  'GET /api/reports/summary': ['admin', 'manager', 'analyst'],
  'GET /api/reports/summary.csv': ['admin', 'manager', 'analyst'],
  'GET /api/reports/summary.pdf': ['admin', 'manager', 'analyst'],
  // They change how every mention is scored from then on.
  'GET /api/sentiment/adaptations': ['admin'],
  'POST /api/sentiment/adaptations/retrain': ['admin'],
  'POST /api/sentiment/adaptations/{id}/activate': ['admin'],
  'POST /api/sentiment/adaptations/deactivate': ['admin'],
};

const PASSWORD = 'a long enough password';

// The triage socket events (presence, items per team) are checked per team in test/system/triage.spec.ts.
describe('authorization matrix: every route and the live socket, as every kind of caller', () => {
  let testSystem: TestSystem;
  let system: RunningSystem;
  const tokens = new Map<Caller, string | undefined>();

  async function login(email: string): Promise<string> {
    const response = await fetch(`${system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }

  beforeAll(async () => {
    testSystem = await startTestSystem({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '5' } });
    system = testSystem.system;
    const userIds: Record<string, string> = {};
    for (const role of ROLES) {
      userIds[role] = (await testSystem.addUser({ email: `${role}@example.com`, role, password: PASSWORD })).id;
      tokens.set(role, await login(`${role}@example.com`));
    }
    tokens.set('kiosk', await testSystem.kioskToken('matrix screen'));
    tokens.set('anonymous', undefined);
    tokens.set('forged', newSecretToken());
    const expired = newSecretToken();
    await new SessionRepository(testSystem.dataSource).create(
      userIds['agent']!,
      hashToken(expired),
      new Date(Date.now() - 60_000),
    );
    tokens.set('expired', expired);
    const revoked = await login('viewer@example.com');
    await fetch(`${system.apiUrl}/api/auth/logout`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${revoked}` },
    });
    tokens.set('revoked', revoked);
  });

  afterAll(async () => {
    await testSystem?.stop();
  });

  async function routesOfOpenApi(): Promise<string[]> {
    const document = (await (await fetch(`${system.apiUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
  }

  it('has a decision for every route the API documents, and documents every route it decides', async () => {
    const documented = await routesOfOpenApi();
    expect(documented.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('answers every caller on every route as the matrix says: 401 without a live credential, 403 without the role', async () => {
    const wrong: string[] = [];
    for (const route of await routesOfOpenApi()) {
      const [method, path] = route.split(' ') as [string, string];
      // Bodies and ids that change nothing: an allowed caller gets past the guard to a 400 or 404.
      const url = `${system.apiUrl}${path.replaceAll(/\{\w+\}/g, randomUUID())}`;
      for (const caller of [...ALL_ROLES, ...REFUSED_CALLERS]) {
        // Logging out ends the session: each role signs out a session of its own, not the shared one.
        const token =
          route === 'POST /api/auth/logout' && (ROLES as readonly string[]).includes(caller)
            ? await login(`${caller}@example.com`)
            : tokens.get(caller);
        const response = await fetch(url, {
          method,
          headers: {
            'Content-Type': 'application/json',
            ...(token !== undefined && { Authorization: `Bearer ${token}` }),
          },
          ...(method !== 'GET' && { body: '{}' }),
        });
        const decision = MATRIX[route]!;
        const expected =
          decision === 'public'
            ? 'open'
            : (REFUSED_CALLERS as readonly string[]).includes(caller)
              ? 401
              : decision.includes(caller)
                ? 'open'
                : 403;
        const ok = expected === 'open' ? ![401, 403].includes(response.status) : response.status === expected;
        if (!ok) wrong.push(`${route} as ${caller}: got ${response.status}, expected ${expected}`);
        // Signing out everywhere ended the role's shared session too: sign it in again.
        if (route === 'POST /api/auth/sign-out-everywhere' && (ROLES as readonly string[]).includes(caller)) {
          tokens.set(caller, await login(`${caller}@example.com`));
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('opens the queue dashboard (outside the OpenAPI document) to admins only', async () => {
    const outcomes: Record<string, number> = {};
    for (const caller of [...ALL_ROLES, ...REFUSED_CALLERS]) {
      const token = tokens.get(caller);
      const response = await fetch(`${system.apiUrl}/admin/queues/api/queues`, {
        headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
      });
      outcomes[caller] = response.status;
    }
    expect(outcomes).toEqual({
      ...Object.fromEntries(ALL_ROLES.map((caller) => [caller, caller === 'admin' ? 200 : 403])),
      ...Object.fromEntries(REFUSED_CALLERS.map((caller) => [caller, 401])),
    });
  });

  it('refuses the live socket to callers without a live credential, and admits every role and screen', async () => {
    const outcomes: Record<string, string> = {};
    for (const caller of [...ALL_ROLES, ...REFUSED_CALLERS]) {
      const token = tokens.get(caller);
      const socket = io(system.apiUrl, {
        transports: ['websocket'],
        reconnection: false,
        ...(token !== undefined && { auth: { token } }),
      });
      outcomes[caller] = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
      });
      socket.close();
    }
    expect(outcomes).toEqual({
      ...Object.fromEntries(ALL_ROLES.map((caller) => [caller, 'connected'])),
      ...Object.fromEntries(REFUSED_CALLERS.map((caller) => [caller, UNAUTHORIZED])),
    });
  });

  it('ends the sessions and sockets of a user who is disabled, at once', async () => {
    await testSystem.addUser({ email: 'leaver@example.com', role: 'agent', password: PASSWORD });
    const leaver = await login('leaver@example.com');
    const socket = io(system.apiUrl, { transports: ['websocket'], reconnection: false, auth: { token: leaver } });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const told = new Promise<string>((resolve) =>
      socket.once(LiveEvent.AccessRevoked, ({ reason }) => resolve(reason)),
    );

    const me = (await (
      await fetch(`${system.apiUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${leaver}` } })
    ).json()) as { userId: string };
    const disable = await fetch(`${system.apiUrl}/api/users/${me.userId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.get('admin')}` },
      body: JSON.stringify({ disabled: true }),
    });
    expect(disable.status).toBe(200);
    await expect(told).resolves.toContain('account');
    const after = await fetch(`${system.apiUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${leaver}` } });
    expect(after.status).toBe(401);
    socket.close();
  });

  it('will not disable or demote the last active admin', async () => {
    const me = (await (
      await fetch(`${system.apiUrl}/api/auth/me`, { headers: { Authorization: `Bearer ${tokens.get('admin')}` } })
    ).json()) as { userId: string };
    for (const change of [{ role: 'viewer' }, { disabled: true }]) {
      const response = await fetch(`${system.apiUrl}/api/users/${me.userId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.get('admin')}` },
        body: JSON.stringify(change),
      });
      expect(response.status).toBe(409);
    }
  });

  it('slows password guessing: the sixth try in a minute on one account is refused with 429', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await fetch(`${system.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'target@example.com', password: `wrong guess ${attempt}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
