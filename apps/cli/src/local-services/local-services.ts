import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startLocalRedis } from './local-redis';
import { dataDir, recordLocalServices } from './service-urls';
import type { ServiceUrls } from './service-urls';

const EMBEDDED_POSTGRES_PORT = 54329;
const LOCAL_REDIS_PORT = 63790;

export interface LocalServices extends ServiceUrls {
  /** Stops what was started here (nothing, for services given by URL). */
  stop: () => Promise<void>;
}

/**
 * PostgreSQL and Redis for a command that runs the system: DATABASE_URL and REDIS_URL when set,
 * otherwise an embedded PostgreSQL and a redis-server from PATH, both keeping data in ./.data.
 */
export async function ensureLocalServices(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<LocalServices> {
  const directory = dataDir(env);
  mkdirSync(directory, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne();
  };
  try {
    let databaseUrl = env['DATABASE_URL'];
    if (databaseUrl === undefined) {
      const postgres = await startEmbeddedPostgres(directory, EMBEDDED_POSTGRES_PORT, log);
      stops.push(postgres.stop);
      databaseUrl = postgres.url;
      log(`PostgreSQL: embedded, data in ${join(directory, 'postgres')} (set DATABASE_URL to use your own)`);
    }
    let redisUrl = env['REDIS_URL'];
    if (redisUrl === undefined) {
      const redis = await startLocalRedis(directory, LOCAL_REDIS_PORT, log);
      stops.push(redis.stop);
      redisUrl = redis.url;
      log(
        `Redis: local redis-server on port ${LOCAL_REDIS_PORT}, data in ${join(directory, 'redis')} (set REDIS_URL to use your own)`,
      );
    }
    recordLocalServices({ databaseUrl, redisUrl }, env);
    return { databaseUrl, redisUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
