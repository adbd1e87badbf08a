import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@watchfloor/nest-runtime';
import type { IngestOutcome } from '@watchfloor/pipeline';

/** Throughput and latency of the ingest pipeline, recorded once per batch: counters and memory only. */
@Injectable()
export class IngestMetrics {
  private readonly ingested: Counter;
  private readonly stored: Counter;
  private readonly duplicates: Counter;
  private readonly deadLettered: Counter<'reason'>;
  private readonly batchDuration: Histogram<'result'>;
  private readonly ingestToStored: Histogram;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.ingested = new Counter({
      name: 'watchfloor_mentions_ingested_total',
      help: 'Mentions in the batches this worker processed',
      registers,
    });
    this.stored = new Counter({
      name: 'watchfloor_mentions_stored_total',
      help: 'Mentions this worker stored (new ones only)',
      registers,
    });
    this.duplicates = new Counter({
      name: 'watchfloor_mentions_duplicate_total',
      help: 'Mentions dropped as copies of one already in the batch or already stored',
      registers,
    });
    this.deadLettered = new Counter({
      name: 'watchfloor_mentions_dead_lettered_total',
      help: 'Mentions sent to the dead-letter table: invalid ones, or whole batches out of attempts',
      labelNames: ['reason'],
      registers,
    });
    this.batchDuration = new Histogram({
      name: 'watchfloor_ingest_batch_duration_seconds',
      help: 'Time to run one batch through the pipeline (validate, score, store, publish), by result',
      labelNames: ['result'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.ingestToStored = new Histogram({
      name: 'watchfloor_ingest_to_stored_seconds',
      help: 'From a source receiving a mention to this worker having stored it',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers,
    });
  }

  /** A batch that went through: what became of its mentions, and how long each took to be stored. */
  recordBatch(receivedAt: number, outcome: IngestOutcome, durationSeconds: number): void {
    this.batchDuration.observe({ result: 'ok' }, durationSeconds);
    this.ingested.inc(outcome.received);
    this.stored.inc(outcome.stored);
    this.duplicates.inc(Math.max(0, outcome.received - outcome.rejected - outcome.stored));
    if (outcome.rejected > 0) this.deadLettered.inc({ reason: 'invalid' }, outcome.rejected);
    // Every mention of a batch was received at once, so they share one latency.
    const latencySeconds = Math.max(0, Date.now() - receivedAt) / 1_000;
    for (let stored = 0; stored < outcome.stored; stored++) this.ingestToStored.observe(latencySeconds);
  }

  /** An attempt that threw: BullMQ will retry it, so its mentions are not counted yet. */
  recordFailedAttempt(durationSeconds: number): void {
    this.batchDuration.observe({ result: 'error' }, durationSeconds);
  }

  /** A batch out of attempts, dead-lettered whole. */
  recordBatchGivenUp(mentions: number): void {
    this.deadLettered.inc({ reason: 'batch_failed' }, mentions);
  }
}
