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

/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are
 * prefixed with an apostrophe: names and texts in the log come from users.
 */
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
  return lines.length === 0 ? '' : lines.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
