import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import { AnalysisStreamClient, QueueInspectorClient, WATCHED_JOB_STATES } from '@watchfloor/messaging';
import type { AnalysisStreamLag, QueueDepth } from '@watchfloor/messaging';
import { METRICS_REGISTRY } from '@watchfloor/nest-runtime';
import { withTimeout } from '../health/with-timeout';
import { oncePerScrape } from './once-per-scrape';

/** A scrape must answer even when Redis does not: past this, the queue gauges are left out. */
const READ_TIMEOUT_MS = 2_000;

/** Queue depth and lag, and the analysis backlog, read from Redis at scrape time. */
@Injectable()
export class QueueMetricsCollector implements OnModuleDestroy {
  private readonly logger = new Logger(QueueMetricsCollector.name);
  private readonly readFailures: Counter<'reading'>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly queues: QueueInspectorClient,
    private readonly analysisStream: AnalysisStreamClient,
  ) {
    this.readFailures = new Counter({
      name: 'watchfloor_metrics_read_failures_total',
      help: 'Scrapes that could not read a group of gauges (which are then left out of that scrape)',
      labelNames: ['reading'],
      registers: [registry],
    });
    const readQueues = oncePerScrape(() => this.read('queues', () => this.queues.depths()));
    const readStream = oncePerScrape(() => this.read('analysis_stream', () => this.analysisStream.lag()));

    new Gauge({
      name: 'watchfloor_queue_jobs',
      help: 'Jobs in each queue by state (waiting includes prioritized)',
      labelNames: ['queue', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const depth of (await readQueues()) ?? []) {
          for (const state of WATCHED_JOB_STATES) this.set({ queue: depth.queue, state }, depth.jobs[state]);
        }
      },
    });
    new Gauge({
      name: 'watchfloor_queue_oldest_waiting_age_seconds',
      help: 'Age of the oldest waiting job in each queue: how far behind it is (0 when nothing waits)',
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const depth of (await readQueues()) ?? []) {
          this.set({ queue: depth.queue }, ageSeconds(depth.oldestWaitingAgeMs));
        }
      },
    });
    const streamGauge = (name: string, help: string, pick: (lag: AnalysisStreamLag) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          this.reset();
          const lag = await readStream();
          if (lag !== null) this.set(pick(lag));
        },
      });
    streamGauge('watchfloor_analysis_stream_entries', 'Stored batches waiting for analysis', (lag) => lag.entries);
    streamGauge(
      'watchfloor_analysis_stream_pending',
      'Batches an analysis consumer holds and has not acknowledged',
      (lag) => lag.pending,
    );
    streamGauge(
      'watchfloor_analysis_stream_oldest_age_seconds',
      'Age of the oldest batch waiting for analysis (0 when none waits)',
      (lag) => ageSeconds(lag.oldestAgeMs),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.queues.close();
  }

  private async read<T extends QueueDepth[] | AnalysisStreamLag>(
    reading: string,
    read: () => Promise<T>,
  ): Promise<T | null> {
    try {
      return await withTimeout(read(), READ_TIMEOUT_MS);
    } catch (error) {
      this.readFailures.inc({ reading });
      this.logger.warn(`metrics: could not read ${reading}: ${(error as Error).message}`);
      return null;
    }
  }
}

function ageSeconds(ageMs: number | null): number {
  return ageMs === null ? 0 : ageMs / 1_000;
}
