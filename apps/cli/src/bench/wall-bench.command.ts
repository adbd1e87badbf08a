import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import type { CDPSession, Page } from 'playwright-core';
import { IngestQueueClient, createRedisConnection } from '@watchfloor/messaging';
import { MentionRepository, createDataSource } from '@watchfloor/persistence';
import { ensureLocalServices } from '../local-services/local-services';
import { createFreshDatabase } from '../system/fresh-database';
import { createKioskCredential } from '../system/kiosk-credential';
import { RunningSystem } from '../system/running-system';
import { produceAtRate } from './paced-producer';

/** The page's own, in `page.evaluate` code: the CLI compiles without the DOM library. */
declare const requestAnimationFrame: (callback: (time: number) => void) => number;

export interface WallBenchArguments {
  /** How long the wall is watched; memory is sampled over all of it. */
  minutes: number;
  /** Offered mentions/s. */
  rate: number;
}

const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const WARM_UP_MS = 15_000;
const SAMPLE_EVERY_MS = 30_000;
/** Frame times are measured over this long at the start and again at the end. */
const FRAME_WINDOW_MS = 20_000;

interface FrameFigures {
  frames: number;
  fps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Frames over 50 ms: what a person sees as a stutter. */
  longFrames: number;
}

/**
 * `pnpm bench:wall`: the built system under load (demo mentions at --rate a second) and the wall
 * in Debian's Chromium. Prints frame times (requestAnimationFrame intervals) at the start and the
 * end of the run and the JS heap sampled every 30 s after a forced GC; the last line is one JSON object.
 */
export async function wallBenchCommand(args: WallBenchArguments, output: NodeJS.WritableStream): Promise<number> {
  const log = (line: string) => process.stderr.write(`[bench:wall] ${line}\n`);
  if (!existsSync(CHROMIUM_PATH)) {
    log(`no Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH`);
    return 1;
  }
  const services = await ensureLocalServices(process.env, log);
  const prefix = `wfwallbench${process.pid}`;
  const databaseUrl = await createFreshDatabase(services.databaseUrl, 'watchfloor_wall_bench');
  const system = new RunningSystem({ databaseUrl, redisUrl: services.redisUrl, redisPrefix: prefix });
  const redis = createRedisConnection(services.redisUrl, 'watchfloor-wall-bench');
  const queue = new IngestQueueClient(redis, prefix);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const stopProducing = new AbortController();
  try {
    await system.start();
    const token = await createKioskCredential(databaseUrl, 'bench wall');
    const producing = produceAtRate(queue, args.rate, stopProducing.signal, (error) =>
      log(`enqueue: ${error.message}`),
    );
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${system.apiUrl}/wall?kiosk=${token}`);
    await page.locator('[data-testid="connection-status"][data-state="live"]').waitFor({ timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    log(`wall live; ${args.rate} mentions/s offered; ${WARM_UP_MS / 1000} s warm-up, then ${args.minutes} min watched`);
    await sleep(WARM_UP_MS);
    const storedAtStart = await countStored(databaseUrl);
    const startedAt = Date.now();
    const early = await measureFrames(page, FRAME_WINDOW_MS);
    log(`frames at the start: ${JSON.stringify(early)}`);
    const heap: number[] = [await heapMb(cdp)];
    const endAt = startedAt + args.minutes * 60_000;
    while (Date.now() + SAMPLE_EVERY_MS < endAt - FRAME_WINDOW_MS) {
      await sleep(SAMPLE_EVERY_MS);
      heap.push(await heapMb(cdp));
      log(`${Math.round((Date.now() - startedAt) / 1000)} s: JS heap ${heap[heap.length - 1]} MB`);
    }
    const late = await measureFrames(page, FRAME_WINDOW_MS);
    heap.push(await heapMb(cdp));
    const seconds = (Date.now() - startedAt) / 1000;
    const storedRate = Math.round(((await countStored(databaseUrl)) - storedAtStart) / seconds);
    stopProducing.abort();
    const offered = await producing;
    const frameIds = await page.locator('[data-testid="wall"]').getAttribute('data-frames-applied');
    output.write(
      `offered ${offered} mentions; stored ${storedRate}/s while watched for ${Math.round(seconds)} s; ` +
        `wall applied ${frameIds ?? '?'} frames; frames at the end: ${JSON.stringify(late)}; heap samples (MB): ${heap.join(' ')}\n`,
    );
    const result = {
      offeredPerSec: args.rate,
      storedPerSec: storedRate,
      minutes: Math.round((seconds / 60) * 10) / 10,
      fps: late.fps,
      frameP50Ms: late.p50Ms,
      frameP95Ms: late.p95Ms,
      frameP99Ms: late.p99Ms,
      longFrames: early.longFrames + late.longFrames,
      heapStartMb: heap[0],
      heapEndMb: heap[heap.length - 1],
      heapMaxMb: Math.max(...heap),
    };
    output.write(`${JSON.stringify(result)}\n`);
    return 0;
  } finally {
    stopProducing.abort();
    await browser.close();
    await queue.close();
    redis.disconnect();
    await system.stop();
    await services.stop();
  }
}

/** requestAnimationFrame intervals over `windowMs`, measured in the page. */
async function measureFrames(page: Page, windowMs: number): Promise<FrameFigures> {
  const deltas = await page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        const step = (time: number) => {
          times.push(time);
          if (time - times[0]! < duration) requestAnimationFrame(step);
          else resolve(times.slice(1).map((at, index) => at - times[index]!));
        };
        requestAnimationFrame(step);
      }),
    windowMs,
  );
  const sorted = [...deltas].sort((a, b) => a - b);
  const at = (fraction: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0);
  const total = deltas.reduce((sum, delta) => sum + delta, 0);
  return {
    frames: deltas.length,
    fps: round((deltas.length / total) * 1000),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    longFrames: deltas.filter((delta) => delta > 50).length,
  };
}

/** The page's live JS heap after a full collection, so growth is what is kept, not garbage. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
  return round(used / 1024 / 1024);
}

async function countStored(databaseUrl: string): Promise<number> {
  const dataSource = await createDataSource({ url: databaseUrl, poolSize: 1 }).initialize();
  try {
    return await new MentionRepository(dataSource).count();
  } finally {
    await dataSource.destroy();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
