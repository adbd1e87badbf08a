import { AuditChainVerifier, GENESIS_HASH, hashAuditEntry } from './audit-chain';
import type { AuditCheckpoint, AuditEntry, AuditRecord } from './audit-chain';
import { AuditSigner, AuditSigningKeyError, checkpointSigningText, entrySigningText } from './audit-signer';

const signer = AuditSigner.fromEncodedKey(AuditSigner.generateKey());

const record = (action: string): AuditRecord => ({
  at: '2026-11-23T10:00:00.000Z',
  actor: { type: 'user', id: 'u1', label: 'ada@example.com' },
  action,
  target: { type: 'user', id: 't1' },
  before: null,
  after: { name: action },
});

/** A chain as the repository writes it: entries signed from `signedFrom` on (1-based), unsigned before. */
function chain(count: number, signedFrom = 1, by: AuditSigner = signer): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const hash = hashAuditEntry(seq, prevHash, record(`change.${seq}`));
    const signature = seq >= signedFrom ? by.sign(entrySigningText(seq, hash)) : null;
    entries.push({ ...record(`change.${seq}`), seq, prevHash, hash, signature });
    prevHash = hash;
  }
  return entries;
}

function checkpointOf(entry: AuditEntry, by: AuditSigner | null = signer): AuditCheckpoint {
  const unsigned = { seq: entry.seq, headHash: entry.hash, at: '2026-11-23T10:00:01.000Z' };
  return { ...unsigned, signature: by === null ? null : by.sign(checkpointSigningText(unsigned)) };
}

function verify(entries: AuditEntry[], checkpoint: AuditCheckpoint | null, key: AuditSigner | null = signer) {
  const verifier = new AuditChainVerifier(key, checkpoint);
  entries.forEach((entry) => verifier.add(entry));
  return verifier.verdict();
}

describe('signed audit chain', () => {
  const entries = chain(5);

  it('verifies signed entries up to a signed checkpoint of the head', () => {
    expect(verify(entries, checkpointOf(entries[4]!))).toEqual({
      ok: true,
      entries: 5,
      lastHash: entries[4]!.hash,
      signed: true,
      checkpoint: { seq: 5, at: '2026-11-23T10:00:01.000Z' },
    });
  });

  it('detects the newest entries removed: the checkpoint names more than remain', () => {
    expect(verify(entries.slice(0, 3), checkpointOf(entries[4]!))).toEqual({
      ok: false,
      entries: 3,
      brokenAt: 4,
      reason: expect.stringMatching(
        /entries 4 to 5 are missing: the checkpoint of .* names 5 entries, the log holds 3/,
      ),
    });
  });

  it('detects a chain rewritten from scratch by someone without the key', () => {
    const forger = AuditSigner.fromEncodedKey(AuditSigner.generateKey());
    const forged = chain(5, 1, forger);
    expect(verify(forged, checkpointOf(forged[4]!, forger))).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: expect.stringMatching(/signed with another AUDIT_SIGNING_KEY/),
    });
    // Recomputing the hashes and leaving the signatures off is no way round it.
    const unsigned = chain(5, 3).map((entry) => (entry.seq === 4 ? { ...entry, signature: null } : entry));
    expect(verify(unsigned, checkpointOf(unsigned[4]!))).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: expect.stringMatching(/not signed, though the entries before it are/),
    });
  });

  it('detects a forged checkpoint and a signed log whose checkpoints were removed', () => {
    const forgedCheckpoint = { ...checkpointOf(entries[2]!), seq: 5, headHash: entries[4]!.hash };
    expect(verify(entries, forgedCheckpoint)).toMatchObject({ ok: false, brokenAt: 5, reason: /newest checkpoint/ });
    expect(verify(entries, null)).toMatchObject({ ok: false, reason: /has no checkpoint/ });
  });

  it('still verifies entries from before signing, followed by signed ones', () => {
    const mixed = chain(5, 3);
    expect(verify(mixed, checkpointOf(mixed[4]!))).toMatchObject({ ok: true, entries: 5, signed: true });
    expect(verify(chain(3, 99), null, null)).toMatchObject({ ok: true, signed: false, checkpoint: null });
  });

  it('says to set the key when verifying a signed log without it, and refuses a malformed key', () => {
    expect(verify(entries, checkpointOf(entries[4]!), null)).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: expect.stringMatching(/AUDIT_SIGNING_KEY is not set here: set it/),
    });
    expect(() => AuditSigner.fromEncodedKey('short')).toThrow(AuditSigningKeyError);
    expect(() => AuditSigner.fromEncodedKey('short')).toThrow(/openssl rand -hex 32/);
  });
});
