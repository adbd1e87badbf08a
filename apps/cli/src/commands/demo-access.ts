import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePassword } from '@watchfloor/access';
import { loadKioskTtlDays } from '@watchfloor/config';
import { KioskTokenRepository, UserRepository, createKioskToken, createUser } from '@watchfloor/persistence';
import { cliAuditRepository } from './cli-audit';
import { withDatabase } from './with-database';

export interface DemoAccess {
  email: string;
  password: string;
  wallUrl: string;
}

const DEMO_ADMIN = 'admin@watchfloor.local';
const SYSTEM = { type: 'system', id: null, label: 'first start' } as const;

/**
 * On an empty database, creates a demo admin and a kiosk screen, so the quick start ends on a
 * live wall with nothing to set up; their secrets are kept (owner-only) in the data folder to be
 * shown on later starts. Returns what to show, or null when the accounts are someone else's.
 */
export async function ensureDemoAccess(
  databaseUrl: string,
  dataDir: string,
  publicUrl: string,
  /** The environment the apps get: its AUDIT_SIGNING_KEY signs what is recorded here. */
  env: NodeJS.ProcessEnv,
): Promise<DemoAccess | null> {
  const file = join(dataDir, 'demo-access.json');
  return withDatabase(async (dataSource) => {
    const users = new UserRepository(dataSource);
    if ((await users.count()) > 0) {
      return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoAccess) : null;
    }
    const audit = cliAuditRepository(dataSource, env);
    const password = generatePassword();
    await createUser(
      { users, audit },
      { email: DEMO_ADMIN, displayName: 'Demo admin', role: 'admin', password },
      SYSTEM,
    );
    const { wallUrl } = await createKioskToken(
      { kiosks: new KioskTokenRepository(dataSource), audit, publicUrl, ttlDays: loadKioskTtlDays(env) },
      'Demo wall',
      SYSTEM,
    );
    const access: DemoAccess = { email: DEMO_ADMIN, password, wallUrl };
    writeFileSync(file, `${JSON.stringify(access, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return access;
  }, databaseUrl);
}
