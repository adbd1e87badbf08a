import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from '../../apps/cli/src/system/running-system';
import { waitFor } from './wait-for';

/**
 * A redis-server of one test's own, with the append-only file on, that the test may stop and
 * start again on the same port and data directory: the shared Redis is never restarted.
 */
export class PrivateRedis {
  private server: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'wf-redis-'));
  private port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const server = spawn(
      'redis-server',
      // everysec, as production runs it; SHUTDOWN fsyncs the file, so a clean restart loses nothing.
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir],
        ...['--appendonly', 'yes', '--appendfsync', 'everysec', '--save', ''],
      ],
      { stdio: 'ignore' },
    );
    this.server = server;
    await waitFor('the private redis-server to answer', () => this.ping(), 15_000);
  }

  /** SHUTDOWN, as an operator restarting Redis does: the AOF is flushed and fsynced first. */
  async shutdown(): Promise<void> {
    const server = this.server;
    if (server === undefined || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    const client = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    client.on('error', () => undefined);
    await client.connect();
    await client.call('SHUTDOWN').catch(() => undefined);
    client.disconnect();
    await exited;
    this.server = undefined;
  }

  async stop(): Promise<void> {
    await this.shutdown().catch(() => this.server?.kill('SIGKILL'));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async ping(): Promise<true | undefined> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG' ? true : undefined;
    } catch {
      return undefined;
    } finally {
      client.disconnect();
    }
  }
}
