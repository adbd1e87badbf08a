import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { z } from 'zod';

/**
 * bcrypt cost 12: ~250 ms per hash here, slow enough to make guessing expensive, fast enough
 * for a login. Login attempts are rate limited on top.
 */
const BCRYPT_COST = 12;
// bcrypt reads at most 72 bytes; longer passwords would be silently truncated.
const MAX_PASSWORD_BYTES = 72;
const MIN_PASSWORD_LENGTH = 12;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('must be an e-mail address'))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .refine(
    (password) => Buffer.byteLength(password) <= MAX_PASSWORD_BYTES,
    `must be at most ${MAX_PASSWORD_BYTES} bytes`,
  );

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

let decoyHash: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (no such account) it still spends the
 * time of a real check, on a hash of no password anyone has, so timing does not tell which
 * e-mail addresses have accounts.
 */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  if (hash !== null) return bcrypt.compare(password, hash);
  decoyHash ??= bcrypt.hash(randomBytes(16).toString('hex'), BCRYPT_COST);
  await bcrypt.compare(password, await decoyHash);
  return false;
}

/** An unguessable bearer secret (session or kiosk): 256 random bits, URL-safe. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored: a database dump yields no working credential. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A password for a generated account (the demo admin): 120 random bits in 20 characters. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
