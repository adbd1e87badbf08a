import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import type { SourceState, SourceView } from '@watchfloor/contracts';
import { METRICS_REGISTRY } from '@watchfloor/nest-runtime';
import { withTimeout } from '../health/with-timeout';
import { SourcesService } from '../sources/sources.service';
import { oncePerScrape } from './once-per-scrape';

/** Every state, so each source exports a 1 for its state and a 0 for the others (a Prometheus state set). */
const SOURCE_STATES = Object.keys({
  disabled: true,
  'never-run': true,
  ok: true,
  warning: true,
  'rate-limited': true,
  error: true,
  stale: true,
} satisfies Record<SourceState, true>) as SourceState[];

const READ_TIMEOUT_MS = 2_000;

/** Each source's state and how long since it last succeeded, read from PostgreSQL at scrape time. */
@Injectable()
export class SourceMetricsCollector {
  private readonly logger = new Logger(SourceMetricsCollector.name);

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    private readonly sources: SourcesService,
  ) {
    const readSources = oncePerScrape(() => this.read());
    new Gauge({
      name: 'watchfloor_source_state',
      help: 'Each source: 1 for its current state, 0 for the others (alert on error and stale)',
      labelNames: ['source_id', 'source', 'kind', 'state'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const source of await readSources()) {
          for (const state of SOURCE_STATES) {
            this.set({ ...labelsOf(source), state }, source.state === state ? 1 : 0);
          }
        }
      },
    });
    new Gauge({
      name: 'watchfloor_source_last_success_age_seconds',
      help: 'Since each source last read its platform successfully (absent for a source that never has)',
      labelNames: ['source_id', 'source', 'kind'],
      registers: [registry],
      async collect() {
        this.reset();
        const now = Date.now();
        for (const source of await readSources()) {
          const lastSuccessAt = source.health?.lastSuccessAt;
          if (lastSuccessAt == null) continue;
          this.set(labelsOf(source), Math.max(0, now - Date.parse(lastSuccessAt)) / 1_000);
        }
      },
    });
  }

  private async read(): Promise<SourceView[]> {
    try {
      return await withTimeout(this.sources.list(), READ_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`metrics: could not read the sources: ${(error as Error).message}`);
      return [];
    }
  }
}

function labelsOf(source: SourceView): { source_id: string; source: string; kind: string } {
  return { source_id: source.id, source: source.name, kind: source.kind };
}
