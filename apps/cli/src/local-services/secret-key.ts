import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditSigner, SecretBox } from '@watchfloor/access';

const SECRET_KEY_FILE = 'secret-key';
const AUDIT_SIGNING_KEY_FILE = 'audit-signing-key';

/**
 * The key that seals platform credentials, for a local run: WATCHFLOOR_SECRET_KEY when set, else
 * one generated on the first start and kept owner-only in the data folder. Losing it means
 * entering the sources' credentials again, so it is never regenerated over an existing one.
 */
export function ensureSecretKey(env: NodeJS.ProcessEnv, dataDir: string, log: (line: string) => void): string {
  return ensureKey(
    env['WATCHFLOOR_SECRET_KEY'],
    join(dataDir, SECRET_KEY_FILE),
    () => SecretBox.generateKey(),
    (file) => log(`generated the key that seals source credentials: ${file} (back it up with the database)`),
  );
}

/**
 * The key that signs the audit log, for a local run: AUDIT_SIGNING_KEY when set, else one
 * generated on the first start beside the credentials key. Never regenerated over an existing
 * one: entries signed under a lost key can no longer be verified.
 */
export function ensureAuditSigningKey(env: NodeJS.ProcessEnv, dataDir: string, log: (line: string) => void): string {
  return ensureKey(
    env['AUDIT_SIGNING_KEY'],
    join(dataDir, AUDIT_SIGNING_KEY_FILE),
    () => AuditSigner.generateKey(),
    (file) => log(`generated the key that signs the audit log: ${file} (keep it apart from database backups)`),
  );
}

/**
 * AUDIT_SIGNING_KEY, or else, for the local database of `pnpm start` (no DATABASE_URL given), the
 * key it keeps in the data folder; undefined when neither exists.
 */
export function localAuditSigningKey(env: NodeJS.ProcessEnv, dataDir: string): string | undefined {
  const configured = env['AUDIT_SIGNING_KEY'];
  if (configured !== undefined && configured !== '') return configured;
  if (env['DATABASE_URL'] !== undefined) return undefined;
  const file = join(dataDir, AUDIT_SIGNING_KEY_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

function ensureKey(
  configured: string | undefined,
  file: string,
  generate: () => string,
  announce: (file: string) => void,
): string {
  if (configured !== undefined && configured !== '') return configured;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(join(file, '..'), { recursive: true });
  const key = generate();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  announce(file);
  return key;
}
