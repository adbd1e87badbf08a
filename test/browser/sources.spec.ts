import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SecretBox } from '@watchfloor/access';
import { FakeRedditServer } from '../../libs/sources/test/fakes/reddit.server';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(90_000);

const PASSWORD = 'correct horse battery';

describe('the Sources page, in Chromium', () => {
  const reddit = new FakeRedditServer();
  let testSystem: TestSystem;
  let browser: Browser;

  async function signIn(email: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${testSystem.system.apiUrl}/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('[data-testid="console"]').waitFor();
    return page;
  }

  beforeAll(async () => {
    await reddit.start();
    testSystem = await startTestSystem({
      env: {
        WATCHFLOOR_SECRET_KEY: SecretBox.generateKey(),
        // The fake Reddit stands in for its official hosts, which sources are otherwise pinned to.
        SOURCE_ENDPOINT_OVERRIDES: [reddit.url, reddit.authUrl].map((url) => new URL(url).origin).join(','),
      },
    });
    await testSystem.addUser({ email: 'ada@example.com', role: 'admin', password: PASSWORD });
    await testSystem.addUser({ email: 'mia@example.com', role: 'manager', password: PASSWORD });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testSystem?.stop();
    await reddit.stop();
  });

  it('adds a Reddit source with write-only credentials, shows its health, and a manager sees it without controls', async () => {
    reddit.posts = [{ id: 'b1', title: 'Skylark lost my bag', createdUtc: Math.floor(Date.now() / 1000) - 30 }];
    const admin = await signIn('ada@example.com');
    await admin.goto(`${testSystem.system.apiUrl}/queries`);
    await admin.fill('[data-testid="query-text"]', 'skylark');
    await admin.click('[data-testid="preview-query"]');
    await admin.locator('[data-testid="query-preview"]').waitFor();
    await admin.fill('[data-testid="query-name"]', 'Brand');
    await admin.click('[data-testid="save-query"]');
    await admin.locator('[data-testid="query-list"] li', { hasText: 'Brand' }).waitFor();

    await admin.click('nav >> text=Sources');
    await admin.locator('[data-testid="sources"]').waitFor();
    await admin.selectOption('[data-testid="source-kind"]', 'reddit-search');
    await admin.fill('[data-testid="source-name"]', 'Reddit brand search');
    // A bad setting is refused with the field named, and nothing is stored.
    await admin.fill('[data-testid="setting-apiUrl"]', 'not a url');
    await admin.fill('[data-testid="credential-clientId"]', reddit.clientId);
    await admin.fill('[data-testid="credential-clientSecret"]', reddit.clientSecret);
    await admin.click('[data-testid="save-source"]');
    expect(await admin.locator('[data-testid="source-problem"]').textContent()).toContain(
      'settings.apiUrl: must be an http(s) URL',
    );
    expect(await admin.locator('[data-testid="source-row"]').count()).toBe(0);
    expect(await admin.getAttribute('[data-testid="credential-clientSecret"]', 'type')).toBe('password');

    await admin.fill('[data-testid="setting-apiUrl"]', reddit.url);
    await admin.fill('[data-testid="setting-authUrl"]', reddit.authUrl);
    await admin.fill('[data-testid="source-poll-seconds"]', '15');
    await admin.click('[data-testid="save-source"]');
    const row = admin.locator('[data-testid="source-row"][data-source-name="Reddit brand search"]');
    await row.waitFor();
    await admin.waitForFunction(
      () => document.querySelector('[data-testid="source-row"] [data-testid="source-state"]')?.textContent === 'ok',
      undefined,
      { timeout: 30_000 },
    );
    expect(await admin.content()).not.toContain(reddit.clientSecret);
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'sources-page.png') });

    // Disabled from the page: the state says so.
    await row.locator('[data-testid="toggle-source"]').click();
    await admin.waitForFunction(
      () => document.querySelector('[data-testid="source-state"]')?.textContent === 'disabled',
    );

    const manager = await signIn('mia@example.com');
    await manager.goto(`${testSystem.system.apiUrl}/admin/sources`);
    await manager.locator('[data-testid="source-row"]').waitFor();
    expect(await manager.locator('[data-testid="add-source"]').count()).toBe(0);
    expect(await manager.locator('[data-testid="toggle-source"]').count()).toBe(0);
  });
});
