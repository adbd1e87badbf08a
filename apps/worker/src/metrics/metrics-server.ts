import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG, METRICS_REGISTRY, MetricsEndpoint } from '@watchfloor/nest-runtime';

/**
 * The worker serves no HTTP otherwise, so Prometheus scrapes it on a port of its own
 * (WORKER_METRICS_PORT on METRICS_HOST, 127.0.0.1 unless set): `GET /metrics`, bearer
 * METRICS_TOKEN when that is set.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private endpoint: MetricsEndpoint | undefined;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { host, workerPort, token } = this.config.metrics;
    this.endpoint = await MetricsEndpoint.listen(this.registry, {
      who: 'the worker',
      host,
      port: workerPort,
      portSetting: 'WORKER_METRICS_PORT',
      token,
      onError: (message) => this.logger.error(message),
    });
    this.logger.log(`metrics on ${this.endpoint.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint?.close();
  }
}
