import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ResolvedWallLayout, StoredWallLayout } from '@watchfloor/contracts';
import type { RunningSystem } from '../../apps/cli/src/system/running-system';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(90_000);

describe('wall layouts in Chromium: an admin builds a rotation and gives it to a screen', () => {
  let testSystem: TestSystem;
  let system: RunningSystem;
  let browser: Browser;
  let kioskToken: string;

  beforeAll(async () => {
    testSystem = await startTestSystem();
    system = testSystem.system;
    await testSystem.addUser({ email: 'ada@example.com', role: 'admin', password: 'correct horse battery' });
    kioskToken = await testSystem.kioskToken('Lobby screen');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testSystem?.stop();
  });

  it('creates a layout with two scenes in /admin/walls, shows what the server refuses, and assigns it to a kiosk', async () => {
    const admin = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await admin.goto(`${system.apiUrl}/login`);
    await admin.fill('input[name=email]', 'ada@example.com');
    await admin.fill('input[name=password]', 'correct horse battery');
    await admin.click('button[type=submit]');
    await admin.locator('[data-testid="account-menu"]').waitFor();

    await admin.goto(`${system.apiUrl}/admin/walls`);
    await admin.locator('[data-testid="layouts-empty"]').waitFor();
    await admin.click('[data-testid="new-layout"]');
    const form = admin.locator('[data-testid="layout-form"]');
    await form.locator('[data-testid="layout-name"]').fill('Lobby rotation');
    await form.locator('[data-testid="layout-theme"]').selectOption('high-contrast');

    const live = form.locator('[data-testid="scene-editor"]').nth(0);
    await live.locator('[data-testid="scene-name"]').fill('Live');
    await live.locator('[data-testid="scene-panel-volume"]').check();
    await live.locator('[data-testid="scene-panel-stream"]').check();
    await live.locator('[data-testid="scene-duration"]').fill('45');

    await form.locator('[data-testid="add-scene"]').click();
    const ops = form.locator('[data-testid="scene-editor"]').nth(1);
    await ops.locator('[data-testid="scene-name"]').fill('Operations');
    await ops.locator('[data-testid="scene-panel-sla"]').check();
    await ops.locator('[data-testid="scene-panel-map"]').check();
    await ops.locator('[data-testid="scene-duration"]').fill('5');

    // The browser does not stop it: the server does, and says which scene and field.
    await form.locator('[data-testid="layout-save"]').click();
    const error = form.locator('[data-testid="layout-error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('scene 2, duration: a scene shows for at least 10 seconds');
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'wall-layouts-refused.png') });

    await ops.locator('[data-testid="scene-duration"]').fill('20');
    await ops.locator('[data-testid="scene-up"]').click();
    await form.locator('[data-testid="layout-save"]').click();
    const row = admin.locator('[data-testid="layout-row"]', { hasText: 'Lobby rotation' });
    await row.waitFor();
    expect(await form.count()).toBe(0);

    const [stored] = (await (
      await admin.request.get(`${system.apiUrl}/api/wall/layouts`)
    ).json()) as StoredWallLayout[];
    expect(stored).toMatchObject({
      name: 'Lobby rotation',
      theme: 'high-contrast',
      isDefault: false,
      scenes: [
        { name: 'Operations', panels: ['sla', 'map'], durationSeconds: 20 },
        { name: 'Live', panels: ['volume', 'stream'], durationSeconds: 45 },
      ],
    });
    expect(await row.getAttribute('data-layout-id')).toBe(stored!.id);
    expect(await row.locator('[data-testid="layout-preview"]').getAttribute('href')).toBe(`/wall?layout=${stored!.id}`);
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'wall-layouts.png') });

    await admin.goto(`${system.apiUrl}/admin/screens`);
    const select = admin
      .locator('[data-testid="kiosk-row"]', { hasText: 'Lobby screen' })
      .locator('[data-testid="kiosk-layout-select"]');
    await select.locator('option', { hasText: 'Lobby rotation' }).waitFor({ state: 'attached' });
    expect(await select.inputValue()).toBe('');
    const assigned = admin.waitForResponse((response) => response.url().endsWith('/layout'));
    await select.selectOption({ label: 'Lobby rotation' });
    expect((await assigned).status()).toBe(200);

    const shown = (await (
      await fetch(`${system.apiUrl}/api/wall/layout`, { headers: { Authorization: `Bearer ${kioskToken}` } })
    ).json()) as ResolvedWallLayout;
    expect(shown).toMatchObject({ id: stored!.id, source: 'screen' });

    await admin.reload();
    await select.locator('option', { hasText: 'Lobby rotation' }).waitFor({ state: 'attached' });
    expect(await select.inputValue()).toBe(stored!.id);
    await admin.screenshot({ path: join(ARTIFACTS_DIR, 'wall-layouts-screens.png') });
  });
});
