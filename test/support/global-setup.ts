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

  // Imported only now: it reads the URLs settled above.
  const { TEMPLATE_DATABASE, databaseUrl, withAdminClient } = await import('./test-services');
  await withAdminClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await migrateDatabase(databaseUrl(TEMPLATE_DATABASE));
  // Leftovers of runs that were killed before they could clean up.
  await withAdminClient(async (client) => {
    const stale = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'wf\\_test\\_%'",
    );
    for (const { datname } of stale.rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
