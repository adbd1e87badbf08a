import { migrateDatabase } from '@watchfloor/persistence';
import { TEMPLATE_DATABASE, databaseUrl, withAdminClient } from './test-services';

/** Builds the migrated template database every integration test file clones its own from. */
export default async function globalSetup(): Promise<void> {
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
