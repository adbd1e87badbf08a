import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Why a secret could not be sealed or opened; the message says what to do. */
export class SecretKeyError extends Error {}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

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
    const text = encoded.trim();
    const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
    if (key.length !== KEY_BYTES) {
      throw new SecretKeyError(
        `WATCHFLOOR_SECRET_KEY must be 32 bytes, as 64 hex characters or base64 (it is ${key.length} bytes): generate one with \`openssl rand -hex 32\``,
      );
    }
    return new SecretBox(key);
  }

  static generateKey(): string {
    return randomBytes(KEY_BYTES).toString('hex');
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      VERSION,
      this.keyId,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
  }

  open(sealed: string): string {
    const [version, keyId, iv, tag, body] = sealed.split(':');
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
      throw new SecretKeyError('the stored credentials are not in a form this version reads');
    }
    if (keyId !== this.keyId) {
      throw new SecretKeyError(
        `the stored credentials were sealed with another WATCHFLOOR_SECRET_KEY (key ${keyId}, this one is ${this.keyId}): restore that key or enter the credentials again`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError('the stored credentials fail their integrity check: enter them again');
    }
  }
}
