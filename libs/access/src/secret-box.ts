import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { decodeKey, generateKey } from './key-encoding';

/** Why a secret could not be sealed or opened; the message says what to do. */
export class SecretKeyError extends Error {}

/** v1: no associated data (read only, re-sealed on the next write); v2: bound to its row. */
const VERSION = 'v2';
const LEGACY_VERSION = 'v1';
const IV_BYTES = 12;
/** GCM accepts shorter tags unless told otherwise: a forger would then need to guess only 4 bytes. */
const TAG_BYTES = 16;

/**
 * Where a sealed value belongs, e.g. `source:<id>:credentials`: bound into the seal as associated
 * data, so a blob copied onto another row (or into another column) does not open there.
 */
export type SealContext = string;

/**
 * Seals platform credentials with AES-256-GCM under a key from the environment, so a database dump
 * yields no working token. Each sealed value names its key by fingerprint: opening it under
 * another key fails with a clear message instead of garbage.
 */
export class SecretBox {
  private readonly key: Buffer;
  readonly keyId: string;

  private constructor(key: Buffer) {
    this.key = key;
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /** The key as 64 hex characters or base64 of 32 bytes. */
  static fromEncodedKey(encoded: string): SecretBox {
    return new SecretBox(decodeKey(encoded, 'WATCHFLOOR_SECRET_KEY', (message) => new SecretKeyError(message)));
  }

  static generateKey(): string {
    return generateKey();
  }

  seal(plaintext: string, context: SealContext): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      this.keyId,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  open(sealed: string, context: SealContext): string {
    return this.openSealed(sealed, context).plaintext;
  }

  /** Opens a value; `stale` when it is in the old unbound form and should be sealed again. */
  openSealed(sealed: string, context: SealContext): { plaintext: string; stale: boolean } {
    const [version, keyId, iv, tag, body] = sealed.split(':');
    if (
      (version !== VERSION && version !== LEGACY_VERSION) ||
      iv === undefined ||
      tag === undefined ||
      body === undefined
    ) {
      throw new SecretKeyError('the stored credentials are not in a form this version reads');
    }
    if (keyId !== this.keyId) {
      throw new SecretKeyError(
        `the stored credentials were sealed with another WATCHFLOOR_SECRET_KEY (key ${keyId}, this one is ${this.keyId}): restore that key or enter the credentials again`,
      );
    }
    const tagBytes = Buffer.from(tag, 'base64');
    if (tagBytes.length !== TAG_BYTES) {
      throw new SecretKeyError('the stored credentials fail their integrity check: enter them again');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'), {
        authTagLength: TAG_BYTES,
      });
      if (version === VERSION) decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tagBytes);
      const plaintext = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
        'utf8',
      );
      return { plaintext, stale: version !== VERSION };
    } catch {
      throw new SecretKeyError(
        'the stored credentials fail their integrity check (changed, or copied from another row): enter them again',
      );
    }
  }
}
