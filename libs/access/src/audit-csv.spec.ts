import { auditToCsv } from './audit-csv';
import type { AuditEntry } from './audit-chain';

const entry: AuditEntry = {
  seq: 1,
  at: '2026-11-23T10:00:00.000Z',
  actor: { type: 'user', id: 'u1', label: '=HYPERLINK("http://evil")' },
  action: 'user.created',
  target: { type: 'user', id: 'u2' },
  before: null,
  after: { displayName: 'Dana, "the boss"\nline two' },
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
};

describe('auditToCsv', () => {
  const [header, row] = auditToCsv([entry]).split('\r\n');

  it('writes a header and one row per entry', () => {
    expect(header).toBe('seq,at,actor_type,actor_id,actor,action,target_type,target_id,before,after,prev_hash,hash');
    expect(row?.startsWith('1,2026-11-23T10:00:00.000Z,user,u1,')).toBe(true);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(auditToCsv([entry])).toContain('"{""displayName"":""Dana, \\""the boss\\""\\nline two""}"');
  });
});
