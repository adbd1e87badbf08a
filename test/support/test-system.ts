import type { DataSource } from 'typeorm';
import { AuditRepository, UserRepository, createDataSource, createUser } from '@watchfloor/persistence';
import type { UserRecord } from '@watchfloor/persistence';
import type { Role } from '@watchfloor/access';
import { createKioskCredential } from '../../apps/cli/src/system/kiosk-credential';
import { RunningSystem } from '../../apps/cli/src/system/running-system';
import type { SystemOptions } from '../../apps/cli/src/system/running-system';
import { LOOPBACK_NETWORKS } from './loopback-egress';
import { TEST_REDIS_URL, createTestDatabase, uniqueRedisPrefix } from './test-services';

/** The built api and worker processes on a database and Redis prefix of their own. */
export interface TestSystem {
  system: RunningSystem;
  databaseUrl: string;
  redisPrefix: string;
  /** The system's database, for arranging and checking what it stored. */
  dataSource: DataSource;
  /** A kiosk token, as a wall screen would hold one. */
  kioskToken(name?: string): Promise<string>;
  addUser(user: { email: string; role: Role; password: string; displayName?: string }): Promise<UserRecord>;
  stop(): Promise<void>;
}

export interface TestSystemOptions extends Pick<SystemOptions, 'apis' | 'workers' | 'env' | 'logFile'> {
  /** Another Redis than the shared one, e.g. one the test restarts. */
  redisUrl?: string;
  /** The port the processes reach PostgreSQL on, e.g. a proxy the test cuts; the test's own connection goes direct. */
  databasePort?: number;
}

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const { redisUrl = TEST_REDIS_URL, databasePort, ...systemOptions } = options;
  const database = await createTestDatabase();
  const redisPrefix = uniqueRedisPrefix();
  const reachedAt = new URL(database.url);
  if (databasePort !== undefined) reachedAt.port = String(databasePort);
  const system = new RunningSystem({
    databaseUrl: reachedAt.toString(),
    redisUrl,
    redisPrefix,
    ...systemOptions,
    // The processes reach the test's fakes on loopback; a spec of the guard overrides it.
    env: { EGRESS_ALLOW_NETWORKS: LOOPBACK_NETWORKS, ...systemOptions.env },
  });
  await system.start();
  const dataSource = await createDataSource({ url: database.url, poolSize: 2 }).initialize();
  return {
    system,
    databaseUrl: database.url,
    redisPrefix,
    dataSource,
    kioskToken: (name = 'spec wall') => createKioskCredential(database.url, name),
    addUser: ({ email, role, password, displayName }) =>
      createUser(
        { users: new UserRepository(dataSource), audit: new AuditRepository(dataSource) },
        { email, role, password, displayName: displayName ?? email.split('@')[0]! },
        { type: 'system', id: null, label: 'spec' },
      ),
    stop: async () => {
      await system.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}
