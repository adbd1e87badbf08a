import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { hashToken, newSecretToken } from '@watchfloor/access';
import { LiveEvent } from '@watchfloor/contracts';
import { KioskTokenRepository } from '@watchfloor/persistence';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const PUBLIC_URL = 'https://wall.example.com';
const PASSWORD = 'a long enough password';

describe('kiosk screens: a cookie instead of a URL token, the wall and nothing else, expiry and rotation', () => {
  let testSystem: TestSystem;
  let api: string;
  let adminToken: string;
  const sockets: Socket[] = [];

  const get = (path: string, headers: Record<string, string>) => fetch(`${api}/api${path}`, { headers });
  const exchange = (token: string) =>
    fetch(`${api}/api/auth/kiosk`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: PUBLIC_URL },
      body: JSON.stringify({ token }),
    });
  function screenSocket(headers: Record<string, string>): Socket {
    const socket = io(api, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: headers,
      auth: { feed: 'frames' },
    });
    sockets.push(socket);
    return socket;
  }
  const connected = (socket: Socket) =>
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });

  beforeAll(async () => {
    testSystem = await startTestSystem({
      env: { PUBLIC_URL, TRUSTED_PROXIES: 'loopback', LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: '3' },
    });
    api = testSystem.system.apiUrl;
    await testSystem.addUser({ email: 'admin@example.com', role: 'admin', password: PASSWORD });
    const response = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: PASSWORD }),
    });
    adminToken = ((await response.json()) as { token: string }).token;
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await testSystem?.stop();
  });

  it('trades the URL token for an HttpOnly, SameSite=Strict, Secure cookie that the wall and its socket run on', async () => {
    const token = await testSystem.kioskToken('Lobby');
    const response = await exchange(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ principal: { kind: 'kiosk', name: 'Lobby' } });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^wf_kiosk=${token};`));
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; Expires=/);

    const cookie = { Cookie: `wf_kiosk=${token}` };
    expect((await get('/wall/snapshot', cookie)).status).toBe(200);
    expect((await get('/wall/layout', cookie)).status).toBe(200);
    await connected(screenSocket(cookie));
    // A cookie-borne change from a page of PUBLIC_URL passes; signing the screen out clears the cookie.
    const logout = await fetch(`${api}/api/auth/logout`, {
      method: 'POST',
      headers: { ...cookie, Origin: PUBLIC_URL },
    });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/wf_kiosk=;/);
  });

  it('refuses a revoked, expired or made-up token at the exchange, saying what to do', async () => {
    const response = await exchange(newSecretToken());
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toContain('ask an admin for a new one');
    const expired = newSecretToken();
    await new KioskTokenRepository(testSystem.dataSource).create({
      name: 'Expired',
      tokenHash: hashToken(expired),
      createdBy: null,
      expiresAt: new Date(Date.now() - 1_000),
    });
    expect((await exchange(expired)).status).toBe(401);
    expect((await get('/wall/snapshot', { Authorization: `Bearer ${expired}` })).status).toBe(401);
  });

  it('shows a screen the wall only: not the mentions list, the issues, their cases or notes', async () => {
    const token = await testSystem.kioskToken('Wall only');
    const issueId = '00000000-0000-4000-8000-000000000001';
    const ways: Record<string, string>[] = [{ Authorization: `Bearer ${token}` }, { Cookie: `wf_kiosk=${token}` }];
    for (const headers of ways) {
      const statuses = await Promise.all(
        [
          '/mentions/recent',
          '/stats/volume',
          '/issues',
          `/issues/${issueId}`,
          `/issues/${issueId}/case-detail`,
          `/issues/${issueId}/notes`,
          `/issues/${issueId}/timeline`,
          '/incidents',
          '/users',
          '/triage/items',
        ].map(async (path) => [path, (await get(path, headers)).status]),
      );
      expect(statuses.filter(([, status]) => status !== 403)).toEqual([]);
      expect((await get('/wall/queries', headers)).status).toBe(200);
    }
  });

  it('ends a screen’s socket when its token expires, while it stays connected', async () => {
    const token = newSecretToken();
    await new KioskTokenRepository(testSystem.dataSource).create({
      name: 'Short-lived',
      tokenHash: hashToken(token),
      createdBy: null,
      expiresAt: new Date(Date.now() + 3_000),
    });
    const socket = screenSocket({ Cookie: `wf_kiosk=${token}` });
    const told = new Promise<string>((resolve) =>
      socket.once(LiveEvent.AccessRevoked, ({ reason }) => resolve(reason)),
    );
    await connected(socket);
    await expect(told).resolves.toContain('expired');
  });

  it('rotates a screen: a new wall URL, the old token dead at once and its screen told so', async () => {
    const oldToken = await testSystem.kioskToken('Rotated');
    const [kiosk] = (
      (await (await get('/kiosks', { Authorization: `Bearer ${adminToken}` })).json()) as {
        id: string;
        name: string;
      }[]
    ).filter((screen) => screen.name === 'Rotated');
    const socket = screenSocket({ Cookie: `wf_kiosk=${oldToken}` });
    const told = new Promise<string>((resolve) =>
      socket.once(LiveEvent.AccessRevoked, ({ reason }) => resolve(reason)),
    );
    await connected(socket);

    const rotated = await fetch(`${api}/api/kiosks/${kiosk!.id}/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}` },
    });
    expect(rotated.status).toBe(200);
    const { wallUrl, kiosk: record } = (await rotated.json()) as {
      wallUrl: string;
      kiosk: { rotatedAt: string; expiresAt: string };
    };
    expect(wallUrl).toMatch(/^https:\/\/wall\.example\.com\/wall\?kiosk=[\w-]{43}$/);
    expect(record.rotatedAt).toEqual(expect.any(String));
    expect(Date.parse(record.expiresAt)).toBeGreaterThan(Date.now() + 89 * 86_400_000);
    await expect(told).resolves.toContain('replaced');
    expect((await get('/wall/snapshot', { Authorization: `Bearer ${oldToken}` })).status).toBe(401);
    const newToken = new URL(wallUrl).searchParams.get('kiosk')!;
    expect((await exchange(newToken)).status).toBe(200);
    expect((await get('/wall/snapshot', { Cookie: `wf_kiosk=${newToken}` })).status).toBe(200);
    const audit = (await (await get('/audit?format=json', { Authorization: `Bearer ${adminToken}` })).json()) as {
      action: string;
    }[];
    expect(audit.map((entry) => entry.action)).toContain('kiosk.rotated');
  });

  it('counts logins per forwarded client address when the proxy in front is trusted', async () => {
    const attempt = (address: string, n: number) =>
      fetch(`${api}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
        body: JSON.stringify({ email: `guess-${address}-${n}@example.com`, password: 'a guess at a password' }),
      }).then((response) => response.status);
    const fromOne = [];
    for (let n = 0; n < 4; n++) fromOne.push(await attempt('203.0.113.1', n));
    expect(fromOne).toEqual([401, 401, 401, 429]);
    expect(await attempt('203.0.113.2', 0)).toBe(401);
  });
});
