import { createCipheriv, randomBytes } from 'node:crypto';
import { SecretBox, SecretKeyError } from './secret-box';

describe('secret box', () => {
  const key = SecretBox.generateKey();
  const box = SecretBox.fromEncodedKey(key);
  const row = 'source:0b6f2c1e-0000-4000-8000-000000000001:credentials';

  it('seals so that only the same key opens, without the plaintext in what is stored', () => {
    const sealed = box.seal('{"bearerToken":"AAAA-secret"}', row);
    expect(sealed).not.toContain('secret');
    expect(box.seal('same', row)).not.toEqual(box.seal('same', row));
    expect(box.open(sealed, row)).toBe('{"bearerToken":"AAAA-secret"}');
  });

  it('says which key is needed when opened with another', () => {
    const other = SecretBox.fromEncodedKey(Buffer.alloc(32, 7).toString('base64'));
    expect(() => other.open(box.seal('x', row), row)).toThrow(new RegExp(`sealed with another .*key ${box.keyId}`));
  });

  it('refuses a tampered value and a key of the wrong size', () => {
    const parts = box.seal('token', row).split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join(':'), row)).toThrow(/integrity check/);
    expect(() => SecretBox.fromEncodedKey('short')).toThrow(SecretKeyError);
    expect(() => SecretBox.fromEncodedKey('short')).toThrow(/openssl rand -hex 32/);
  });

  it('binds a sealed value to its row: copied onto another, it does not open', () => {
    const sealed = box.seal('{"accessToken":"t"}', row);
    expect(() => box.open(sealed, 'source:another-row:credentials')).toThrow(/copied from another row/);
  });

  it('refuses a shortened authentication tag instead of checking only its first bytes', () => {
    const parts = box.seal('token', row).split(':');
    parts[3] = Buffer.from(parts[3]!, 'base64').subarray(0, 4).toString('base64');
    expect(() => box.open(parts.join(':'), row)).toThrow(/integrity check/);
  });

  it('still opens values sealed before they were bound to a row, and marks them for sealing again', () => {
    // The v1 form, as earlier versions stored it: no associated data.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'hex'), iv);
    const body = Buffer.concat([cipher.update('{"accessToken":"old"}', 'utf8'), cipher.final()]);
    const legacy = [
      'v1',
      box.keyId,
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join(':');
    expect(box.openSealed(legacy, row)).toEqual({ plaintext: '{"accessToken":"old"}', stale: true });
    expect(box.openSealed(box.seal('{"accessToken":"new"}', row), row).stale).toBe(false);
  });
});
