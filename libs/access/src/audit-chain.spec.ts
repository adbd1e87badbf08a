import { AuditChainVerifier, GENESIS_HASH, canonicalJson, hashAuditEntry } from './audit-chain';
import type { AuditEntry, AuditRecord } from './audit-chain';

function chain(records: AuditRecord[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  records.forEach((record, index) => {
    const hash = hashAuditEntry(index + 1, prevHash, record);
    entries.push({ ...record, seq: index + 1, prevHash, hash });
    prevHash = hash;
  });
  return entries;
}

const record = (action: string, after: unknown = { name: action }): AuditRecord => ({
  at: '2026-11-23T10:00:00.000Z',
  actor: { type: 'user', id: 'u1', label: 'ada@example.com' },
  action,
  target: { type: 'user', id: 't1' },
  before: null,
  after,
});

function verify(entries: AuditEntry[]) {
  const verifier = new AuditChainVerifier();
  entries.forEach((entry) => verifier.add(entry));
  return verifier.verdict();
}

describe('audit chain', () => {
  const entries = chain([record('user.created'), record('user.updated'), record('kiosk.created')]);

  it('verifies an untouched chain', () => {
    expect(verify(entries)).toEqual({
      ok: true,
      entries: 3,
      lastHash: entries[2]!.hash,
      signed: false,
      checkpoint: null,
    });
  });

  it('finds an edited entry', () => {
    const edited = entries.map((entry) => (entry.seq === 2 ? { ...entry, after: { name: 'forged' } } : entry));
    expect(verify(edited)).toMatchObject({ ok: false, brokenAt: 2, reason: 'its content does not match its hash' });
  });

  it('finds a removed entry', () => {
    expect(verify([entries[0]!, entries[2]!])).toMatchObject({ ok: false, brokenAt: 3, reason: 'entry 2 is missing' });
  });

  it('finds an entry whose hash was recomputed after an edit: the next link breaks', () => {
    const forgedRecord = record('user.updated', { name: 'forged' });
    const forgedHash = hashAuditEntry(2, entries[0]!.hash, forgedRecord);
    const forged: AuditEntry = { ...forgedRecord, seq: 2, prevHash: entries[0]!.hash, hash: forgedHash };
    expect(verify([entries[0]!, forged, entries[2]!])).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'does not link to the entry before it',
    });
  });

  it('hashes the same record the same whatever its key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    const reordered: AuditRecord = {
      after: { name: 'x' },
      before: null,
      target: { id: 't1', type: 'user' },
      action: 'a',
      actor: { label: 'l', id: 'u1', type: 'user' },
      at: 'now',
    };
    const original: AuditRecord = {
      at: 'now',
      actor: { type: 'user', id: 'u1', label: 'l' },
      action: 'a',
      target: { type: 'user', id: 't1' },
      before: null,
      after: { name: 'x' },
    };
    expect(hashAuditEntry(1, GENESIS_HASH, reordered)).toBe(hashAuditEntry(1, GENESIS_HASH, original));
  });
});
