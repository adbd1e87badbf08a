import { userInfo } from 'node:os';
import type { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '@watchfloor/config';
import { createDataSource } from '@watchfloor/persistence';
import { resolveServiceEnv } from '../local-services/service-urls';

/** Runs `work` with a connection to DATABASE_URL (or the local database of `pnpm start`), then closes it. */
export async function withDatabase<T>(work: (dataSource: DataSource) => Promise<T>, databaseUrl?: string): Promise<T> {
  const url = databaseUrl ?? loadDatabaseUrl(resolveServiceEnv());
  const dataSource = await createDataSource({ url, poolSize: 2, applicationName: 'watchfloor-cli' }).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** How the audit log names changes made from the command line. */
export const CLI_ACTOR = { type: 'cli', id: null, label: `cli:${userInfo().username}` } as const;
