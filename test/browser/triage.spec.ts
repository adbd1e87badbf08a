import { join } from 'node:path';
import Redis from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient } from '@watchfloor/messaging';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { TEST_REDIS_URL } from '../support/test-services';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';

describe('the triage console in Chromium: two agents on one inbox', () => {
  let testSystem: TestSystem;
  let browser: Browser;
  let redis: Redis;
  let ingest: IngestQueueClient;

  async function signIn(email: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${testSystem.system.apiUrl}/login?next=%2Fconsole`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('[data-testid="inbox"]').waitFor();
    return page;
  }

  beforeAll(async () => {
    testSystem = await startTestSystem({ env: { WORKER_LOCK_MS: '2000' } });
    const ids: Record<string, string> = {};
    for (const [name, role] of [
      ['ada', 'admin'],
      ['dana', 'agent'],
      ['sam', 'agent'],
    ] as const) {
      ids[name] = (
        await testSystem.addUser({
          email: `${name}@example.com`,
          role,
          password: PASSWORD,
          displayName: name === 'ada' ? 'Ada Admin' : name === 'dana' ? 'Dana Agent' : 'Sam Agent',
        })
      ).id;
    }
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const admin = (method: string, path: string, body: unknown) =>
      fetch(`${testSystem.system.apiUrl}/api${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      }).then(async (response) => {
        expect(response.status).toBeLessThan(300);
        return (await response.json()) as { id: string };
      });
    const care = await admin('POST', '/teams', { name: 'Customer care' });
    await admin('PUT', `/teams/${care.id}/members`, { userIds: [ids['dana'], ids['sam']] });
    await admin('PUT', '/rules', {
      rules: [
        {
          id: 'complaints',
          name: 'Complaints',
          when: { sentiment: ['negative'] },
          then: { priority: 'P2', teamId: care.id, slaMinutes: 60 },
        },
      ],
    });
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    ingest = new IngestQueueClient(redis, testSystem.redisPrefix);
    await ingest.enqueue([
      {
        batchId: 'browser-triage-1',
        source: 'spec',
        receivedAt: Date.now(),
        mentions: [
          aMention({
            text: 'Skylark lost my bag again, worst service ever and still waiting for a refund',
            author: { handle: 'bagless_bob', name: 'Bob' },
          }),
        ],
      },
    ]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ingest?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  it('lets Dana claim a complaint while Sam watches it become hers, live, and keeps Sam from taking it', async () => {
    const dana = await signIn('dana@example.com');
    const sam = await signIn('sam@example.com');
    const row = (page: Page) => page.locator('[data-testid="inbox-item"]').first();
    await row(dana).waitFor();
    await row(sam).waitFor();
    expect(await row(dana).getAttribute('data-priority')).toBe('P2');

    await row(sam).click();
    await sam.locator('[data-testid="item-detail"]').waitFor();
    await row(dana).click();
    await dana.locator('[data-testid="why-flagged"]').waitFor();
    expect(await dana.locator('[data-testid="why-flagged"]').textContent()).toContain('Complaints');
    // Dana sees Sam at the item before she takes it.
    await dana.locator('[data-testid="presence"]', { hasText: 'Sam Agent' }).waitFor();

    await dana.click('[data-testid="claim-button"]');
    await dana.locator('[data-testid="inbox-item"][data-assignee="Dana Agent"]').waitFor();
    // Sam never reloads: the claim reaches him over the socket.
    await sam.locator('[data-testid="inbox-item"][data-assignee="Dana Agent"]').waitFor();
    await sam.locator('[data-testid="held-by"]', { hasText: 'Dana Agent' }).waitFor();
    expect(await sam.locator('[data-testid="claim-button"]').isDisabled()).toBe(true);
    await sam.screenshot({ path: join(ARTIFACTS_DIR, 'console-held-by-someone-else.png') });

    await dana.fill('[data-testid="note-input"]', 'Calling the airport about the bag');
    await dana.click('[data-testid="add-note"]');
    await dana.locator('[data-testid="timeline"]', { hasText: 'Calling the airport' }).waitFor();
    await dana.click('[data-testid="resolve-button"]');
    await dana.locator('[data-testid="item-detail"]', { hasText: /resolved/i }).waitFor();
    await dana.screenshot({ path: join(ARTIFACTS_DIR, 'console-resolved.png') });
  });
});
