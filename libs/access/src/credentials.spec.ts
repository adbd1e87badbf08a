import bcrypt from 'bcryptjs';
import {
  PasswordHasher,
  emailSchema,
  generatePassword,
  hashPassword,
  hashToken,
  newSecretToken,
  passwordSchema,
  verifyPassword,
} from './credentials';

describe('credentials', () => {
  it('hashes with argon2id and verifies the right password against it, and only it', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
  });

  it('still accepts a bcrypt hash from before, and asks for it to be replaced', async () => {
    const hasher = new PasswordHasher(1);
    const old = await bcrypt.hash('correct horse battery', 4);
    await expect(hasher.verify('correct horse battery', old)).resolves.toEqual({ valid: true, needsRehash: true });
    await expect(hasher.verify('wrong horse battery', old)).resolves.toEqual({ valid: false, needsRehash: false });
    const current = await hasher.hash('correct horse battery');
    await expect(hasher.verify('correct horse battery', current)).resolves.toEqual({ valid: true, needsRehash: false });
  });

  it('asks for an argon2 hash of weaker parameters to be replaced too', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('correct horse battery', { memoryCost: 1024, timeCost: 1 });
    await expect(new PasswordHasher().verify('correct horse battery', weak)).resolves.toEqual({
      valid: true,
      needsRehash: true,
    });
  });

  it('refuses a stored value that is no hash at all, rather than throwing', async () => {
    await expect(new PasswordHasher().verify('anything at all', 'not a hash')).resolves.toEqual({
      valid: false,
      needsRehash: false,
    });
  });

  it('answers no for an account that does not exist', async () => {
    await expect(verifyPassword('anything at all', null)).resolves.toBe(false);
  });

  it('asks for passwords of 12 characters and at most 256 bytes', () => {
    expect(passwordSchema.safeParse('short').success).toBe(false);
    expect(passwordSchema.safeParse('twelve chars').success).toBe(true);
    expect(passwordSchema.safeParse('ü'.repeat(100)).success).toBe(true);
    expect(passwordSchema.safeParse('ü'.repeat(129)).success).toBe(false);
  });

  it('normalizes e-mail addresses and refuses what is not one', () => {
    expect(emailSchema.parse('  Ada@Example.COM ')).toBe('ada@example.com');
    expect(emailSchema.safeParse('not-an-address').success).toBe(false);
  });

  it('makes unguessable tokens and keeps only their hashes', () => {
    const [a, b] = [newSecretToken(), newSecretToken()];
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toContain(a);
    expect(generatePassword()).toHaveLength(20);
  });
});
