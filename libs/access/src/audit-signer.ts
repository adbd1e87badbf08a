import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Why the audit signing key cannot be used; the message says what to do. */
export class AuditSigningKeyError extends Error {}

const KEY_BYTES = 32;
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
    const text = encoded.trim();
    const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new AuditSigningKeyError(
        `AUDIT_SIGNING_KEY must be 32 bytes, as 64 hex characters or base64 (it is ${key.length} bytes): generate one with \`openssl rand -hex 32\``,
      );
    }
    return new AuditSigner(key);
  }

  static generateKey(): string {
    return randomBytes(KEY_BYTES).toString('hex');
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
