import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_MENTIONS_PER_BATCH } from '@watchfloor/contracts';
import { AnalysisStreamClient, IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { MentionRepository, createDataSource } from '@watchfloor/persistence';
import { DemoFeed, MentionBatcher } from '@watchfloor/sources';
import { ensureLocalServices } from '../local-services/local-services';
import { createFreshDatabase } from '../system/fresh-database';
import { createKioskCredential } from '../system/kiosk-credential';
import { LiveCollector } from '../system/live-collector';
import { RunningSystem } from '../system/running-system';
import { measureCopyCeiling, measureRedisCeilings } from './raw-ceilings';

export interface BenchArguments {
  seconds: number;
  /** Offered mentions/s; without it the producer runs flat out, held back only by what is still in flight. */
  rate?: number;
}

/**
 * Flat out, the producer keeps at most this many mentions in flight (offered, not yet on the
 * wall): enough to keep every stage busy, small enough that latency measures the system rather
 * than a queue we filled ourselves.
 */
const MAX_IN_FLIGHT = 2_000;
const WARM_UP_SECONDS = 3;
const DRAIN_TIMEOUT_MS = 60_000;

/**
 * `pnpm bench`: starts the built API and worker on a fresh database, drives demo mentions
 * through the whole path (queue, pipeline, PostgreSQL, Redis, socket.io) for N seconds, and
 * prints the figures; the last line is one JSON object.
 */
export async function benchCommand(args: BenchArguments, output: NodeJS.WritableStream): Promise<number> {
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const services = await ensureLocalServices(process.env, log);
  const prefix = `wfbench${process.pid}`;
  const databaseUrl = await createFreshDatabase(services.databaseUrl, 'watchfloor_bench');
  const system = new RunningSystem({ databaseUrl, redisUrl: services.redisUrl, redisPrefix: prefix });
  const redis = createRedisConnection(services.redisUrl, 'watchfloor-bench');
  const queue = new IngestQueueClient(redis, prefix);
  let collector: LiveCollector | undefined;
  try {
    // Measured before the system starts, so nothing of ours competes with the probe.
    const redisCeilings = await measureRedisCeilings(redis);
    log(
      `Redis alone: ${redisCeilings.redisRoundTripsPerSec} round trips/s, ${redisCeilings.redisPipelinedPerSec} commands/s pipelined`,
    );
    await system.start();
    collector = new LiveCollector(system.apiUrl, await createKioskCredential(databaseUrl, 'bench wall'));
    await collector.connected();
    const wall = collector;
    log(`system up at ${system.apiUrl}; ${WARM_UP_SECONDS} s warm-up, then ${args.seconds} s measured`);

    let produced = 0;
    const batcher = new MentionBatcher({
      source: 'bench',
      sink: (batches) => queue.enqueue(batches),
      maxWaitMs: 20,
      onError: (error) => log(`enqueue failed: ${(error as Error).message}`),
    });
    const feed = new DemoFeed(42);
    const startedAt = Date.now();
    const measureFrom = startedAt + WARM_UP_SECONDS * 1000;
    const endAt = measureFrom + args.seconds * 1000;
    let receivedAtStart = 0;
    let latencyIndexAtStart = 0;
    let nextReport = measureFrom + 10_000;
    let receivedAtLastReport = 0;
    let slowestWindowPerSec = Number.POSITIVE_INFINITY;
    while (Date.now() < endAt) {
      if (receivedAtStart === 0 && Date.now() >= measureFrom) {
        receivedAtStart = wall.received.size || 1;
        latencyIndexAtStart = wall.latenciesMs.length;
      }
      const allowed =
        args.rate === undefined
          ? wall.received.size + MAX_IN_FLIGHT - produced
          : Math.floor(((Date.now() - startedAt) / 1000) * args.rate) - produced;
      if (allowed < MAX_MENTIONS_PER_BATCH / 2) {
        await batcher.flush();
        await sleep(2);
        continue;
      }
      for (let index = 0; index < allowed; index++) {
        await batcher.push(feed.next());
        produced++;
      }
      if (Date.now() >= nextReport) {
        const windowPerSec = Math.round((wall.received.size - (receivedAtLastReport || receivedAtStart)) / 10);
        slowestWindowPerSec = Math.min(slowestWindowPerSec, windowPerSec);
        receivedAtLastReport = wall.received.size;
        log(
          `${Math.round((Date.now() - measureFrom) / 1000)} s: ${wall.received.size} on the wall (${windowPerSec}/s), ${produced - wall.received.size} in flight`,
        );
        nextReport += 10_000;
      }
    }
    await batcher.flush();
    const receivedInWindow = wall.received.size - receivedAtStart;
    const windowLatencies = wall.latenciesMs.slice(latencyIndexAtStart);
    log(`offered ${produced}; draining`);
    await wall.waitForDistinct(produced, DRAIN_TIMEOUT_MS).catch((error: Error) => log(error.message));
    const stored = await countStoredMentions(databaseUrl);
    await reportAnalysisLag(new AnalysisStreamClient(redis, prefix), log);
    // The system is idle again (drained, analysis caught up): the COPY probe has the machine to itself.
    collector.close();
    await system.stop();
    const copyRowsPerSec = await measureCopyCeiling(databaseUrl);
    log(`PostgreSQL alone: COPY of the stored rows at ${copyRowsPerSec} rows/s`);
    const mentionsPerSec = Math.round(receivedInWindow / args.seconds);

    const result = {
      mentionsPerSec,
      p50Ms: percentile(windowLatencies, 0.5),
      p99Ms: percentile(windowLatencies, 0.99),
      lost: produced - Math.min(wall.received.size, stored),
      duplicated: wall.duplicates + Math.max(0, stored - produced),
      slowest10sPerSec: Number.isFinite(slowestWindowPerSec) ? slowestWindowPerSec : mentionsPerSec,
      copyRowsPerSec,
      fractionOfCopy: copyRowsPerSec > 0 ? Math.round((mentionsPerSec / copyRowsPerSec) * 1000) / 1000 : null,
      ...redisCeilings,
    };
    output.write(
      `offered ${produced} mentions in ${args.seconds + WARM_UP_SECONDS} s; stored ${stored}; ` +
        `${wall.received.size} distinct on the wall (${wall.deliveries} deliveries)\n`,
    );
    output.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    collector?.close();
    await queue.close();
    redis.disconnect();
    await system.stop();
    await services.stop();
  }
}

/** Analysis runs behind the wall: how far behind it was when the last mention arrived, and how long it took to catch up. */
async function reportAnalysisLag(stream: AnalysisStreamClient, log: (line: string) => void): Promise<void> {
  const drainedAt = Date.now();
  const behind = await stream.backlog();
  while ((await stream.backlog()) > 0 && Date.now() - drainedAt < DRAIN_TIMEOUT_MS) await sleep(100);
  const left = await stream.backlog();
  log(
    left === 0
      ? `analysis: ${behind} stored batches behind at the end, caught up ${((Date.now() - drainedAt) / 1000).toFixed(1)} s later`
      : `analysis: still ${left} stored batches behind ${DRAIN_TIMEOUT_MS / 1000} s after the end`,
  );
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!);
}

async function countStoredMentions(databaseUrl: string): Promise<number> {
  const dataSource = await createDataSource({ url: databaseUrl, poolSize: 1 }).initialize();
  try {
    return await new MentionRepository(dataSource).count();
  } finally {
    await dataSource.destroy();
  }
}
