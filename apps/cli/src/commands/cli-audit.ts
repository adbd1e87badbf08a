import type { DataSource } from 'typeorm';
import { AuditSigner } from '@watchfloor/access';
import { loadAuditSigningKey } from '@watchfloor/config';
import { AuditRepository } from '@watchfloor/persistence';
import { localAuditSigningKey } from '../local-services/secret-key';
import { dataDir } from '../local-services/service-urls';

/**
 * The audit log as the CLI writes and verifies it: signed with AUDIT_SIGNING_KEY, or the key
 * `pnpm start` keeps in the data folder, like the api and worker it runs beside.
 */
export function cliAuditRepository(dataSource: DataSource, env: NodeJS.ProcessEnv = process.env): AuditRepository {
  // Checked as the apps check it, so a malformed key is named rather than half-used.
  loadAuditSigningKey(env);
  const key = localAuditSigningKey(env, dataDir(env));
  return new AuditRepository(dataSource, key === undefined ? null : AuditSigner.fromEncodedKey(key));
}
