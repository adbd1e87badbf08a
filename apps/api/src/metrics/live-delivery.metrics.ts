import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { LiveEvent } from '@watchfloor/contracts';
import type { MentionsBatchEvent } from '@watchfloor/contracts';
import { METRICS_REGISTRY } from '@watchfloor/nest-runtime';

/** The end of the pipeline: mentions handed to the live clients of this API instance. */
@Injectable()
export class LiveDeliveryMetrics {
  private readonly ingestToClient: Histogram;
  private readonly delivered: Counter;
  /** A broadcast hands one payload object to every socket: each batch is counted once, however many screens. */
  private readonly counted = new WeakSet<object>();

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.ingestToClient = new Histogram({
      name: 'watchfloor_ingest_to_client_seconds',
      help: 'From a source receiving a mention to this API instance sending it to its live clients',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers: [registry],
    });
    this.delivered = new Counter({
      name: 'watchfloor_live_mentions_delivered_total',
      help: 'Mentions this API instance sent to its live clients (once per mention, whatever the number of clients)',
      registers: [registry],
    });
  }

  /** For `socket.onAnyOutgoing`: in-memory only, since it runs for every event to every socket. */
  readonly observeOutgoing = (event: string, payload?: unknown): void => {
    if (event !== (LiveEvent.Mentions as string) || typeof payload !== 'object' || payload === null) return;
    if (this.counted.has(payload)) return;
    this.counted.add(payload);
    const { mentions } = payload as MentionsBatchEvent;
    const now = Date.now();
    for (const mention of mentions) this.ingestToClient.observe(Math.max(0, now - mention.ingestedAt) / 1_000);
    this.delivered.inc(mentions.length);
  };
}
