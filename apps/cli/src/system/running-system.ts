import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../local-services/service-urls';

export interface SystemOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** API instances, each on a port of its own. */
  apis?: number;
  workers?: number;
  env?: NodeJS.ProcessEnv;
  /** Where the processes' output goes; default: discarded. */
  logFile?: NodeJS.WritableStream;
}

/**
 * The built API and worker processes, started as a user would run them, for benchmarks and
 * system tests: workers can be killed and restarted like real processes.
 */
export class RunningSystem {
  private readonly apis: (ChildProcess | undefined)[] = [];
  private readonly workers: (ChildProcess | undefined)[] = [];
  private ports: number[] = [];
  /** Each worker's metrics port: several workers on one machine must not share one. */
  private readonly workerMetricsPorts: number[] = [];

  constructor(private readonly options: SystemOptions) {}

  /** The first API instance. */
  get apiUrl(): string {
    return this.apiUrlOf(0);
  }

  apiUrlOf(index: number): string {
    return `http://127.0.0.1:${this.ports[index]}`;
  }

  /** Where a worker serves its Prometheus metrics. */
  workerMetricsUrlOf(index = 0): string {
    return `http://127.0.0.1:${this.workerMetricsPorts[index]}/metrics`;
  }

  /** The process id of a running instance, or undefined if it is not running: to watch its memory, or see it was not restarted. */
  pidOf(app: 'api' | 'worker', index = 0): number | undefined {
    const child = (app === 'api' ? this.apis : this.workers)[index];
    return child === undefined || child.exitCode !== null || child.signalCode !== null ? undefined : child.pid;
  }

  async start(): Promise<void> {
    const apiCount = this.options.apis ?? 1;
    for (let index = 0; index < apiCount; index++) this.ports.push(await freePort());
    const workerCount = this.options.workers ?? 1;
    while (this.workerMetricsPorts.length < workerCount) {
      const port = await freePort();
      if (!this.ports.includes(port) && !this.workerMetricsPorts.includes(port)) this.workerMetricsPorts.push(port);
    }
    for (let index = 0; index < workerCount; index++) this.startWorker(index);
    await Promise.all(this.ports.map((_, index) => this.startApi(index)));
  }

  /** Starts an API instance (again) on its port, and waits until it reports healthy. */
  async startApi(index = 0): Promise<void> {
    // Each instance is reached at its own address: that is the origin its pages send changes from.
    const publicUrl = this.options.env?.['PUBLIC_URL'] ?? this.apiUrlOf(index);
    const api = this.spawn('api', { PORT: String(this.ports[index]), HOST: '127.0.0.1', PUBLIC_URL: publicUrl });
    this.apis[index] = api;
    await this.waitUntilHealthy(api, this.apiUrlOf(index));
  }

  /** Stops an API instance as a deploy or a crash would, leaving the rest running. */
  async stopApi(index = 0): Promise<void> {
    const api = this.apis[index];
    if (api !== undefined) await terminate(api);
    this.apis[index] = undefined;
  }

  /** Starts a worker (again); one beyond those of `start` takes any free metrics port. */
  startWorker(index = 0): void {
    this.workers[index] = this.spawn('worker', {
      HOST: '127.0.0.1',
      WORKER_METRICS_PORT: String(this.workerMetricsPorts[index] ?? 0),
    });
  }

  /** SIGKILL: no chance to finish or release anything, as when a machine dies. */
  async killWorker(index = 0): Promise<void> {
    const worker = this.workers[index];
    if (worker === undefined || worker.exitCode !== null || worker.signalCode !== null) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    this.workers[index] = undefined;
  }

  /** SIGTERM: the worker finishes the batches in hand, then exits. */
  /** SIGTERM: the worker finishes what it holds and exits; resolves to its exit code or signal. */
  async stopWorker(index = 0): Promise<string | undefined> {
    const worker = this.workers[index];
    const ended = worker === undefined ? undefined : await terminate(worker);
    this.workers[index] = undefined;
    return ended;
  }

  async stop(): Promise<void> {
    const children = [...this.apis, ...this.workers].filter((child): child is ChildProcess => child !== undefined);
    await Promise.all(children.map(terminate));
  }

  private spawn(app: 'api' | 'worker', extraEnv: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'apps', app, 'dist', 'main.js')], {
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        DEMO_FEED: 'false',
        ...this.options.env,
        DATABASE_URL: this.options.databaseUrl,
        REDIS_URL: this.options.redisUrl,
        REDIS_PREFIX: this.options.redisPrefix,
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = this.options.logFile;
    if (log !== undefined) {
      child.stdout?.pipe(log, { end: false });
      child.stderr?.pipe(log, { end: false });
    } else {
      child.stdout?.resume();
      child.stderr?.resume();
    }
    return child;
  }

  private async waitUntilHealthy(api: ChildProcess, url: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode} while starting`);
      try {
        if ((await fetch(`${url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`the API was not healthy within ${timeoutMs} ms`);
  }
}

/** SIGTERM, then SIGKILL after 10 s; says how the process ended (`SIGKILL`: it did not stop by itself). */
async function terminate(child: ChildProcess): Promise<string> {
  if (child.exitCode !== null || child.signalCode !== null) return String(child.signalCode ?? child.exitCode);
  const exited = new Promise<[number | null, string | null]>((resolve) =>
    child.once('exit', (code, signal) => resolve([code, signal])),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const [code, signal] = await exited;
  clearTimeout(timer);
  return String(signal ?? code);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
