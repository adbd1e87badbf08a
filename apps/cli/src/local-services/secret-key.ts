import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecretBox } from '@watchfloor/access';

/**
 * The key that seals platform credentials, for a local run: WATCHFLOOR_SECRET_KEY when set, else
 * one generated on the first start and kept owner-only in the data folder. Losing it means
 * entering the sources' credentials again, so it is never regenerated over an existing one.
 */
export function ensureSecretKey(env: NodeJS.ProcessEnv, dataDir: string, log: (line: string) => void): string {
  const configured = env['WATCHFLOOR_SECRET_KEY'];
  if (configured !== undefined && configured !== '') return configured;
  const file = join(dataDir, 'secret-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = SecretBox.generateKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  log(`generated the key that seals source credentials: ${file} (back it up with the database)`);
  return key;
}
