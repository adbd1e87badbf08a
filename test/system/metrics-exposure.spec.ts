import { createServer } from 'node:net';
import { startTestSystem } from '../support/test-system';
import type { TestSystem } from '../support/test-system';

jest.setTimeout(90_000);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('metrics without METRICS_TOKEN: not on the public port, only on local-only ones', () => {
  let testSystem: TestSystem;
  let apiMetricsPort: number;

  beforeAll(async () => {
    apiMetricsPort = await freePort();
    testSystem = await startTestSystem({ env: { API_METRICS_PORT: String(apiMetricsPort) } });
  });

  afterAll(async () => {
    await testSystem?.stop();
  });

  it('answers 404 on the public port, saying how to scrape them', async () => {
    const response = await fetch(`${testSystem.system.apiUrl}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(
      new RegExp(`served on port ${apiMetricsPort} of 127\\.0\\.0\\.1.*METRICS_TOKEN`),
    );
  });

  it("serves the API's metrics on API_METRICS_PORT of loopback, and the worker's on its own port", async () => {
    const api = await fetch(`http://127.0.0.1:${apiMetricsPort}/metrics`);
    expect(api.status).toBe(200);
    expect(await api.text()).toContain('process="watchfloor-api"');
    const worker = await fetch(testSystem.system.workerMetricsUrlOf(0));
    expect(worker.status).toBe(200);
    expect(await worker.text()).toContain('process="watchfloor-worker"');
  });
});
