import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(60_000);

const PASSWORD = 'correct horse battery staple';

/**
 * The api as a self-hosting admin runs it, with no allow-list: a channel URL that points into the
 * host's own network is refused when it is saved, before any alert could go there.
 */
describe('the egress guard when an admin saves a notification channel', () => {
  let testSystem: TestSystem;
  let token: string;

  const saveChannel = async (url: string) => {
    const response = await fetch(`${testSystem.system.apiUrl}/api/notification-channels`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Hook', kind: 'webhook', target: { url } }),
    });
    return { status: response.status, body: (await response.json()) as { problems?: string[] } };
  };

  beforeAll(async () => {
    testSystem = await startTestSystem({ workers: 0, env: { EGRESS_ALLOW_NETWORKS: '' } });
    await testSystem.addUser({ email: 'admin@example.com', role: 'admin', password: PASSWORD });
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: PASSWORD }),
    });
    token = ((await login.json()) as { token: string }).token;
  });

  afterAll(async () => {
    await testSystem?.stop();
  });

  it.each([
    ['a loopback address', 'http://127.0.0.1:9/hook', /127\.0\.0\.1, a loopback address/],
    ['a name for loopback', 'http://localhost:9/hook', /a loopback address/],
    ['a private network', 'https://10.20.0.5/hook', /10\.20\.0\.5, a private network address/],
    ['the cloud metadata service', 'https://169.254.169.254/latest', /cloud metadata address/],
  ])('refuses a webhook on %s with a 400 naming the setting that would allow it', async (_what, url, reason) => {
    const saved = await saveChannel(url);
    expect(saved.status).toBe(400);
    expect(saved.body.problems).toEqual([expect.stringMatching(reason)]);
    expect(saved.body.problems?.[0]).toContain('EGRESS_ALLOW_NETWORKS');
  });
});
