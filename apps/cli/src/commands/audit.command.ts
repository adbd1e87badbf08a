import { auditToCsv } from '@watchfloor/access';
import { cliAuditRepository } from './cli-audit';
import { withDatabase } from './with-database';

/** `audit verify`: checks the whole hash chain; prints the verdict as JSON, exits 1 if it is broken. */
export async function auditVerifyCommand(output: NodeJS.WritableStream): Promise<number> {
  const verdict = await withDatabase((dataSource) => cliAuditRepository(dataSource).verifyChain());
  output.write(`${JSON.stringify(verdict)}\n`);
  if (!verdict.ok) process.stderr.write(`audit log broken at entry ${verdict.brokenAt}: ${verdict.reason}\n`);
  return verdict.ok ? 0 : 1;
}

/** `audit export [--format json|csv]`: the whole log, in order, on stdout, a page at a time. */
export async function auditExportCommand(format: string, output: NodeJS.WritableStream): Promise<number> {
  if (format !== 'json' && format !== 'csv') throw new Error(`--format must be json or csv, not "${format}"`);
  await withDatabase(async (dataSource) => {
    const audit = cliAuditRepository(dataSource);
    let written = 0;
    for (let afterSeq = 0; ;) {
      const entries = await audit.page(afterSeq, EXPORT_PAGE);
      if (format === 'csv') {
        output.write(auditToCsv(entries, { header: written === 0 }));
      } else {
        output.write(
          entries.map((entry, index) => `${written + index === 0 ? '[\n' : ',\n'}${JSON.stringify(entry)}`).join(''),
        );
      }
      written += entries.length;
      if (entries.length < EXPORT_PAGE) break;
      afterSeq = entries[entries.length - 1]!.seq;
    }
    if (format === 'json') output.write(written === 0 ? '[]\n' : '\n]\n');
  });
  return 0;
}

const EXPORT_PAGE = 5_000;
