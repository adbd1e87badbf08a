import { auditToCsv } from '@watchfloor/access';
import { AuditRepository } from '@watchfloor/persistence';
import { withDatabase } from './with-database';

/** `audit verify`: checks the whole hash chain; prints the verdict as JSON, exits 1 if it is broken. */
export async function auditVerifyCommand(output: NodeJS.WritableStream): Promise<number> {
  const verdict = await withDatabase((dataSource) => new AuditRepository(dataSource).verifyChain());
  output.write(`${JSON.stringify(verdict)}\n`);
  if (!verdict.ok) process.stderr.write(`audit log broken at entry ${verdict.brokenAt}: ${verdict.reason}\n`);
  return verdict.ok ? 0 : 1;
}

/** `audit export [--format json|csv]`: the whole log, in order, on stdout. */
export async function auditExportCommand(format: string, output: NodeJS.WritableStream): Promise<number> {
  if (format !== 'json' && format !== 'csv') throw new Error(`--format must be json or csv, not "${format}"`);
  const entries = await withDatabase((dataSource) =>
    new AuditRepository(dataSource).find({ limit: Number.MAX_SAFE_INTEGER }),
  );
  output.write(format === 'csv' ? auditToCsv(entries) : `${JSON.stringify(entries, null, 2)}\n`);
  return 0;
}
