import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import Redis from 'ioredis';
import type { AuditEntry } from '@watchfloor/access';
import type {
  LiveMention,
  SentimentAdaptationsOverview,
  SentimentAdaptationVersion,
  TriageEventView,
  TriageItemView,
} from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient } from '@watchfloor/messaging';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { TEST_REDIS_URL } from '../support/test-services';
import { aTrainedAdaptation, storeAdaptations, zorblyPost } from '../support/sentiment-adaptation.factory';
import { waitFor } from '../support/wait-for';
import { apiCaller } from '../support/api-call';

jest.setTimeout(180_000);

const PASSWORD = 'a long enough password';
const LOG = 'test-artifacts/sentiment-adaptation-system.log';
/** "zorbly" means nothing to the bundled model; the agents' corrections teach it that it is bad news. */
const ZORBLY_POSTS = 55;
const FIRST_CORRECTIONS = 48;

describe('learning sentiment from corrections: agents correct, the worker retrains, admins roll back', () => {
  let testSystem: TestSystem;
  let redis: Redis;
  let ingest: IngestQueueClient;
  const tokens: Record<string, string> = {};
  let batch = 0;
  let probes = 0;
  /** How the bundled model alone labels a zorbly probe: what scoring falls back to. */
  let bundledLabel: string;
  let zorblyItems: TriageItemView[];
  let first: SentimentAdaptationVersion;
  let second: SentimentAdaptationVersion;

  const call = apiCaller(() => testSystem.system.apiUrl, tokens);
  const send = (mentions: ReturnType<typeof aMention>[]) =>
    ingest.enqueue([{ batchId: `adaptation-spec-${batch++}`, source: 'spec', receivedAt: Date.now(), mentions }]);
  const overview = async () => (await call<SentimentAdaptationsOverview>('ada', 'GET', '/sentiment/adaptations')).body;
  const auditActions = async () =>
    (await call<AuditEntry[]>('ada', 'GET', '/audit')).body
      .filter((entry) => entry.action.startsWith('sentiment-adaptation.'))
      .map((entry) => [entry.action, entry.actor.label, entry.before, entry.after]);

  /** Ingests a new zorbly post and answers how the worker scored it. */
  async function probeLabel(): Promise<string> {
    const text = `Got the zorbly breakfast on Skylark flight ${++probes}`;
    await send([aMention({ text, author: { handle: 'prober' } })]);
    return waitFor(`"${text}" stored`, async () => {
      const recent = (await call<LiveMention[]>('ada', 'GET', '/mentions/recent?limit=100')).body;
      return recent.find((mention) => mention.text === text)?.sentiment.label;
    });
  }
  /** The worker swaps its scorer on the announcement, so probes soon come back labelled so. */
  const workerScores = (label: string) =>
    waitFor(`the worker to score zorbly posts ${label}`, async () =>
      (await probeLabel()) === label ? true : undefined,
    );
  /** How much "zorbly" pulls an item towards negative in the API's explanation: the console shows the model in force. */
  const zorblyPull = async () => {
    const { body } = await call<{ item: TriageItemView; events: TriageEventView[] }>(
      'dana',
      'GET',
      `/triage/items/${zorblyItems[0]!.id}`,
    );
    return body.item.mention.explanation.find((evidence) => evidence.text === 'zorbly')?.weight ?? 0;
  };
  /** The bundled model's pull, the same every time; an adaptation learned from the corrections pulls far harder. */
  let bundledPull: number;
  const apiExplains = (model: 'bundled' | 'adapted') =>
    waitFor(`the API to explain with the ${model} model`, async () => {
      const pull = await zorblyPull();
      // The bundled model's pull exactly, or clearly more negative: what 48 corrections taught (about -0.25 logits).
      return (model === 'bundled' ? pull === bundledPull : pull < bundledPull - 0.15) ? true : undefined;
    });

  beforeAll(async () => {
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync(LOG, '');
    const logFile = new PassThrough();
    logFile.on('data', (chunk: Buffer) => appendFileSync(LOG, chunk));
    testSystem = await startTestSystem({ logFile, env: { WORKER_LOCK_MS: '2000' } });
    await testSystem.addUser({ email: 'ada@example.com', role: 'admin', password: PASSWORD });
    const dana = await testSystem.addUser({ email: 'dana@example.com', role: 'agent', password: PASSWORD });
    const loginAs = async (name: string) => {
      const response = await fetch(`${testSystem.system.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `${name}@example.com`, password: PASSWORD }),
      });
      tokens[name] = ((await response.json()) as { token: string }).token;
    };
    await loginAs('ada');
    const care = (await call<{ id: string }>('ada', 'POST', '/teams', { name: 'Customer care' })).body.id;
    await call('ada', 'PUT', `/teams/${care}/members`, { userIds: [dana.id] });
    await loginAs('dana');
    const rules = await call('ada', 'PUT', '/rules', {
      rules: [{ id: 'zorbly', name: 'Zorbly', when: { keywords: ['zorbly'] }, then: { priority: 'P3', teamId: care } }],
    });
    expect(rules.status).toBe(200);
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    ingest = new IngestQueueClient(redis, testSystem.redisPrefix);
  });

  afterAll(async () => {
    await ingest?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  it('scores with the bundled model and refuses to retrain before there are enough corrections', async () => {
    expect(await overview()).toMatchObject({
      activeId: null,
      versions: [],
      corrections: { available: 0, new: 0, minimum: 20 },
      retrain: { due: false, reason: '0 corrections so far; learning needs at least 20' },
    });
    const refused = await call<{ message: string }>('ada', 'POST', '/sentiment/adaptations/retrain');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('Nothing to retrain on: 0 corrections so far; learning needs at least 20');
    bundledLabel = await probeLabel();
    // The premise: what the corrections teach is news to the bundled model.
    expect(bundledLabel).not.toBe('negative');
  });

  it('trains a version in the background on the corrections agents made, and uses it as it does better on the held-back ones', async () => {
    await send(Array.from({ length: ZORBLY_POSTS }, (_, index) => aMention({ text: zorblyPost(index) })));
    zorblyItems = await waitFor('every zorbly post flagged', async () => {
      const items = (await call<TriageItemView[]>('dana', 'GET', '/triage/items?status=open&limit=500')).body.filter(
        (item) => item.mention.text.includes('zorbly ') && !item.mention.text.startsWith('Got the'),
      );
      return items.length === ZORBLY_POSTS ? items : undefined;
    });
    bundledPull = await zorblyPull();
    for (const item of zorblyItems.slice(0, FIRST_CORRECTIONS)) {
      const corrected = await call('dana', 'POST', `/triage/items/${item.id}/correction`, { sentiment: 'negative' });
      expect(corrected.status).toBe(200);
    }
    expect((await overview()).retrain).toEqual({ due: true, reason: '48 corrections, none learned from yet' });

    const queued = await call('ada', 'POST', '/sentiment/adaptations/retrain');
    expect(queued).toEqual({ status: 202, body: { queued: true, reason: '48 corrections, none learned from yet' } });
    const trained = await waitFor('the first version trained', async () => {
      const current = await overview();
      return current.versions.length === 1 ? current : undefined;
    });
    first = trained.versions[0]!;
    expect(first).toMatchObject({
      status: 'trained',
      error: null,
      requestedBy: 'ada@example.com',
      active: true,
      activatedBy: 'Watchfloor (after training)',
      usable: true,
      baseModelId: trained.bundledModelId,
    });
    expect(first.trainedOn! + first.heldOut!).toBe(FIRST_CORRECTIONS);
    expect(first.heldOut).toBeGreaterThan(0);
    expect(first.after!.accuracy).toBeGreaterThan(first.before!.accuracy);
    expect(trained).toMatchObject({ activeId: first.id, corrections: { available: 48, new: 0 } });

    await workerScores('negative');
    await apiExplains('adapted');
    expect(await auditActions()).toEqual([
      [
        'sentiment-adaptation.retrain-requested',
        'ada@example.com',
        null,
        { reason: '48 corrections, none learned from yet' },
      ],
      [
        'sentiment-adaptation.activated',
        'Watchfloor (after training)',
        { activeId: null },
        { activeId: first.id, reason: expect.stringMatching(/^accuracy .* on \d+ held-back corrections$/) },
      ],
    ]);
  });

  it('does not train the same corrections twice', async () => {
    const again = await call<{ message: string }>('ada', 'POST', '/sentiment/adaptations/retrain');
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(
      `Nothing to retrain on: no corrections since version ${first.id}: nothing new to learn`,
    );
  });

  it('retrains on new corrections, rolls back to the older version and to the bundled model in one click each, and every scorer follows', async () => {
    for (const item of zorblyItems.slice(FIRST_CORRECTIONS)) {
      await call('dana', 'POST', `/triage/items/${item.id}/correction`, { sentiment: 'negative' });
    }
    expect((await overview()).corrections).toEqual({
      available: ZORBLY_POSTS,
      new: ZORBLY_POSTS - FIRST_CORRECTIONS,
      minimum: 20,
    });
    expect((await call('ada', 'POST', '/sentiment/adaptations/retrain')).status).toBe(202);
    const retrained = await waitFor('the second version trained', async () => {
      const current = await overview();
      return current.versions.length === 2 ? current : undefined;
    });
    second = retrained.versions[0]!;
    expect(second.trainedOn! + second.heldOut!).toBe(ZORBLY_POSTS);
    expect(retrained.activeId).toBe(second.id);

    const rolledBack = await call<SentimentAdaptationsOverview>(
      'ada',
      'POST',
      `/sentiment/adaptations/${first.id}/activate`,
    );
    expect(rolledBack.status).toBe(200);
    expect(rolledBack.body.activeId).toBe(first.id);
    expect(rolledBack.body.versions.map((version) => [version.id, version.active, version.activatedBy])).toEqual([
      [second.id, false, 'Watchfloor (after training)'],
      [first.id, true, 'ada@example.com'],
    ]);

    const bundled = await call<SentimentAdaptationsOverview>('ada', 'POST', '/sentiment/adaptations/deactivate');
    expect(bundled.status).toBe(200);
    expect(bundled.body.activeId).toBeNull();
    expect(bundled.body.versions.every((version) => !version.active)).toBe(true);
    await workerScores(bundledLabel);
    await apiExplains('bundled');

    // Activating again brings back what the corrections taught.
    await call('ada', 'POST', `/sentiment/adaptations/${second.id}/activate`);
    await workerScores('negative');
    await apiExplains('adapted');
    expect((await auditActions()).slice(-3)).toEqual([
      ['sentiment-adaptation.rolled-back', 'ada@example.com', { activeId: second.id }, { activeId: first.id }],
      ['sentiment-adaptation.deactivated', 'ada@example.com', { activeId: first.id }, { activeId: null }],
      ['sentiment-adaptation.activated', 'ada@example.com', { activeId: null }, { activeId: second.id }],
    ]);
  });

  it('leaves aside an active version whose weights do not decode: ingest goes on, scored by the bundled model', async () => {
    const [broken] = await storeAdaptations(testSystem.dataSource, [
      aTrainedAdaptation({ weights: Buffer.from('these bytes are not an adaptation') }),
    ]);
    const activated = await call<SentimentAdaptationsOverview>(
      'ada',
      'POST',
      `/sentiment/adaptations/${broken}/activate`,
    );
    expect(activated.body.activeId).toBe(broken);
    await workerScores(bundledLabel);
    await apiExplains('bundled');
  });

  it('will not activate a failed version, one trained on another bundled model, or one that does not exist', async () => {
    const [failed, stale] = await storeAdaptations(testSystem.dataSource, [
      { ...aTrainedAdaptation(), status: 'failed', error: '12 usable labelled texts; adapting needs at least 20' },
      aTrainedAdaptation({ baseModelId: 'sentiment-2025-01-01-old' }),
    ]);
    const refusedFailed = await call<{ message: string }>('ada', 'POST', `/sentiment/adaptations/${failed}/activate`);
    expect(refusedFailed).toEqual({
      status: 409,
      body: expect.objectContaining({
        message: `Version ${failed} failed to train (12 usable labelled texts; adapting needs at least 20): there is nothing to activate`,
      }),
    });
    const refusedStale = await call<{ message: string }>('ada', 'POST', `/sentiment/adaptations/${stale}/activate`);
    expect(refusedStale.status).toBe(409);
    expect(refusedStale.body.message).toMatch(
      /adapts sentiment model sentiment-2025-01-01-old, and the scorers now run .*: retrain instead$/,
    );
    const listed = await overview();
    expect(listed.versions.find((version) => version.id === stale)).toMatchObject({ usable: false });
    expect(listed.versions.find((version) => version.id === failed)).toMatchObject({ status: 'failed', before: null });
    expect((await call('ada', 'POST', '/sentiment/adaptations/999999/activate')).status).toBe(404);
    expect((await call('ada', 'POST', '/sentiment/adaptations/first/activate')).status).toBe(400);
  });
});
