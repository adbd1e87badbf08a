import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server tests create their databases on (trust auth, as on our machines and CI). */
export const TEST_POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/**
 * The test run this process belongs to (the jest main process' id, set by global setup): two runs
 * on one machine, from two checkouts say, keep to databases of their own.
 */
export const TEST_RUN = process.env['WATCHFLOOR_TEST_RUN'] ?? String(process.pid);
export const TEST_DATABASE_PREFIX = 'wf_test_';
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}${TEST_RUN}_template`;

export function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${new URL(TEST_POSTGRES_URL).host} (${(error as Error).message}): start it, or set TEST_DATABASE_URL`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test file, cloned from the migrated template (fast: no
 * migrations per file). Returns its URL and a function that drops it.
 */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEST_DATABASE_PREFIX}${TEST_RUN}_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A Redis key prefix of its own for one test file: queues and socket.io channels do not mix. */
export function uniqueRedisPrefix(): string {
  return `wftest${randomBytes(5).toString('hex')}`;
}
