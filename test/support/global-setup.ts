import { createConnection } from 'node:net';
import { join } from 'node:path';
import { migrateDatabase } from '@watchfloor/persistence';
import { startEmbeddedPostgres } from '../../apps/cli/src/local-services/embedded-postgres';
import { startLocalRedis } from '../../apps/cli/src/local-services/local-redis';
import { dataDir } from '../../apps/cli/src/local-services/service-urls';

const log = (line: string) => process.stderr.write(`[test setup] ${line}\n`);

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * Finds PostgreSQL and Redis for the tests (TEST_DATABASE_URL / TEST_REDIS_URL, else the
 * standard local ports, else an embedded PostgreSQL and a redis-server from PATH, as
 * `pnpm start` does), then builds the migrated template every test file clones its database from.
 */
export default async function globalSetup(): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  const directory = join(dataDir(), 'test');
  if (process.env['TEST_DATABASE_URL'] === undefined && !(await listening(5432))) {
    log('no PostgreSQL on 127.0.0.1:5432: starting an embedded one');
    const postgres = await startEmbeddedPostgres(directory, 54330, log);
    const url = new URL(postgres.url);
    url.pathname = '/postgres';
    process.env['TEST_DATABASE_URL'] = url.toString();
    stops.push(postgres.stop);
  }
  if (process.env['TEST_REDIS_URL'] === undefined && !(await listening(6379))) {
    log('no Redis on 127.0.0.1:6379: starting a local redis-server');
    const redis = await startLocalRedis(directory, 63791, log);
    process.env['TEST_REDIS_URL'] = redis.url;
    stops.push(redis.stop);
  }
  (globalThis as { stopTestServices?: () => Promise<void> }).stopTestServices = async () => {
    for (const stop of stops.reverse()) await stop();
  };

  process.env['WATCHFLOOR_TEST_RUN'] = String(process.pid);
  // Imported only now: it reads the URLs and the run settled above.
  const { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, databaseUrl, withAdminClient } = await import('./test-services');
  await withAdminClient(async (client) => {
    // Leftovers of runs that were killed before they could clean up; a run still going keeps its own.
    const existing = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
    for (const { datname } of existing.rows) {
      const run = datname.startsWith(TEST_DATABASE_PREFIX) ? Number(datname.split('_')[2]) : NaN;
      if (Number.isInteger(run) && !isAlive(run)) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await migrateDatabase(databaseUrl(TEMPLATE_DATABASE));
  stops.push(() =>
    withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`)).then(
      () => undefined,
    ),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
