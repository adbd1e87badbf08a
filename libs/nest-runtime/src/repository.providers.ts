import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AuditSigner } from '@watchfloor/access';
import { AuditRepository } from '@watchfloor/persistence';
import { AUDIT_SIGNER, DATA_SOURCE } from './tokens';

/**
 * Nest providers for repositories that take the DataSource: one line per module instead of a
 * factory each. The audit log also takes the process' signer, so no module can end up writing
 * unsigned entries (which `audit verify` reports as forged) by listing it here.
 */
export function provideRepositories(...repositories: (new (dataSource: DataSource) => unknown)[]): Provider[] {
  return repositories.map((Repository) =>
    Repository === AuditRepository
      ? {
          provide: AuditRepository,
          useFactory: (dataSource: DataSource, signer: AuditSigner | null) => new AuditRepository(dataSource, signer),
          inject: [DATA_SOURCE, AUDIT_SIGNER],
        }
      : {
          provide: Repository,
          useFactory: (dataSource: DataSource) => new Repository(dataSource),
          inject: [DATA_SOURCE],
        },
  );
}
