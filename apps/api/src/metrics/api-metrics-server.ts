import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG, METRICS_REGISTRY, MetricsEndpoint } from '@watchfloor/nest-runtime';

/**
 * With API_METRICS_PORT set, the API's metrics on a port of their own (METRICS_HOST, 127.0.0.1
 * unless set), out of reach of whoever reaches the public port.
 */
@Injectable()
export class ApiMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ApiMetricsServer.name);
  private endpoint: MetricsEndpoint | undefined;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { host, apiPort, token } = this.config.metrics;
    if (apiPort === undefined) return;
    this.endpoint = await MetricsEndpoint.listen(this.registry, {
      who: 'the API',
      host,
      port: apiPort,
      portSetting: 'API_METRICS_PORT',
      token,
      onError: (message) => this.logger.error(message),
    });
    this.logger.log(`metrics on ${this.endpoint.url}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint?.close();
  }
}
