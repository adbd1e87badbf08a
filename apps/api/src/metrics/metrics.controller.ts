import { Controller, Get, Header, Headers, Inject, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG, METRICS_REGISTRY, mayScrapeMetrics } from '@watchfloor/nest-runtime';
import { Public } from '../auth/auth.decorators';

/** At the root (`/metrics`, outside the `/api` prefix), where Prometheus looks by default. */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary:
      'Prometheus metrics: HTTP latency, queue depth and lag, analysis backlog, sources, ingest-to-client latency. ' +
      'Open, unless METRICS_TOKEN is set: then `Authorization: Bearer <METRICS_TOKEN>`',
  })
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (!mayScrapeMetrics(authorization, this.config.metrics.token)) {
      throw new UnauthorizedException('Present METRICS_TOKEN as a bearer token to read the metrics');
    }
    return this.registry.metrics();
  }
}
