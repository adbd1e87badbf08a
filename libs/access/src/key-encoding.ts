import { randomBytes } from 'node:crypto';

/** Both of our keys (the secret box's, the audit signer's) are 32 random bytes. */
const KEY_BYTES = 32;

/**
 * A 32-byte key as a setting holds it: 64 hex characters or base64. `fail` builds the error for a
 * key of the wrong length, naming the setting.
 */
export function decodeKey(encoded: string, setting: string, fail: (message: string) => Error): Buffer {
  const text = encoded.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) {
    throw fail(
      `${setting} must be 32 bytes, as 64 hex characters or base64 (it is ${key.length} bytes): generate one with \`openssl rand -hex 32\``,
    );
  }
  return key;
}

export function generateKey(): string {
  return randomBytes(KEY_BYTES).toString('hex');
}
