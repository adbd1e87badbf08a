import { createMetricsRegistry, mayScrapeMetrics } from './metrics-registry';

describe('metrics registry', () => {
  it("exposes Node's process metrics labelled with the process' role", async () => {
    const text = await createMetricsRegistry('watchfloor-spec').metrics();
    expect(text).toMatch(/^process_cpu_user_seconds_total\{process="watchfloor-spec"\} \d/m);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('lets anyone scrape without a token, and only the bearer of the token with one', () => {
    const token = 'a-scrape-token-of-32-characters!';
    expect(mayScrapeMetrics(undefined, undefined)).toBe(true);
    expect(mayScrapeMetrics(`Bearer ${token}`, token)).toBe(true);
    expect(mayScrapeMetrics(undefined, token)).toBe(false);
    expect(mayScrapeMetrics('Bearer a-scrape-token-of-32-characters?', token)).toBe(false);
    expect(mayScrapeMetrics(`Basic ${token}`, token)).toBe(false);
    expect(mayScrapeMetrics('Bearer short', token)).toBe(false);
  });
});
