import { csvField } from '@watchfloor/domain';
import type { AuditEntry } from './audit-chain';

const COLUMNS = [
  'seq',
  'at',
  'actor_type',
  'actor_id',
  'actor',
  'action',
  'target_type',
  'target_id',
  'before',
  'after',
  'prev_hash',
  'hash',
];

/** RFC 4180 CSV, every cell guarded against spreadsheet formulas: names and texts in the log come from users. */
export function auditToCsv(entries: AuditEntry[], { header = true } = {}): string {
  const rows = entries.map((entry) => [
    String(entry.seq),
    entry.at,
    entry.actor.type,
    entry.actor.id ?? '',
    entry.actor.label,
    entry.action,
    entry.target.type,
    entry.target.id ?? '',
    JSON.stringify(entry.before),
    JSON.stringify(entry.after),
    entry.prevHash,
    entry.hash,
  ]);
  const lines = header ? [COLUMNS, ...rows] : rows;
  return lines.length === 0 ? '' : lines.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
