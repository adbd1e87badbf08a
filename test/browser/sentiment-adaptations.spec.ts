import { join } from 'node:path';
import Redis from 'ioredis';
import type { Browser, Page } from 'playwright-core';
import type { SentimentAdaptationsOverview, TriageItemView } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient } from '@watchfloor/messaging';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { aTrainedAdaptation, storeAdaptations, zorblyPost } from '../support/sentiment-adaptation.factory';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { TEST_REDIS_URL } from '../support/test-services';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

const PASSWORD = 'correct horse battery';
const CORRECTIONS = 24;

describe('the sentiment page in Chromium: an admin reads the versions, retrains, rolls back, and goes back to the bundled model', () => {
  let testSystem: TestSystem;
  let browser: Browser;
  let page: Page;
  let token: string;
  /** Older good, active, worse (kept off), failed. */
  let ids: number[];

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${testSystem.system.apiUrl}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return (await response.json()) as T;
  };
  const row = (id: number) => page.locator(`[data-testid="adaptation-row-${id}"]`);

  beforeAll(async () => {
    testSystem = await startTestSystem({ env: { WORKER_LOCK_MS: '2000' } });
    await testSystem.addUser({ email: 'ada@example.com', role: 'admin', password: PASSWORD });
    const login = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: PASSWORD }),
    });
    token = ((await login.json()) as { token: string }).token;
    // Versions trained earlier, on corrections that came before any of this spec's.
    ids = await storeAdaptations(
      testSystem.dataSource,
      [
        aTrainedAdaptation({ correctionsUpTo: '1', before: { accuracy: 0.5, macroF1: 0.45 } }),
        aTrainedAdaptation({ correctionsUpTo: '2', after: { accuracy: 0.917, macroF1: 0.9 } }),
        aTrainedAdaptation({
          correctionsUpTo: '3',
          before: { accuracy: 0.8, macroF1: 0.7 },
          after: { accuracy: 0.6, macroF1: 0.5 },
        }),
        { ...aTrainedAdaptation({ correctionsUpTo: '4' }), status: 'failed', error: 'the training ran out of memory' },
      ],
      1,
    );

    // Agents' corrections, made the way the console makes them, for "Retrain now" to learn from.
    const care = (await api<{ id: string }>('POST', '/teams', { name: 'Customer care' })).id;
    await api('PUT', '/rules', {
      rules: [{ id: 'zorbly', name: 'Zorbly', when: { keywords: ['zorbly'] }, then: { priority: 'P3', teamId: care } }],
    });
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const ingest = new IngestQueueClient(redis, testSystem.redisPrefix);
    await ingest.enqueue([
      {
        batchId: 'sentiment-page-spec',
        source: 'spec',
        receivedAt: Date.now(),
        mentions: Array.from({ length: CORRECTIONS }, (_, index) => aMention({ text: zorblyPost(index) })),
      },
    ]);
    await ingest.close();
    redis.disconnect();
    const items = await waitFor('the zorbly posts flagged', async () => {
      const flagged = await api<TriageItemView[]>('GET', '/triage/items?status=open&limit=500');
      return flagged.length === CORRECTIONS ? flagged : undefined;
    });
    for (const item of items) await api('POST', `/triage/items/${item.id}/correction`, { sentiment: 'negative' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testSystem?.stop();
  });

  it('lists the versions with accuracy before and after on the held-back corrections, and which is active', async () => {
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${testSystem.system.apiUrl}/login?next=%2Fadmin%2Fsentiment`);
    await page.fill('input[name=email]', 'ada@example.com');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.locator('[data-testid="sentiment-adaptations"]').waitFor();

    const [older, active, worse, failed] = ids as [number, number, number, number];
    expect(await row(active).getAttribute('data-active')).toBe('true');
    expect(await row(active).locator('[data-testid="adaptation-status"]').textContent()).toBe('Active');
    expect(await row(active).locator('[data-testid="adaptation-accuracy"]').textContent()).toBe('50.0% → 91.7%');
    expect(await row(active).textContent()).toContain('10 held back');
    expect(await row(worse).locator('[data-testid="adaptation-status"]').textContent()).toContain('Kept off: worse');
    expect(await row(failed).locator('[data-testid="adaptation-status"]').textContent()).toBe(
      'Failed: the training ran out of memory',
    );
    expect(await row(failed).locator('button').count()).toBe(0);
    expect(await row(active).locator('button').count()).toBe(0);
    expect(await page.locator(`[data-testid="adaptation-activate-${older}"]`).textContent()).toBe('Roll back');
    expect(await page.locator(`[data-testid="adaptation-activate-${worse}"]`).textContent()).toBe('Activate');
    expect(await page.locator('[data-testid="adaptation-in-use"]').textContent()).toContain(`version ${active}`);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'sentiment-adaptations.png') });
  });

  it('retrains now on the corrections, and shows the new version once the worker has trained it', async () => {
    const retrain = page.locator('[data-testid="adaptation-retrain"]');
    expect(await retrain.isEnabled()).toBe(true);
    expect(await page.locator('[data-testid="adaptation-retrain-reason"]').textContent()).toBe(
      `Ready to retrain: ${CORRECTIONS} corrections since version ${ids[3]}`,
    );
    await retrain.click();
    const trained = row(ids[3]! + 1);
    await trained.waitFor({ timeout: 60_000 });
    expect(await trained.locator('[data-testid="adaptation-accuracy"]').textContent()).toMatch(/^\d+\.\d% → \d+\.\d%$/);
    expect(await trained.textContent()).toContain('ada@example.com');
    // Nothing new to learn from now.
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="adaptation-retrain"]') as HTMLButtonElement).disabled,
    );
  });

  it('rolls back to an older version in one click, then goes back to the bundled model', async () => {
    const [older] = ids as [number];
    await page.locator(`[data-testid="adaptation-activate-${older}"]`).click();
    await page.locator(`[data-testid="adaptation-row-${older}"][data-active="true"]`).waitFor();
    expect((await api<SentimentAdaptationsOverview>('GET', '/sentiment/adaptations')).activeId).toBe(older);
    expect(await page.locator('[data-active="true"]').count()).toBe(1);

    await page.locator('[data-testid="adaptation-use-bundled"]').click();
    await page.locator('[data-testid="adaptation-in-use"]', { hasText: 'the bundled model' }).waitFor();
    expect(await page.locator('[data-active="true"]').count()).toBe(0);
    expect(await page.locator('[data-testid="adaptation-use-bundled"]').isDisabled()).toBe(true);
    expect((await api<SentimentAdaptationsOverview>('GET', '/sentiment/adaptations')).activeId).toBeNull();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'sentiment-adaptations-bundled.png') });
  });
});
