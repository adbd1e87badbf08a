import { createHash, randomBytes } from 'node:crypto';
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { Semaphore } from './semaphore';

/**
 * argon2id (the library's default algorithm) at OWASP's first recommendation: 19 MiB, 2 passes,
 * one lane. About 30 ms a hash here, memory-hard, so guessing on GPUs is slow; logins are rate
 * limited on top. Hashes record their parameters, so raising them later upgrades at next login.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const ARGON2ID_PREFIX = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;
/** argon2 takes any length; the cap only keeps a login from being a way to hash megabytes. */
const MAX_PASSWORD_BYTES = 256;
const MIN_PASSWORD_LENGTH = 12;
/** Hashes one process runs at once unless told otherwise: one core of two stays free for the rest. */
const DEFAULT_HASHING_SLOTS = 2;

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

export interface PasswordCheck {
  valid: boolean;
  /** The stored hash is of an older kind (bcrypt) or weaker parameters: store a new one now. */
  needsRehash: boolean;
}

/**
 * Hashes and checks passwords, at most `slots` at once per process: a burst of logins waits its
 * turn rather than pinning every core.
 */
export class PasswordHasher {
  private readonly slots: Semaphore;
  private decoyHash: Promise<string> | undefined;

  constructor(slots: number = DEFAULT_HASHING_SLOTS) {
    this.slots = new Semaphore(slots);
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => argon2Hash(password, ARGON2_OPTIONS));
  }

  /**
   * Checks a password against a stored hash: argon2id, or bcrypt from before (still accepted,
   * flagged for rehashing). With no hash (no such account) it still spends the time of a real
   * check, on a hash of no password anyone has, so timing does not tell which e-mail addresses
   * have accounts.
   */
  async verify(password: string, stored: string | null): Promise<PasswordCheck> {
    if (stored === null) {
      this.decoyHash ??= this.hash(randomBytes(16).toString('hex'));
      const decoy = await this.decoyHash;
      await this.slots.run(() => argon2Verify(decoy, password));
      return { valid: false, needsRehash: false };
    }
    if (isBcryptHash(stored)) {
      const valid = await this.slots.run(() => bcrypt.compare(password, stored));
      return { valid, needsRehash: valid };
    }
    const valid = await this.slots.run(() => argon2Verify(stored, password).catch(() => false));
    return { valid, needsRehash: valid && !stored.startsWith(ARGON2ID_PREFIX) };
  }
}

function isBcryptHash(stored: string): boolean {
  return /^\$2[aby]\$\d\d\$/.test(stored);
}

/** For tools that make an account now and then (the command line, tests); the API keeps its own hasher. */
const sharedHasher = new PasswordHasher();

export function hashPassword(password: string): Promise<string> {
  return sharedHasher.hash(password);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  return (await sharedHasher.verify(password, hash)).valid;
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
