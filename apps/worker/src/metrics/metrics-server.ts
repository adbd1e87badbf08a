import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { AppConfig } from '@watchfloor/config';
import { APP_CONFIG, METRICS_REGISTRY, mayScrapeMetrics } from '@watchfloor/nest-runtime';

/**
 * The worker serves no HTTP otherwise, so Prometheus scrapes it on a port of its own
 * (WORKER_METRICS_PORT, on HOST): `GET /metrics`, bearer METRICS_TOKEN when that is set.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | undefined;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((request, response) => void this.answer(request, response));
    const { host } = this.config;
    const port = this.config.metrics.workerPort;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            error.code === 'EADDRINUSE'
              ? `the worker's metrics port ${port} on ${host} is taken: set WORKER_METRICS_PORT to a free one (0 picks any)`
              : `the worker's metrics could not listen on ${host}:${port}: ${error.message}`,
            { cause: error },
          ),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${host}:${(server.address() as AddressInfo).port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://worker').pathname;
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found: the worker serves GET /metrics only\n');
      return;
    }
    if (!mayScrapeMetrics(request.headers.authorization, this.config.metrics.token)) {
      response.writeHead(401, { 'Content-Type': 'text/plain' }).end('Present METRICS_TOKEN as a bearer token\n');
      return;
    }
    try {
      const body = await this.registry.metrics();
      response.writeHead(200, { 'Content-Type': this.registry.contentType, 'Cache-Control': 'no-store' }).end(body);
    } catch (error) {
      this.logger.error(`metrics could not be collected: ${(error as Error).message}`);
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Metrics could not be collected\n');
    }
  }
}
