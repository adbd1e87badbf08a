import { join } from 'node:path';
import Redis from 'ioredis';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { IssueView } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient } from '@watchfloor/messaging';
import { AnalysisRepository } from '@watchfloor/persistence';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { TEST_REDIS_URL } from '../support/test-services';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';
const ISSUE = 'iss-hostile-text';

// What an attacker posts: each would run script if any page put it into the DOM as HTML.
const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">';
const SCRIPT_PAYLOAD = '<script>window.__pwned=1</script>';
const SVG_PAYLOAD = '"><svg onload="window.__pwned=1">';
const LINK_PAYLOAD = 'javascript:window.__pwned=1';
const FLAGGED_TEXT = `${IMG_PAYLOAD} Skylark lost my bag again, worst service ever, see ${LINK_PAYLOAD}`;
const WALL_TEXT = `${SCRIPT_PAYLOAD} Skylark lounge was great today`;

declare global {
  interface Window {
    __pwned?: number;
    __cspViolations?: string[];
  }
}

describe('hostile post text and author names in Chromium: shown as text, never run', () => {
  let testSystem: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let redis: Redis;
  let ingest: IngestQueueClient;
  let flaggedMentionId: string;

  /** Errors each page logged to its console: CSP refusals show up there too. */
  const consoleErrors = new Map<Page, string[]>();

  async function openPage(url: string): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    consoleErrors.set(page, errors);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught ${error.message}`));
    await page.goto(url);
    return page;
  }

  /** Nothing ran, and the page kept to its policy and logged no error while in normal use. */
  async function expectUnharmed(page: Page): Promise<void> {
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(consoleErrors.get(page)).toEqual([]);
  }

  beforeAll(async () => {
    testSystem = await startTestSystem();
    const admin = await testSystem.addUser({
      email: 'ada@example.com',
      role: 'admin',
      password: PASSWORD,
      displayName: 'Ada Admin',
    });
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const call = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${testSystem.system.apiUrl}/api${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as { id: string };
    };
    const care = await call('POST', '/teams', { name: 'Customer care' });
    await call('PUT', `/teams/${care.id}/members`, { userIds: [admin.id] });
    await call('PUT', '/rules', {
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
    const now = new Date().toISOString();
    await ingest.enqueue([
      {
        batchId: 'hostile-text-1',
        source: 'spec',
        receivedAt: Date.now(),
        mentions: [
          aMention({
            externalId: 'hostile-flagged',
            text: FLAGGED_TEXT,
            createdAt: now,
            author: { handle: 'bagless_bob', name: SCRIPT_PAYLOAD, followers: 900 },
          }),
          aMention({
            externalId: 'hostile-wall',
            text: WALL_TEXT,
            createdAt: now,
            author: { handle: 'lounge_lou', name: IMG_PAYLOAD, followers: 300 },
          }),
        ],
      },
    ]);
    flaggedMentionId = await waitForFlaggedMention('hostile-flagged');

    // Validation refuses non-web links at ingestion; a stored one (an old row, a future bug) must
    // still never become a clickable javascript: link.
    await testSystem.dataSource.query(`UPDATE mention SET url = $1 WHERE id = $2`, [LINK_PAYLOAD, flaggedMentionId]);

    const analysis = new AnalysisRepository(testSystem.dataSource);
    const issue: IssueView = {
      id: ISSUE,
      status: 'emerging',
      title: [SVG_PAYLOAD, 'skylark', 'bag'],
      firstSeen: now,
      lastSeen: now,
      volume: 1,
      voices: 1,
      negativeShare: 1,
      reach: 900,
      velocity: 1,
      samples: [{ key: 'twitter:hostile-flagged', text: FLAGGED_TEXT, reach: 900, at: now }],
      representative: { key: 'twitter:hostile-flagged', text: FLAGGED_TEXT, reach: 900, at: now },
      queryIds: [],
    };
    await analysis.saveIssues([issue]);
    await analysis.recordMentions([], [{ issueId: ISSUE, mentionId: flaggedMentionId }]);

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // Before any script of the page: every policy violation is written down where the test reads it.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    const signIn = await openPage(`${testSystem.system.apiUrl}/login?next=%2Fconsole`);
    await signIn.fill('input[name=email]', 'ada@example.com');
    await signIn.fill('input[name=password]', PASSWORD);
    await signIn.click('button[type=submit]');
    await signIn.waitForURL(/\/console/);
    await signIn.close();
  });

  afterAll(async () => {
    await browser?.close();
    await ingest?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  /** The mention's id once the worker stored it and a rule flagged it into an inbox. */
  function waitForFlaggedMention(externalId: string): Promise<string> {
    return waitFor(`a triage item for mention ${externalId}`, async () => {
      const rows = await testSystem.dataSource.query<{ id: string }[]>(
        `SELECT m.id FROM mention m JOIN triage_item t ON t.mention_id = m.id WHERE m.external_id = $1`,
        [externalId],
      );
      return rows[0] === undefined ? undefined : String(rows[0].id);
    });
  }

  it('shows the payloads on the wall as literal text', async () => {
    const kiosk = await testSystem.kioskToken();
    const page = await openPage(`${testSystem.system.apiUrl}/wall?kiosk=${kiosk}`);
    await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor();
    const flagged = page.locator('[data-testid="mention"]', { hasText: 'worst service ever' }).first();
    const praise = page.locator('[data-testid="mention"]', { hasText: 'lounge was great' }).first();
    await flagged.waitFor();
    await praise.waitFor();
    expect(await flagged.textContent()).toContain(IMG_PAYLOAD);
    expect(await flagged.textContent()).toContain(SCRIPT_PAYLOAD);
    expect(await praise.textContent()).toContain(SCRIPT_PAYLOAD);
    expect(await praise.textContent()).toContain(IMG_PAYLOAD);
    expect(await page.locator('[data-testid="mention"] img, [data-testid="mention"] script').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'hostile-text-wall.png') });
    await expectUnharmed(page);
  });

  it('shows them in the console as text, with no javascript: link to the post', async () => {
    const page = await openPage(`${testSystem.system.apiUrl}/console`);
    const row = page.locator('[data-testid="inbox-item"]', { hasText: 'worst service ever' });
    await row.waitFor();
    await row.click();
    const post = page.locator('[data-testid="post"]');
    await post.waitFor();
    expect(await page.locator('[data-testid="post-text"]').textContent()).toBe(FLAGGED_TEXT);
    expect(await page.locator('[data-testid="post-author"]').textContent()).toContain(SCRIPT_PAYLOAD);
    expect(await page.locator('[data-testid="platform-link"]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'hostile-text-console.png') });
    await expectUnharmed(page);
  });

  it('shows them on the PR page (/issues) as text: title, samples, representative post and linked items', async () => {
    const page = await openPage(`${testSystem.system.apiUrl}/issues`);
    const row = page.locator(`[data-testid="issue-row"][data-issue-id="${ISSUE}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(SVG_PAYLOAD);
    await row.click();
    const detail = page.locator('[data-testid="issue-detail"]');
    await detail.waitFor();
    const linked = page.locator('[data-testid="issue-linked-item"]');
    await linked.waitFor();
    expect(await linked.textContent()).toContain(FLAGGED_TEXT);
    expect(await detail.textContent()).toContain(`${FLAGGED_TEXT} · reach`);
    expect(await page.locator('[data-testid="issue-representative-text"]').textContent()).toBe(FLAGGED_TEXT);
    expect(await row.locator('[data-testid="issue-row-representative"]').textContent()).toBe(FLAGGED_TEXT);
    expect(await page.locator('svg[onload], img[onerror]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'hostile-text-issues.png'), fullPage: true });
    await expectUnharmed(page);
  });

  it('renders the Swagger UI under its own policy without violations', async () => {
    const page = await openPage(`${testSystem.system.apiUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title', { hasText: 'Watchfloor API' }).waitFor();
    await page.locator('.swagger-ui .opblock').first().waitFor();
    await expectUnharmed(page);
  });

  it('would have caught a violation: the policy blocks injected inline script and the listener sees it', async () => {
    const page = await openPage(`${testSystem.system.apiUrl}/login`);
    await page.locator('input[name=email]').waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1';
      document.body.appendChild(script);
    });
    await page.waitForFunction(() => (window.__cspViolations ?? []).length > 0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([expect.stringMatching(/^script-src/)]);
    await page.close();
  });
});
