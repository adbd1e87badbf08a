import { timingSafeEqual } from 'node:crypto';
import { Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per process, with Node's own metrics (CPU, memory, event-loop lag, GC)
 * labelled with the process' role, so the API's and the worker's series stay apart on one dashboard.
 */
export function createMetricsRegistry(processName: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * Whether a scrape may read the metrics: anyone when no METRICS_TOKEN is set (the port is then
 * for a private network), else only `Authorization: Bearer <token>`, compared in constant time.
 */
export function mayScrapeMetrics(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const presented = Buffer.from(authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
