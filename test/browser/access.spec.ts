import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningSystem } from '../../apps/cli/src/system/running-system';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(90_000);

describe('signing in, and kiosk screens, in Chromium', () => {
  let testSystem: TestSystem;
  let system: RunningSystem;
  let browser: Browser;

  beforeAll(async () => {
    testSystem = await startTestSystem({ env: { DEMO_FEED: 'true', DEMO_RATE: '30' } });
    system = testSystem.system;
    await testSystem.addUser({
      email: 'ada@example.com',
      displayName: 'Ada Admin',
      role: 'admin',
      password: 'correct horse battery',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testSystem?.stop();
  });

  it('sends a stranger to the login page, signs in, shows the console, creates and revokes a screen that then goes dark', async () => {
    const admin = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await admin.goto(`${system.apiUrl}/console`);
    await admin.waitForURL(/\/login\?next=%2Fconsole$/);

    await admin.fill('input[name=password]', 'not the password');
    await admin.fill('input[name=email]', 'ada@example.com');
    await admin.click('button[type=submit]');
    await admin.locator('[data-testid="login-error"]').waitFor();

    await admin.fill('input[name=password]', 'correct horse battery');
    await admin.click('button[type=submit]');
    await admin.locator('[data-testid="console"]').waitFor();
    expect(await admin.locator('[data-testid="account-menu"]').textContent()).toContain('Ada Admin');
    await admin.locator('[data-testid="console"] [data-testid="mention"]').first().waitFor();
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'console-signed-in.png') });

    await admin.goto(`${system.apiUrl}/queries`);
    await admin.fill('[data-testid="query-text"]', 'skylark (refund');
    await admin.click('[data-testid="preview-query"]');
    expect(await admin.locator('[data-testid="query-problem"]').textContent()).toContain('never closed');
    await admin.fill('[data-testid="query-text"]', 'skylark OR @skylarkair');
    await admin.click('[data-testid="preview-query"]');
    await admin.locator('[data-testid="query-preview"]').waitFor();
    expect(
      Number((await admin.locator('[data-testid="preview-matched"]').textContent())?.replace(/\D/g, '')),
    ).toBeGreaterThan(0);
    await admin.fill('[data-testid="query-name"]', 'Brand');
    await admin.click('[data-testid="save-query"]');
    await admin.locator('[data-testid="query-list"] li', { hasText: 'Brand' }).waitFor();
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'queries.png') });

    await admin.goto(`${system.apiUrl}/admin/users`);
    await admin.fill('[data-testid="user-email"]', 'sam@example.com');
    await admin.fill('[data-testid="user-name"]', 'Sam Agent');
    await admin.selectOption('[data-testid="user-role"]', 'agent');
    await admin.fill('[data-testid="user-password"]', 'sam has a long password');
    await admin.click('[data-testid="create-user"]');
    await admin.locator('[data-testid="user-row"]', { hasText: 'sam@example.com' }).waitFor();

    await admin.goto(`${system.apiUrl}/admin/screens`);
    await admin.fill('[data-testid="kiosk-name"]', 'Lobby');
    await admin.click('[data-testid="create-kiosk"]');
    const wallUrl = (await admin.locator('[data-testid="kiosk-url"]').textContent())!;
    expect(wallUrl).toMatch(/\/wall\?kiosk=[\w-]{43}$/);

    // The screen: its own browser context, no session cookie, only the URL.
    const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const screen = await screenContext.newPage();
    await screen.goto(wallUrl.replace(/^https?:\/\/[^/]+/, system.apiUrl));
    await screen.locator('[data-testid="mention"]').first().waitFor();
    await screen.screenshot({ path: join(ARTIFACTS_DIR, 'kiosk-wall.png') });

    admin.once('dialog', (dialog) => void dialog.accept());
    const revokedAt = Date.now();
    await admin
      .locator('[data-testid="kiosk-row"]', { hasText: 'Lobby' })
      .locator('[data-testid="revoke-kiosk"]')
      .click();
    await screen.locator('[data-testid="wall-revoked"]').waitFor({ timeout: 5_000 });
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    expect(await screen.locator('[data-testid="mention"]').count()).toBe(0);
    await screen.screenshot({ path: join(ARTIFACTS_DIR, 'kiosk-wall-revoked.png') });

    // Reloading does not bring it back.
    await screen.reload();
    await screen.locator('[data-testid="wall-revoked"]').waitFor();
    await screenContext.close();

    await admin.click('[data-testid="sign-out"]');
    await admin.waitForURL(/\/login/);
    await admin.goto(`${system.apiUrl}/console`);
    await admin.waitForURL(/\/login/);
  });
});
