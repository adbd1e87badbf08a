import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { IssueView } from '@watchfloor/contracts';
import { aScoredMention } from '@watchfloor/domain/testing';
import { AnalysisRepository, IssueCaseRepository, MentionRepository } from '@watchfloor/persistence';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';
const ISSUE = 'iss-browser-sk417';
const START = Date.parse('2025-06-01T10:00:00.000Z');

describe('the PR page (/issues) in Chromium: an analyst works an emerging issue', () => {
  let testSystem: TestSystem;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    testSystem = await startTestSystem();
    await testSystem.addUser({
      email: 'pat@example.com',
      role: 'analyst',
      password: PASSWORD,
      displayName: 'Pat Analyst',
    });
    // Thirty posts over an hour, growing and souring: what a chart should show.
    const mentions = Array.from({ length: 30 }, (_, index) =>
      aScoredMention({
        externalId: `browser-sk-${index}`,
        platform: index % 4 === 0 ? 'mastodon' : 'twitter',
        text: `SK417 delayed again, post ${index}`,
        createdAt: new Date(START + index * index * 4_000).toISOString(),
        author: { handle: `flyer${index}`, followers: 100 * (index + 1) },
        sentiment:
          index % 3 === 0
            ? { label: 'neutral', score: 0, confidence: 0.6 }
            : { label: 'negative', score: -0.6, confidence: 0.8 },
      }),
    );
    const stored = await new MentionRepository(testSystem.dataSource).storeBatch('issues-page', mentions, false);
    const analysis = new AnalysisRepository(testSystem.dataSource);
    const issue: IssueView = {
      id: ISSUE,
      status: 'emerging',
      title: ['SK417 delayed again', 'gate'],
      firstSeen: mentions[0]!.createdAt,
      lastSeen: mentions[29]!.createdAt,
      volume: 30,
      voices: 30,
      negativeShare: 0.67,
      reach: 900,
      velocity: 1.2,
      samples: [
        { key: 'twitter:browser-sk-0', text: 'SK417 delayed again, post 0', reach: 100, at: mentions[0]!.createdAt },
        {
          key: 'twitter:browser-sk-29',
          text: 'SK417 delayed again, post 29',
          reach: 3_000,
          at: mentions[29]!.createdAt,
        },
        {
          key: 'twitter:browser-sk-7',
          text: 'SK417 delayed again at the gate, post 7',
          reach: 800,
          at: mentions[7]!.createdAt,
        },
      ],
      representative: {
        key: 'twitter:browser-sk-7',
        text: 'SK417 delayed again at the gate, post 7',
        reach: 800,
        at: mentions[7]!.createdAt,
      },
      queryIds: [],
    };
    const bags: IssueView = {
      ...issue,
      id: 'iss-browser-bags',
      title: ['lost my bag'],
      volume: 3,
      representative: null,
    };
    await analysis.saveIssues([issue, bags]);
    await analysis.recordMentions(
      [],
      stored.map((mention) => ({ issueId: ISSUE, mentionId: mention.id })),
    );
    await new IssueCaseRepository(testSystem.dataSource).raiseToP1([ISSUE], 'incident spec');
    // A press release in the middle of the issue: the chart draws it as a mark.
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'pat@example.com', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const event = await fetch(`${testSystem.system.apiUrl}/api/calendar`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        title: 'Winter schedule press release',
        kind: 'press_release',
        startsAt: new Date(START + 20 * 60_000).toISOString(),
      }),
    });
    expect(event.status).toBe(201);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    page = await context.newPage();
    await page.goto(`${testSystem.system.apiUrl}/login?next=%2Fissues`);
    await page.fill('input[name=email]', 'pat@example.com');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
  });

  afterAll(async () => {
    await browser?.close();
    await testSystem?.stop();
  });

  it('selects an issue, reads its timeline, acknowledges the P1, changes status and adds a note', async () => {
    const row = page.locator(`[data-testid="issue-row"][data-issue-id="${ISSUE}"]`);
    await row.waitFor();
    expect(await page.locator('[data-testid="issue-row"]').count()).toBe(2);
    for (const tab of ['tab-issues', 'tab-calendar', 'tab-reports']) {
      await page.locator(`[data-testid="${tab}"]`).waitFor();
    }
    // The list names each issue by its phrases, with the post that says it best beneath.
    expect(await row.locator('td').first().textContent()).toBe(
      'SK417 delayed again · gateSK417 delayed again at the gate, post 7',
    );
    const bagsRow = page.locator('[data-testid="issue-row"][data-issue-id="iss-browser-bags"]');
    expect(await bagsRow.locator('td').first().textContent()).toBe('lost my bag');
    expect(await bagsRow.locator('[data-testid="issue-row-representative"]').count()).toBe(0);
    await row.click();
    const detail = page.locator('[data-testid="issue-detail"]');
    await detail.waitFor();
    // The most representative post, not the loudest sample (post 29), heads the detail.
    const representative = detail.locator('[data-testid="issue-representative"]');
    expect(await representative.getAttribute('data-sample-key')).toBe('twitter:browser-sk-7');
    expect(await representative.locator('[data-testid="issue-representative-text"]').textContent()).toBe(
      'SK417 delayed again at the gate, post 7',
    );
    // The chart has drawn its bars: the timeline loaded and recharts rendered it.
    await page.locator('[data-testid="issue-timeline"] .recharts-bar-rectangle').first().waitFor();
    expect(Number(await page.locator('[data-testid="issue-timeline"]').getAttribute('data-points'))).toBeGreaterThan(5);
    // Recharts draws a mark's label in a layer of its own, apart from the mark.
    await page.locator('[data-testid="issue-timeline"] .calendar-mark').waitFor({ state: 'attached' });
    await page.locator('[data-testid="issue-timeline"] text', { hasText: 'Winter schedule press release' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'issues-page-p1-waiting.png') });

    await page.click('[data-testid="issue-acknowledge"]');
    await detail.locator('text=Acknowledged by Pat Analyst').waitFor();
    expect(await page.locator('[data-testid="issue-acknowledge"]').count()).toBe(0);

    await page.selectOption('[data-testid="issue-status"]', 'investigating');
    await row.locator('text=Investigating').waitFor();
    await page.selectOption('[data-testid="issue-owner"]', { label: 'Pat Analyst' });
    await row.locator('text=Pat Analyst').waitFor();

    await page.fill('[data-testid="issue-note-input"]', 'Holding statement sent to the airport desk');
    await page.click('[data-testid="issue-note-add"]');
    await page.locator('[data-testid="issue-note"]', { hasText: 'Holding statement sent' }).waitFor();
    expect(await page.locator('[data-testid="issue-note-input"]').inputValue()).toBe('');
    expect(await page.locator('[data-testid="post-mortem-download"]').getAttribute('href')).toBe(
      `/api/issues/${ISSUE}/post-mortem.csv`,
    );
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'issues-page-worked.png'), fullPage: true });

    // What the page did is what the server holds: a reload shows the same case.
    await page.reload();
    await page.locator('[data-testid="issue-detail"]').waitFor();
    expect(await page.locator('[data-testid="issue-status"]').inputValue()).toBe('investigating');
    await page.locator('[data-testid="issue-note"]', { hasText: 'Holding statement sent' }).waitFor();
  });
});
