import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { decodeKey, generateKey } from './key-encoding';

/** Why the audit signing key cannot be used; the message says what to do. */
export class AuditSigningKeyError extends Error {}

const SCHEME = 'hmac-sha256';

/**
 * Signs audit entries and checkpoints with HMAC-SHA256 under a key kept outside the database
 * (AUDIT_SIGNING_KEY): whoever can write the database but not read that key can recompute the
 * hash chain, but not its signatures. Each signature names its key by fingerprint.
 */
export class AuditSigner {
  readonly keyId: string;

  private constructor(private readonly key: Buffer) {
    this.keyId = createHash('sha256').update('watchfloor-audit-key\n').update(key).digest('hex').slice(0, 8);
  }

  /** The key as 64 hex characters or base64 of 32 bytes. */
  static fromEncodedKey(encoded: string): AuditSigner {
    return new AuditSigner(decodeKey(encoded, 'AUDIT_SIGNING_KEY', (message) => new AuditSigningKeyError(message)));
  }

  static generateKey(): string {
    return generateKey();
  }

  /** `hmac-sha256:<key id>:<hex>` over the text. */
  sign(text: string): string {
    return `${SCHEME}:${this.keyId}:${this.mac(text)}`;
  }

  /** Why the signature does not hold, or null when it does. */
  check(text: string, signature: string): string | null {
    const [scheme, keyId, mac] = signature.split(':');
    if (scheme !== SCHEME || mac === undefined) return 'its signature is not in a form this version reads';
    if (keyId !== this.keyId) {
      return `it is signed with another AUDIT_SIGNING_KEY (key ${keyId}, this one is ${this.keyId})`;
    }
    const expected = Buffer.from(this.mac(text), 'hex');
    const presented = Buffer.from(mac, 'hex');
    return presented.length === expected.length && timingSafeEqual(presented, expected)
      ? null
      : 'its signature does not match: it was changed or written without the signing key';
  }

  private mac(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('hex');
  }
}

/** What an entry's signature covers: its sequence number and hash (which covers the rest). */
export function entrySigningText(seq: number, hash: string): string {
  return `audit-entry\n${seq}\n${hash}`;
}

/** What a checkpoint's signature covers: how long the chain was, its head, and when. */
export function checkpointSigningText(checkpoint: { seq: number; headHash: string; at: string }): string {
  return `audit-checkpoint\n${checkpoint.seq}\n${checkpoint.headHash}\n${checkpoint.at}`;
}
