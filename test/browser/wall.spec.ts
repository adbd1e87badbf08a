import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningSystem } from '../../apps/cli/src/system/running-system';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(90_000);

describe('the wall in Chromium', () => {
  let testSystem: TestSystem;
  let system: RunningSystem;
  let browser: Browser;
  let page: Page;
  let kioskToken: string;

  beforeAll(async () => {
    testSystem = await startTestSystem({ env: { DEMO_FEED: 'true', DEMO_RATE: '40' } });
    system = testSystem.system;
    kioskToken = await testSystem.kioskToken();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    await browser?.close();
    await testSystem?.stop();
  });

  const mentionIds = () =>
    page
      .locator('[data-testid="mention"]')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-mention-id')));
  const newestChanges = (from: string | null | undefined) =>
    page.waitForFunction(
      (top) => document.querySelector('[data-testid="mention"]')?.getAttribute('data-mention-id') !== top,
      from,
    );

  it('shows live mentions of the demo feed, with sentiment, platform, author and reach', async () => {
    await page.goto(`${system.apiUrl}/wall?kiosk=${kioskToken}`);
    await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention"]').length >= 10);

    const first = page.locator('[data-testid="mention"]').first();
    expect(await first.getAttribute('data-sentiment')).toMatch(/^(positive|neutral|negative)$/);
    expect(await first.textContent()).toMatch(/reach/);
    // New mentions keep arriving on top.
    const before = (await mentionIds())[0];
    await newestChanges(before);
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="mentions-per-minute"] span')?.textContent?.replace(/\D/g, '')) > 0,
    );
    expect(await page.locator('[data-testid="panel-volume"] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'wall-live.png') });
  });

  it('reconnects by itself after the server goes away and comes back, and carries on', async () => {
    await system.stopApi();
    await page.locator('[data-testid="connection-status"][data-state="reconnecting"]').waitFor();
    const whileDown = (await mentionIds())[0];

    await system.startApi();
    await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor({ timeout: 20_000 });
    await newestChanges(whileDown);
    const shown = await page.locator('[data-testid="mention"]').count();
    expect(shown).toBeGreaterThan(0);
    expect(new Set(await mentionIds()).size).toBe(shown);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'wall-reconnected.png') });
  });
});
