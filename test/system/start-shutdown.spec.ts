import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/run-command';
import { waitFor } from '../support/wait-for';

/** Every process below `root`: the api, the worker, redis-server, PostgreSQL and its backends. */
function descendantsOf(root: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  for (let frontier = [root]; frontier.length > 0;) {
    frontier = table.filter(([, parent]) => frontier.includes(parent)).map(([pid]) => pid);
    found.push(...frontier);
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * `watchfloor start` with its embedded PostgreSQL and local Redis, as on a laptop: in a process
 * group of its own, as a shell runs a foreground job, so a Ctrl-C can be sent to the whole group.
 */
async function startLocally(dataDir: string): Promise<{ cli: ChildProcess; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WATCHFLOOR_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    WORKER_METRICS_PORT: '0',
    DEMO_FEED: 'false',
    LOG_LEVEL: 'warn',
  };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'WATCHFLOOR_SECRET_KEY', 'PUBLIC_URL']) delete env[name];
  const cli = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'watchfloor.js'), 'start'], {
    cwd: PROJECT_ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    'watchfloor start to report the system running',
    () =>
      output.includes('Watchfloor is running')
        ? true
        : cli.exitCode !== null
          ? Promise.reject(new Error(output))
          : undefined,
    120_000,
  );
  return { cli, output: () => output };
}

describe('pnpm start, stopped', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'wf-start-'));
    // As root, the embedded PostgreSQL runs as the `postgres` user, who must reach its folder.
    chmodSync(dataDir, 0o755);
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each([
    ['SIGTERM to the command', (cli: ChildProcess) => process.kill(cli.pid!, 'SIGTERM')],
    ['Ctrl-C (SIGINT to the whole foreground group)', (cli: ChildProcess) => process.kill(-cli.pid!, 'SIGINT')],
  ])(
    'on %s, stops the api and worker, then PostgreSQL and Redis, and leaves no process behind',
    async (_how, stop) => {
      const { cli, output } = await startLocally(dataDir);
      const children = descendantsOf(cli.pid!);
      // api, worker, redis-server and the PostgreSQL postmaster at least.
      expect(children.length).toBeGreaterThanOrEqual(4);
      const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));

      stop(cli);

      await waitFor(
        'watchfloor start to exit',
        () => (cli.exitCode !== null || cli.signalCode !== null ? true : undefined),
        60_000,
      );
      await exited;
      expect(output()).toContain('stopped');
      const leftBehind = await waitFor(
        'every process it started to be gone',
        () => {
          const alive = children.filter(isAlive);
          return alive.length === 0 ? alive : undefined;
        },
        15_000,
      ).catch(() => children.filter(isAlive));
      for (const pid of leftBehind) process.kill(pid, 'SIGKILL');
      expect(leftBehind).toEqual([]);
    },
    240_000,
  );
});
