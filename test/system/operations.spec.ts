import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { QueueName } from '@watchfloor/contracts';
import { aMention } from '@watchfloor/domain/testing';
import { IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { LiveCollector } from '../../apps/cli/src/system/live-collector';
import type { RunningSystem } from '../../apps/cli/src/system/running-system';
import { TEST_REDIS_URL } from '../support/test-services';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

const PASSWORD = 'a long enough password';
const METRICS_TOKEN = 'a-scrape-token-for-the-operations-spec';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus' text format, one sample a line (comments skipped). */
function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (match === null) throw new Error(`not a Prometheus sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!]),
      );
      return { name: match[1]!, labels, value: Number(match[3]) };
    });
}

function samplesOf(samples: Sample[], name: string, labels: Record<string, string> = {}): Sample[] {
  return samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
}

describe('operating it: health probes, Prometheus metrics and the queue dashboard', () => {
  let testSystem: TestSystem;
  let system: RunningSystem;
  let redis: Redis;
  let ingest: IngestQueueClient;
  let wall: LiveCollector;
  const tokens: Record<'admin' | 'manager' | 'viewer', string> = { admin: '', manager: '', viewer: '' };

  async function scrape(url: string): Promise<Sample[]> {
    const response = await fetch(url, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return parseMetrics(await response.text());
  }

  const apiMetrics = () => scrape(`${system.apiUrl}/metrics`);
  const workerMetrics = () => scrape(system.workerMetricsUrlOf(0));

  function asUser(role: keyof typeof tokens, init: RequestInit = {}): RequestInit {
    return { ...init, headers: { ...init.headers, Authorization: `Bearer ${tokens[role]}` } };
  }

  beforeAll(async () => {
    testSystem = await startTestSystem({ env: { METRICS_TOKEN } });
    system = testSystem.system;
    for (const role of ['admin', 'manager', 'viewer'] as const) {
      await testSystem.addUser({ email: `${role}@example.com`, role, password: PASSWORD });
      const login = await fetch(`${system.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: `${role}@example.com`, password: PASSWORD }),
      });
      tokens[role] = ((await login.json()) as { token: string }).token;
    }
    redis = createRedisConnection(TEST_REDIS_URL, 'operations-spec');
    ingest = new IngestQueueClient(redis, testSystem.redisPrefix);
    wall = new LiveCollector(system.apiUrl, await testSystem.kioskToken());
    await wall.connected();
  });

  afterAll(async () => {
    wall?.close();
    await ingest?.close();
    redis?.disconnect();
    await testSystem?.stop();
  });

  it('answers liveness without looking at dependencies, and readiness once PostgreSQL and Redis answer', async () => {
    const live = await fetch(`${system.apiUrl}/api/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok', info: {} });
    const ready = await fetch(`${system.apiUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves metrics only to the bearer of METRICS_TOKEN when one is set, on the API and the worker', async () => {
    for (const url of [`${system.apiUrl}/metrics`, system.workerMetricsUrlOf(0)]) {
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { Authorization: 'Bearer not-the-metrics-token!!' } })).status).toBe(401);
    }
    expect((await fetch(`${system.apiUrl}/api/metrics`)).status).toBe(404);
  });

  it("shows a queue's backlog and how long its oldest job has waited", async () => {
    // Paused, the ingest queue keeps what arrives waiting, as a stalled pipeline would.
    const control = new Queue(QueueName.Ingest, { connection: redis, prefix: testSystem.redisPrefix });
    await control.pause();
    try {
      await ingest.enqueue([
        { batchId: `ops-${randomUUID()}`, source: 'spec', receivedAt: Date.now(), mentions: [aMention()] },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const samples = await apiMetrics();
      expect(samplesOf(samples, 'watchfloor_queue_jobs', { queue: 'ingest', state: 'waiting' })[0]?.value).toBe(1);
      expect(
        samplesOf(samples, 'watchfloor_queue_oldest_waiting_age_seconds', { queue: 'ingest' })[0]?.value,
      ).toBeGreaterThanOrEqual(1);
      // Every queue and state is there, idle ones at 0.
      for (const queue of Object.values(QueueName)) {
        expect(samplesOf(samples, 'watchfloor_queue_jobs', { queue }).map((sample) => sample.labels['state'])).toEqual([
          'waiting',
          'active',
          'delayed',
          'failed',
        ]);
      }
      expect(samplesOf(samples, 'watchfloor_analysis_stream_entries')).toHaveLength(1);
      expect(samplesOf(samples, 'watchfloor_analysis_stream_pending')).toHaveLength(1);
    } finally {
      await control.resume();
      await control.close();
    }
    await waitFor('the ingest backlog to drain once the queue is resumed', async () => {
      const waiting = samplesOf(await apiMetrics(), 'watchfloor_queue_jobs', { queue: 'ingest', state: 'waiting' });
      return waiting[0]?.value === 0 ? true : undefined;
    });
  });

  it('counts mentions through the worker and times them from ingestion to storage and to the wall', async () => {
    const before = wall.received.size;
    const mentions = Array.from({ length: 30 }, () => aMention());
    await ingest.enqueue([
      { batchId: `ops-${randomUUID()}`, source: 'spec', receivedAt: Date.now(), mentions: mentions.slice(0, 15) },
      {
        batchId: `ops-${randomUUID()}`,
        source: 'spec',
        receivedAt: Date.now(),
        mentions: [...mentions.slice(15), { text: 'not a mention' }],
      },
    ]);
    await wall.waitForDistinct(before + mentions.length, 30_000);

    const worker = await workerMetrics();
    const ingested = samplesOf(worker, 'watchfloor_mentions_ingested_total')[0]!;
    expect(ingested.value).toBeGreaterThanOrEqual(31);
    expect(ingested.labels['process']).toBe('watchfloor-worker');
    expect(samplesOf(worker, 'watchfloor_mentions_stored_total')[0]!.value).toBeGreaterThanOrEqual(30);
    expect(samplesOf(worker, 'watchfloor_mentions_dead_lettered_total', { reason: 'invalid' })[0]?.value).toBe(1);
    expect(samplesOf(worker, 'watchfloor_ingest_to_stored_seconds_count')[0]!.value).toBeGreaterThanOrEqual(30);
    expect(samplesOf(worker, 'watchfloor_ingest_to_stored_seconds_bucket', { le: '+Inf' })[0]!.value).toBe(
      samplesOf(worker, 'watchfloor_ingest_to_stored_seconds_count')[0]!.value,
    );
    expect(
      samplesOf(worker, 'watchfloor_ingest_batch_duration_seconds_count', { result: 'ok' })[0]!.value,
    ).toBeGreaterThanOrEqual(2);
    expect(samplesOf(worker, 'process_resident_memory_bytes')).toHaveLength(1);

    const api = await apiMetrics();
    expect(samplesOf(api, 'watchfloor_ingest_to_client_seconds_count')[0]!.value).toBeGreaterThanOrEqual(30);
    expect(samplesOf(api, 'watchfloor_ingest_to_client_seconds_bucket').length).toBeGreaterThan(5);
    expect(samplesOf(api, 'watchfloor_live_mentions_delivered_total')[0]!.value).toBeGreaterThanOrEqual(30);
  });

  it('times HTTP requests by route template and status, not by path', async () => {
    await fetch(`${system.apiUrl}/api/auth/me`, asUser('viewer'));
    await fetch(`${system.apiUrl}/api/issues/${randomUUID()}`, asUser('viewer'));
    await fetch(`${system.apiUrl}/api/issues/${randomUUID()}`, asUser('viewer'));
    const samples = await apiMetrics();
    const me = samplesOf(samples, 'watchfloor_http_request_duration_seconds_bucket', {
      method: 'GET',
      route: '/api/auth/me',
      status_code: '200',
    });
    expect(me.map((sample) => sample.labels['le'])).toContain('0.1');
    expect(me.find((sample) => sample.labels['le'] === '+Inf')?.value).toBeGreaterThanOrEqual(1);
    const issues = samplesOf(samples, 'watchfloor_http_request_duration_seconds_count', { route: '/api/issues/:id' });
    expect(issues.reduce((sum, sample) => sum + sample.value, 0)).toBeGreaterThanOrEqual(2);
    const byPath = samples.filter((sample) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(sample.labels['route'] ?? ''));
    expect(byPath).toEqual([]);
  });

  it('reports each source by state and how long since it last succeeded', async () => {
    const created = await fetch(
      `${system.apiUrl}/api/sources`,
      asUser('admin', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          name: 'Quiet feed',
          kind: 'rss-feed',
          settings: { feedUrl: 'http://127.0.0.1:9/feed.xml' },
          enabled: false,
        }),
      }),
    );
    expect(created.status).toBe(201);
    const states = samplesOf(await apiMetrics(), 'watchfloor_source_state', { source: 'Quiet feed', kind: 'rss-feed' });
    expect(states).toHaveLength(7);
    expect(states.filter((sample) => sample.value === 1).map((sample) => sample.labels['state'])).toEqual(['disabled']);
  });

  it('opens the queue dashboard to admins only, and lists every queue of ours', async () => {
    const dashboard = `${system.apiUrl}/admin/queues`;
    expect((await fetch(dashboard)).status).toBe(401);
    const browser = await fetch(dashboard, { headers: { Accept: 'text/html' }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/login?next=%2Fadmin%2Fqueues');
    expect((await fetch(dashboard, asUser('viewer'))).status).toBe(403);
    expect((await fetch(`${dashboard}/api/queues`, asUser('manager'))).status).toBe(403);

    const page = await fetch(dashboard, asUser('admin'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Watchfloor queues');
    const api = await fetch(`${dashboard}/api/queues`, asUser('admin'));
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
  });
});
