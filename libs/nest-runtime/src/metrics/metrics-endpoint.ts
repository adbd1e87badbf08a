import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { mayScrapeMetrics } from './metrics-registry';

export interface MetricsEndpointOptions {
  /** Whose metrics, for messages: `the worker`, `the API`. */
  who: string;
  host: string;
  port: number;
  /** The setting that names the port, so an error says what to change. */
  portSetting: string;
  token: string | undefined;
  onError: (message: string) => void;
}

/**
 * `GET /metrics` on a port of its own (METRICS_HOST, 127.0.0.1 unless set): what the worker
 * always serves, and the API when API_METRICS_PORT is set. Bearer METRICS_TOKEN when one is set.
 */
export class MetricsEndpoint {
  private constructor(private readonly server: Server) {}

  static async listen(registry: Registry, options: MetricsEndpointOptions): Promise<MetricsEndpoint> {
    const server = createServer((request, response) => void answer(registry, options, request, response));
    const { host, port, who, portSetting } = options;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            error.code === 'EADDRINUSE'
              ? `${who}'s metrics port ${port} on ${host} is taken: set ${portSetting} to a free one (0 picks any)`
              : `${who}'s metrics could not listen on ${host}:${port}: ${error.message} (see METRICS_HOST and ${portSetting})`,
            { cause: error },
          ),
        ),
      );
      server.listen(port, host, () => resolve());
    });
    return new MetricsEndpoint(server);
  }

  get url(): string {
    const { address, port, family } = this.server.address() as AddressInfo;
    return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}/metrics`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function answer(
  registry: Registry,
  options: MetricsEndpointOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://metrics').pathname;
  if (request.method !== 'GET' || path !== '/metrics') {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found: this port serves GET /metrics only\n');
    return;
  }
  if (!mayScrapeMetrics(request.headers.authorization, options.token)) {
    response.writeHead(401, { 'Content-Type': 'text/plain' }).end('Present METRICS_TOKEN as a bearer token\n');
    return;
  }
  try {
    const body = await registry.metrics();
    response.writeHead(200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }).end(body);
  } catch (error) {
    options.onError(`metrics could not be collected: ${(error as Error).message}`);
    response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Metrics could not be collected\n');
  }
}
