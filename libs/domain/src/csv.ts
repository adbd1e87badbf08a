/**
 * RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; quotes doubled; CRLF
 * line ends (what Excel and LibreOffice expect). Mention text is attacker-controlled, so a cell that
 * a spreadsheet would run as a formula (= + - @, or a leading tab or CR) is prefixed with a single
 * quote (OWASP "CSV injection"). Numbers are written as numbers and are never prefixed, so a
 * negative sentiment stays a number.
 */
export type CsvCell = string | number | null;

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);
const NEEDS_QUOTES = /[",\r\n]/;

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const neutralised = FORMULA_TRIGGERS.has(cell.charAt(0)) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(neutralised) ? `"${neutralised.replaceAll('"', '""')}"` : neutralised;
}
