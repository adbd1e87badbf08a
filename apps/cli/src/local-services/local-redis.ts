import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';

export interface RunningRedis {
  url: string;
  stop: () => Promise<void>;
}

export class RedisUnavailableError extends Error {}

function findRedisServer(): string | undefined {
  for (const directory of (process.env['PATH'] ?? '').split(delimiter)) {
    if (directory === '') continue;
    const candidate = join(directory, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * A redis-server from PATH with its data (append-only file) in `dataDir`, so queued work
 * survives a restart. Reuses one already running on the port from an earlier start.
 */
export async function startLocalRedis(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<RunningRedis> {
  const url = `redis://127.0.0.1:${port}`;
  if (await answersPing(url)) {
    log(`reusing the local Redis already running on port ${port}`);
    return { url, stop: () => Promise.resolve() };
  }
  const binary = findRedisServer();
  if (binary === undefined) {
    throw new RedisUnavailableError(
      'Redis is needed and REDIS_URL is not set, and no redis-server is on PATH. Either install Redis ' +
        '(Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`) or run ' +
        '`docker compose up -d` and set REDIS_URL=redis://127.0.0.1:6379.',
    );
  }
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const server = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--daemonize',
      'no',
    ],
    // A group of its own: Ctrl-C must not stop Redis before the worker draining it (see ProcessSupervisor).
    { stdio: 'ignore', detached: true },
  );
  let exited = false;
  server.once('exit', () => (exited = true));
  for (let attempt = 0; attempt < 100 && !exited; attempt++) {
    if (await answersPing(url)) {
      return {
        url,
        stop: async () => {
          if (exited) return;
          server.kill('SIGTERM');
          await new Promise((resolve) => server.once('exit', resolve));
        },
      };
    }
    await sleep(100);
  }
  server.kill('SIGKILL');
  throw new RedisUnavailableError(`redis-server (${binary}) did not start on port ${port}: is the port taken?`);
}
