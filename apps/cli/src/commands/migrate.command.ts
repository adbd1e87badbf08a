import { loadDatabaseUrl } from '@watchfloor/config';
import { migrateDatabase } from '@watchfloor/persistence';
import { resolveServiceEnv } from '../local-services/service-urls';

/** Applies pending migrations to DATABASE_URL (or the local database of `pnpm start`). */
export async function migrateCommand(output: NodeJS.WritableStream): Promise<number> {
  const applied = await migrateDatabase(loadDatabaseUrl(resolveServiceEnv()));
  output.write(`${JSON.stringify({ applied })}\n`);
  return 0;
}
