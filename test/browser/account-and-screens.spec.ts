import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

describe('passwords, sessions and kiosk URLs, in Chromium', () => {
  let testSystem: TestSystem;
  let api: string;
  let browser: Browser;

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${api}/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', password);
    await page.click('button[type=submit]');
    await page.locator('[data-testid="account-menu"]').waitFor();
  }

  beforeAll(async () => {
    testSystem = await startTestSystem();
    api = testSystem.system.apiUrl;
    await testSystem.addUser({
      email: 'ada@example.com',
      displayName: 'Ada',
      role: 'admin',
      password: 'correct horse battery',
    });
    await testSystem.addUser({
      email: 'sam@example.com',
      displayName: 'Sam',
      role: 'agent',
      password: 'sam has a long password',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testSystem?.stop();
  });

  it('drops the kiosk token from the address bar for an HttpOnly cookie, and a new URL from the screens page turns the old one off', async () => {
    const admin = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await signIn(admin, 'ada@example.com', 'correct horse battery');
    await admin.goto(`${api}/admin/screens`);
    await admin.fill('[data-testid="kiosk-name"]', 'Lobby');
    await admin.click('[data-testid="create-kiosk"]');
    const wallUrl = (await admin.locator('[data-testid="kiosk-url"]').textContent())!;
    const row = admin.locator('[data-testid="kiosk-row"]', { hasText: 'Lobby' });
    expect(Date.parse((await row.locator('[data-testid="kiosk-expires"]').textContent())!)).not.toBeNaN();

    const screenContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const screen = await screenContext.newPage();
    const token = new URL(wallUrl).searchParams.get('kiosk')!;
    await screen.goto(`${api}/wall?kiosk=${token}&scene=0`);
    await screen.locator('[data-testid="wall"]').waitFor();
    expect(screen.url()).toBe(`${api}/wall?scene=0`);
    expect(await screen.evaluate(() => document.cookie)).not.toContain(token);
    const [cookie] = (await screenContext.cookies()).filter((each) => each.name === 'wf_kiosk');
    expect(cookie).toMatchObject({ value: token, httpOnly: true, sameSite: 'Strict' });

    admin.once('dialog', (dialog) => void dialog.accept());
    await row.locator('[data-testid="rotate-kiosk"]').click();
    await admin.waitForFunction(
      (old) => !document.querySelector('[data-testid="kiosk-url"]')?.textContent?.includes(old),
      token,
    );
    const newUrl = (await admin.locator('[data-testid="kiosk-url"]').textContent())!;
    await screen.locator('[data-testid="wall-revoked"]').waitFor({ timeout: 5_000 });

    await screen.goto(newUrl.replace(/^https?:\/\/[^/]+/, api));
    await screen.locator('[data-testid="wall"]').waitFor();
    expect(screen.url()).toBe(`${api}/wall`);
    await screen.screenshot({ path: join(ARTIFACTS_DIR, 'kiosk-wall-rotated.png') });
    await screenContext.close();
    await admin.close();
  });

  it('changes your own password from the account menu, asking for the current one', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await signIn(page, 'sam@example.com', 'sam has a long password');
    await page.click('[data-testid="change-password"]');
    await page.fill('[data-testid="current-password"]', 'not my password at all');
    await page.fill('[data-testid="new-password"]', 'sam has a newer password');
    await page.fill('[data-testid="repeat-password"]', 'sam has a newer password');
    await page.click('[data-testid="save-password"]');
    await page.locator('[data-testid="password-change"]', { hasText: 'current password is wrong' }).waitFor();

    await page.fill('[data-testid="current-password"]', 'sam has a long password');
    await page.click('[data-testid="save-password"]');
    await page.locator('[data-testid="password-changed"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'password-changed.png') });
    await page.click('[data-testid="sign-out"]');
    await page.waitForURL(/\/login/);
    await signIn(page, 'sam@example.com', 'sam has a newer password');
    await page.close();
  });

  it('lets an admin reset a password and sign someone out everywhere from the people page', async () => {
    const samContext = await browser.newContext();
    const sam = await samContext.newPage();
    await signIn(sam, 'sam@example.com', 'sam has a newer password');

    const admin = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await signIn(admin, 'ada@example.com', 'correct horse battery');
    await admin.goto(`${api}/admin/users`);
    const row = admin.locator('[data-testid="user-row"]', { hasText: 'sam@example.com' });
    await row.locator('[data-testid="reset-password"]').click();
    await row.locator('[data-testid="reset-password-input"]').fill('an admin chose this one');
    await row.locator('[data-testid="reset-password-save"]').click();
    await admin.locator('[data-testid="users-notice"]', { hasText: 'Password reset for sam@example.com' }).waitFor();
    // Sam's open console hears at once that the session is over, and goes to the login page.
    await sam.waitForURL(/\/login/);

    await signIn(sam, 'sam@example.com', 'an admin chose this one');
    admin.once('dialog', (dialog) => void dialog.accept());
    await row.locator('[data-testid="sign-out-everywhere"]').click();
    await admin.locator('[data-testid="users-notice"]', { hasText: 'Signed out everywhere' }).waitFor();
    await sam.waitForURL(/\/login/);
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'users-reset.png') });
    await samContext.close();
    await admin.close();
  });
});
