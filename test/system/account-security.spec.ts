import { UserRepository } from '@watchfloor/persistence';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password';
const PER_ADDRESS = 30;
/** `an old bcrypt password` at cost 4, as accounts made before argon2id have it. */
const BCRYPT_HASH = '$2b$04$65SGuRJlamAQBtzIyMxRdebhPVaER7n1hMNl.gY1YDqjpEvIdY.Aa';

describe('sign-in, passwords, sessions and forged cross-site requests', () => {
  let testSystem: TestSystem;
  let api: string;
  let adminToken: string;

  async function login(email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ email, password }),
    });
  }
  async function tokenOf(email: string, password = PASSWORD): Promise<string> {
    const response = await login(email, password);
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  }
  const me = (token: string) => fetch(`${api}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
  const post = (path: string, token: string, body?: unknown) =>
    fetch(`${api}/api${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const emails = async () =>
    (
      (await (await fetch(`${api}/api/users`, { headers: { Authorization: `Bearer ${adminToken}` } })).json()) as {
        email: string;
      }[]
    ).map((user) => user.email);

  beforeAll(async () => {
    testSystem = await startTestSystem({
      env: { LOGIN_ATTEMPTS_PER_MINUTE: '5', LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE: String(PER_ADDRESS) },
    });
    api = testSystem.system.apiUrl;
    await testSystem.addUser({ email: 'admin@example.com', role: 'admin', password: PASSWORD });
    adminToken = await tokenOf('admin@example.com');
  });

  afterAll(async () => {
    await testSystem?.stop();
  });

  it('signs in an account whose password was hashed with bcrypt, and stores it as argon2id from then on', async () => {
    const users = new UserRepository(testSystem.dataSource);
    const user = await users.create({
      email: 'old-timer@example.com',
      displayName: 'Old timer',
      role: 'agent',
      passwordHash: BCRYPT_HASH,
    });
    const token = await tokenOf('old-timer@example.com', 'an old bcrypt password');
    expect((await me(token)).status).toBe(200);
    const stored = (await users.findCredentials('old-timer@example.com'))!.passwordHash;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login('old-timer@example.com', 'an old bcrypt password')).status).toBe(200);
    expect((await login('old-timer@example.com', 'not the password at all')).status).toBe(401);
    expect(user.id).toBeDefined();
  });

  it('changes your own password only with the current one, and ends your other sessions but not this one', async () => {
    await testSystem.addUser({ email: 'changer@example.com', role: 'agent', password: PASSWORD });
    const here = await tokenOf('changer@example.com');
    const elsewhere = await tokenOf('changer@example.com');

    const wrong = await post('/auth/password', here, {
      currentPassword: 'a wrong guess here',
      newPassword: 'a new long password',
    });
    expect(wrong.status).toBe(401);
    expect((await me(elsewhere)).status).toBe(200);

    const changed = await post('/auth/password', here, {
      currentPassword: PASSWORD,
      newPassword: 'a new long password',
    });
    expect(changed.status).toBe(204);
    expect((await me(here)).status).toBe(200);
    expect((await me(elsewhere)).status).toBe(401);
    expect((await login('changer@example.com')).status).toBe(401);
    expect((await login('changer@example.com', 'a new long password')).status).toBe(200);
  });

  it('lets an admin reset a password, audited, ending every session of that person', async () => {
    const target = await testSystem.addUser({ email: 'forgetful@example.com', role: 'analyst', password: PASSWORD });
    const session = await tokenOf('forgetful@example.com');
    const reset = await post(`/users/${target.id}/password`, adminToken, { password: 'a fresh admin-set password' });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ endedSessions: 1 });
    expect((await me(session)).status).toBe(401);
    expect((await login('forgetful@example.com', 'a fresh admin-set password')).status).toBe(200);

    const audit = (await (
      await fetch(`${api}/api/audit?format=json`, { headers: { Authorization: `Bearer ${adminToken}` } })
    ).json()) as { action: string; target: { id: string }; after: unknown }[];
    const entry = audit.find((item) => item.action === 'user.password_reset');
    expect(entry).toMatchObject({ target: { id: target.id }, after: { endedSessions: 1 } });
    expect(JSON.stringify(audit)).not.toContain('argon2');
  });

  it('signs a person out everywhere, by their own hand or an admin’s', async () => {
    const person = await testSystem.addUser({ email: 'traveller@example.com', role: 'viewer', password: PASSWORD });
    const [laptop, phone] = [await tokenOf('traveller@example.com'), await tokenOf('traveller@example.com')];
    expect((await post('/auth/sign-out-everywhere', laptop)).status).toBe(204);
    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(401);

    const again = await tokenOf('traveller@example.com');
    const byAdmin = await post(`/users/${person.id}/sign-out-everywhere`, adminToken);
    expect(await byAdmin.json()).toEqual({ endedSessions: 1 });
    expect((await me(again)).status).toBe(401);
  });

  it('refuses a forged cross-site form post riding on a valid session cookie, and changes nothing', async () => {
    const cookie = `wf_session=${adminToken}`;
    const form = new URLSearchParams({
      email: 'intruder@example.com',
      displayName: 'Intruder',
      role: 'admin',
      password: 'the intruder password',
    });
    const forged = await fetch(`${api}/api/users`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(forged.status).toBe(415);
    // The same as JSON from another site's page (were CORS ever opened), or with no origin at all.
    const asJson = JSON.stringify(Object.fromEntries(form));
    const crossSite = await fetch(`${api}/api/users`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'application/json' },
      body: asJson,
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await fetch(`${api}/api/users`, {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: asJson,
    });
    expect(noOrigin.status).toBe(403);
    expect(await emails()).not.toContain('intruder@example.com');

    // From a page of PUBLIC_URL the cookie works; a bearer-token script is not asked where it comes from.
    const ours = await fetch(`${api}/api/users`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: api, 'Content-Type': 'application/json' },
      body: asJson,
    });
    expect(ours.status).toBe(201);
    const script = await fetch(`${api}/api/users`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${adminToken}`,
        Origin: 'https://evil.example',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ ...Object.fromEntries(form), email: 'script@example.com' }),
    });
    expect(script.status).toBe(201);
  });

  it('slows one address trying many accounts, and is not fooled by an X-Forwarded-For it was not told to trust', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= PER_ADDRESS && !statuses.includes(429); attempt++) {
      statuses.push((await login(`nobody-${attempt}@example.com`, 'a guess at a password')).status);
    }
    // Earlier tests signed in from this address within the minute too: the refusal may come sooner.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
    const spoofed = await login('someone-new@example.com', 'a guess at a password', {
      'X-Forwarded-For': '203.0.113.9',
    });
    expect(spoofed.status).toBe(429);
  });
});
