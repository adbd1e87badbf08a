import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BUILT_IN_WALL_LAYOUT } from '@watchfloor/contracts';
import type { IssueListEntry, WallPanel } from '@watchfloor/contracts';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { waitFor } from '../support/wait-for';

jest.setTimeout(240_000);

const PASSWORD = 'a long enough password';
const ISSUE = 'wall-spec-issue';

/** What each panel must show once the demo feed and the seeded data have flowed in. */
const PANEL_CHECKS: Record<WallPanel, (panel: Element) => boolean> = {
  stream: (panel) => {
    const cards = panel.querySelectorAll('[data-testid="mention"]');
    return cards.length >= 5 && /reach/.test(cards[0]?.textContent ?? '');
  },
  flagged: (panel) =>
    Array.from(panel.querySelectorAll('[data-testid="flagged-item"]')).some(
      (item) =>
        item.getAttribute('data-priority') === 'P2' &&
        item.textContent?.includes('Customer care') === true &&
        item.textContent.includes('Complaints'),
    ),
  volume: (panel) => panel.querySelectorAll('.recharts-bar-rectangle').length > 0,
  issues: (panel) =>
    panel.querySelector(
      '[data-testid="issue-row"][data-issue-id="wall-spec-issue"] [data-testid="issue-sparkline"] path',
    ) !== null,
  platforms: (panel) => {
    const bars = Array.from(panel.querySelectorAll('[data-testid="platform-bar"]'));
    return bars.length > 0 && bars.every((bar) => Number(bar.getAttribute('data-count')) > 0);
  },
  'share-of-voice': (panel) => {
    const shares = Array.from(panel.querySelectorAll('[data-testid="voice-share"]'));
    const percents = shares.map((share) => Number(share.getAttribute('data-percent')));
    const brand = shares.find((share) => share.getAttribute('data-kind') === 'brand');
    return (
      shares.length >= 2 &&
      percents.reduce((sum, percent) => sum + percent, 0) === 100 &&
      Number(brand?.getAttribute('data-percent')) > 0 &&
      shares.every((share) => /\d+%/.test(share.textContent ?? ''))
    );
  },
  trending: (panel) => {
    const terms = Array.from(panel.querySelectorAll('[data-testid="trending-term"]'));
    return terms.length > 0 && terms.every((term) => Number(term.getAttribute('data-count')) >= 3);
  },
  influential: (panel) => {
    const posts = Array.from(panel.querySelectorAll('[data-testid="influential-post"]'));
    return posts.length > 0 && posts.every((post) => Number(post.getAttribute('data-reach')) > 0);
  },
  sla: (panel) =>
    Number(panel.querySelector('[data-testid="sla-team"][data-team="Customer care"]')?.getAttribute('data-open')) > 0,
  map: (panel) => panel.querySelectorAll('[data-testid="map-dot"]').length > 0,
  sources: (panel) =>
    Array.from(panel.querySelectorAll('[data-testid="source-row"]')).some(
      (row) =>
        row.textContent?.includes('Dead feed') === true &&
        ['failing', 'stale'].includes(row.getAttribute('data-state') ?? ''),
    ) &&
    panel.querySelector('[data-testid="platform-heard"][data-platform="twitter"]')?.getAttribute('data-heard') !== '',
};

describe('the wall panels, scenes, themes and crisis mode in Chromium', () => {
  let testSystem: TestSystem;
  let browser: Browser;
  let page: Page;
  let kioskToken: string;
  let adminToken: string;

  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${testSystem.system.apiUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  /** The demo feed's start-up surge raises spike incidents to P1: acknowledge all but `keep`, so the scenes show. */
  async function acknowledgeCrises(keep?: string): Promise<void> {
    const issues = await call<IssueListEntry[]>('GET', '/issues?status=emerging&limit=500');
    for (const issue of issues.body) {
      if (issue.case.awaitingAcknowledgement && issue.id !== keep) {
        await call('POST', `/issues/${encodeURIComponent(issue.id)}/acknowledge`);
      }
    }
  }

  /** Opens the wall at a URL, with no crisis in the way (none but `keep`), connected and showing data. */
  async function openWall(query: string, keep?: string): Promise<void> {
    await acknowledgeCrises(keep);
    await page.goto(`${testSystem.system.apiUrl}/wall?kiosk=${kioskToken}&${query}`);
    await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="wall"]')?.getAttribute('data-frame-id') !== '',
    );
  }

  /** Waits out crisis mode (acknowledging what the demo feed raised) until the scene named is up. */
  async function inScene(name?: string): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const wall = page.locator('[data-testid="wall"]');
      const [crisis, scene] = [await wall.getAttribute('data-crisis'), await wall.getAttribute('data-scene')];
      if (crisis === null && (name === undefined || scene === name)) return;
      await acknowledgeCrises();
      await page.waitForTimeout(2_500);
    }
    throw new Error(`the wall did not show the scene ${name ?? ''}`);
  }

  /**
   * Waits for a panel of a scene to show its data, fresh, and screenshots it once. The demo feed can
   * raise a crisis at any moment, which replaces the scene: then it is acknowledged and the check redone.
   */
  async function checkPanel(sceneName: string, panel: WallPanel, shot: Set<WallPanel>): Promise<void> {
    const selector = `[data-testid="panel-${panel}"]`;
    for (let attempt = 1; ; attempt++) {
      await inScene(sceneName);
      try {
        // Polled from here, not with a string in waitForFunction: Playwright re-evaluates a string
        // predicate with eval on each poll, and the wall's Content-Security-Policy refuses eval.
        await waitFor(
          `the ${panel} panel to show its data`,
          async () =>
            (await page
              .locator(selector)
              .evaluate(PANEL_CHECKS[panel], undefined, { timeout: 1_000 })
              .catch(() => false))
              ? true
              : undefined,
          45_000,
        );
        const freshness = page.locator(`${selector} [data-testid="freshness"]`);
        await page.locator(`${selector} [data-testid="freshness"][data-stale="false"]`).waitFor({ timeout: 15_000 });
        expect(await freshness.textContent()).toMatch(/^updated (just now|\d+ s ago)$/);
        if (!shot.has(panel)) {
          await page
            .locator(selector)
            .screenshot({ path: join(ARTIFACTS_DIR, `wall-panel-${panel}.png`), timeout: 10_000 });
          shot.add(panel);
        }
        return;
      } catch (error) {
        const crisisCameUp = (await page.locator('[data-testid="wall"]').getAttribute('data-crisis')) !== null;
        if (!crisisCameUp || attempt === 3) throw error;
      }
    }
  }

  beforeAll(async () => {
    testSystem = await startTestSystem({ env: { DEMO_FEED: 'true', DEMO_RATE: '40' } });
    kioskToken = await testSystem.kioskToken();
    await testSystem.addUser({ email: 'admin@example.com', role: 'admin', password: PASSWORD });
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: PASSWORD }),
    });
    adminToken = ((await login.json()) as { token: string }).token;

    // What the demo feed does not make by itself: queries to compare, a team with flagged items, a dead source.
    expect((await call('POST', '/queries', { name: 'Skylark', kind: 'brand', text: 'skylark' })).status).toBe(201);
    expect((await call('POST', '/queries', { name: 'Airports', kind: 'competitor', text: 'airport' })).status).toBe(
      201,
    );
    const care = await call<{ id: string }>('POST', '/teams', { name: 'Customer care' });
    const rules = await call('PUT', '/rules', {
      rules: [
        {
          id: 'complaints',
          name: 'Complaints',
          when: { sentiment: ['negative'] },
          then: { priority: 'P2', teamId: care.body.id, slaMinutes: 1 },
        },
      ],
    });
    expect(rules.status).toBe(200);
    const source = await call('POST', '/sources', {
      name: 'Dead feed',
      kind: 'rss-feed',
      settings: { feedUrl: 'http://127.0.0.1:9/feed.xml' },
    });
    expect(source.status).toBe(201);

    // An emerging issue made of the newest stored mentions, for the issues panel and crisis mode.
    const { dataSource } = testSystem;
    await waitFor('sixty stored mentions', async () => {
      const [row] = await dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM mention');
      return (row?.count ?? 0) >= 60 ? true : undefined;
    });
    await dataSource.query(
      `INSERT INTO issue (id, status, title, first_seen, last_seen, volume, voices, negative_share, reach, velocity, samples, query_ids)
       VALUES ($1, 'emerging', ARRAY['lost', 'bag'], now() - interval '10 minutes', now(), 40, 35, 0.8, 64, 999, '[]', '{}')`,
      [ISSUE],
    );
    await dataSource.query(
      `INSERT INTO issue_mention (issue_id, mention_id) SELECT $1, id FROM mention ORDER BY id DESC LIMIT 40`,
      [ISSUE],
    );

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    await browser?.close();
    await testSystem?.stop();
  });

  it('shows every panel of the built-in scenes with real, fresh data', async () => {
    const shot = new Set<WallPanel>();
    for (const [index, scene] of BUILT_IN_WALL_LAYOUT.scenes.entries()) {
      await openWall(`scene=${index}`);
      await inScene(scene.name);
      expect(await page.locator('[data-testid="scene-name"]').textContent()).toContain(scene.name);
      for (const panel of scene.panels) {
        await checkPanel(scene.name, panel, shot);
      }
      if (scene.panels.includes('sources')) {
        // Silence is flagged in the header too, whatever the scene shows.
        expect(await page.locator('[data-testid="stale-sources"]').textContent()).toContain('Dead feed');
      }
    }
    expect([...shot].sort()).toEqual([...new Set(BUILT_IN_WALL_LAYOUT.scenes.flatMap((scene) => scene.panels))].sort());
  });

  it('marks every panel stale while the API is away, and fresh again when it is back', async () => {
    await openWall('scene=0');
    await inScene();
    await testSystem.system.stopApi();
    await page.locator('[data-testid="connection-status"][data-state="reconnecting"]').waitFor();
    const labels = page.locator('[data-testid="freshness"]');
    const count = await labels.count();
    expect(count).toBe(BUILT_IN_WALL_LAYOUT.scenes[0]!.panels.length);
    expect(await page.locator('[data-testid="freshness"][data-stale="true"]').count()).toBe(count);
    await expect(page.locator('[data-testid="panel-stream"]').textContent()).resolves.toContain('STALE');
    await testSystem.system.startApi();
    await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor({ timeout: 20_000 });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="freshness"][data-stale="true"]').length === 0,
      undefined,
      { timeout: 15_000 },
    );
  });

  it('turns to a P1 issue until it is acknowledged, then goes back to the scenes', async () => {
    await openWall('scene=0');
    await inScene();
    const raised = await call('PUT', `/issues/${ISSUE}/case`, { priority: 'P1', expectedVersion: 0 });
    expect(raised.status).toBe(200);
    await acknowledgeCrises(ISSUE);

    const banner = page.locator(`[data-testid="crisis-banner"][data-issue-id="${ISSUE}"]`);
    await banner.waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="wall"]').getAttribute('data-crisis')).toBe(ISSUE);
    expect(await banner.textContent()).toContain('lost · bag');
    expect(await page.locator('[data-testid="crisis-raised-by"]').textContent()).toBe('admin');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="panel-crisis-timeline"] .recharts-bar-rectangle').length > 0,
    );
    expect(
      await page.locator('[data-testid="panel-crisis-posts"] [data-testid="crisis-post"]').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="scene-grid"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'wall-crisis.png') });

    expect((await call('POST', `/issues/${ISSUE}/acknowledge`)).status).toBe(200);
    await banner.waitFor({ state: 'detached', timeout: 10_000 });
    await inScene();
    await page.locator('[data-testid="scene-grid"]').waitFor();
    expect(await page.locator('[data-testid="crisis-banner"]').count()).toBe(0);
  });

  it('shows a stored high-contrast layout, rotates its scenes, and never scrolls at 1080p or 4K', async () => {
    const layout = await call<{ id: string }>('POST', '/wall/layouts', {
      name: 'Lobby, high contrast',
      theme: 'high-contrast',
      scenes: [
        {
          name: 'Everything',
          panels: ['stream', 'volume', 'platforms', 'map', 'trending', 'sources'],
          durationSeconds: 10,
        },
        { name: 'Teams', panels: ['sla'], durationSeconds: 10 },
      ],
    });
    expect(layout.status).toBe(201);
    await openWall(`layout=${layout.body.id}`);
    const wall = page.locator('[data-testid="wall"]');
    expect(await wall.getAttribute('data-theme')).toBe('high-contrast');
    expect(await wall.getAttribute('data-scene')).toBe('Everything');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).backgroundColor)).toBe(
      'rgb(0, 0, 0)',
    );
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map-dot"]').length > 0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'wall-high-contrast.png') });
    // Not pinned: the next scene comes up after ten seconds.
    await page.waitForFunction(
      () => document.querySelector('main')?.getAttribute('data-scene-index') === '1',
      undefined,
      {
        timeout: 15_000,
      },
    );

    const scenes = [
      ...BUILT_IN_WALL_LAYOUT.scenes.map((_, index) => `scene=${index}`),
      `layout=${layout.body.id}&scene=0`,
    ];
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
    ]) {
      await page.setViewportSize(viewport);
      for (const query of scenes) {
        await openWall(query);
        await page.locator('[data-testid="scene-grid"], [data-testid="crisis-banner"]').first().waitFor();
        await page.waitForTimeout(500);
        const size = await page.evaluate(() => ({
          scrollHeight: document.scrollingElement!.scrollHeight,
          scrollWidth: document.scrollingElement!.scrollWidth,
          innerHeight: window.innerHeight,
          innerWidth: window.innerWidth,
        }));
        expect(size.scrollHeight).toBeLessThanOrEqual(size.innerHeight);
        expect(size.scrollWidth).toBeLessThanOrEqual(size.innerWidth);
      }
    }
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'wall-4k.png') });
  });
});
