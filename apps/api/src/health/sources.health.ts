import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { SourcesService } from '../sources/sources.service';
import { toPublicSourceHealth } from '../sources/source-view';

/**
 * The sources' health as detail of `/api/health`. Always "up": a platform refusing a token must
 * not take the API out of its load balancer; the state of each source says what is wrong.
 */
@Injectable()
export class SourcesHealthIndicator {
  constructor(
    private readonly sources: SourcesService,
    private readonly health: HealthIndicatorService,
  ) {}

  async report(key: string): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      const sources = await this.sources.list();
      return indicator.up({ sources: sources.map(toPublicSourceHealth) });
    } catch (error) {
      return indicator.up({ sources: [], unavailable: (error as Error).message });
    }
  }
}
