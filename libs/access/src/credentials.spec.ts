import {
  emailSchema,
  generatePassword,
  hashPassword,
  hashToken,
  newSecretToken,
  passwordSchema,
  verifyPassword,
} from './credentials';

describe('credentials', () => {
  it('verifies the right password against its bcrypt hash, and only it', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$2[aby]\$12\$/);
    await expect(verifyPassword('correct horse battery', hash)).resolves.toBe(true);
    await expect(verifyPassword('correct horse batterY', hash)).resolves.toBe(false);
  });

  it('answers no for an account that does not exist', async () => {
    await expect(verifyPassword('anything at all', null)).resolves.toBe(false);
  });

  it('asks for passwords of 12 characters and at most 72 bytes', () => {
    expect(passwordSchema.safeParse('short').success).toBe(false);
    expect(passwordSchema.safeParse('twelve chars').success).toBe(true);
    expect(passwordSchema.safeParse('ü'.repeat(37)).success).toBe(false);
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
