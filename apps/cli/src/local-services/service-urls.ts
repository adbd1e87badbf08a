import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root, from apps/cli/dist or apps/cli/src alike. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..', '..', '..');

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['WATCHFLOOR_DATA_DIR'] ?? join(PROJECT_ROOT, '.data'));
}

export interface ServiceUrls {
  databaseUrl: string;
  redisUrl: string;
}

const STATE_FILE = 'local-services.json';

/** `pnpm start` records the local services it runs, so other commands find them without settings. */
export function recordLocalServices(urls: ServiceUrls, env: NodeJS.ProcessEnv = process.env): void {
  writeFileSync(join(dataDir(env), STATE_FILE), `${JSON.stringify(urls, null, 2)}\n`);
}

/**
 * DATABASE_URL and REDIS_URL from the environment, or else those of the local services
 * `pnpm start` runs. The environment wins, variable by variable.
 */
export function resolveServiceEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const file = join(dataDir(env), STATE_FILE);
  const recorded: Partial<ServiceUrls> = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<ServiceUrls>)
    : {};
  return {
    ...env,
    ...(env['DATABASE_URL'] === undefined &&
      recorded.databaseUrl !== undefined && { DATABASE_URL: recorded.databaseUrl }),
    ...(env['REDIS_URL'] === undefined && recorded.redisUrl !== undefined && { REDIS_URL: recorded.redisUrl }),
  };
}
