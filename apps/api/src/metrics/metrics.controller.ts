import { Controller, Get, Header, Headers, Inject, NotFoundException, UnauthorizedException } from '@nestjs/common';
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
      'Only with METRICS_TOKEN set, as `Authorization: Bearer <METRICS_TOKEN>`; otherwise 404 here, and ' +
      'API_METRICS_PORT serves them on a local-only port',
  })
  scrape(@Headers('authorization') authorization: string | undefined): Promise<string> {
    // Closed by default: the public port is reachable by anyone, and the figures (queues, sources,
    // traffic) are not theirs to read.
    if (this.config.metrics.token === undefined) {
      throw new NotFoundException(
        this.config.metrics.apiPort === undefined
          ? 'Metrics are not served on the public port: set METRICS_TOKEN to scrape them here with a bearer token, or API_METRICS_PORT to serve them on a local-only port'
          : `Metrics are served on port ${this.config.metrics.apiPort} of ${this.config.metrics.host}, not here: set METRICS_TOKEN to scrape them here too`,
      );
    }
    if (!mayScrapeMetrics(authorization, this.config.metrics.token)) {
      throw new UnauthorizedException('Present METRICS_TOKEN as a bearer token to read the metrics');
    }
    return this.registry.metrics();
  }
}
