import { SecretBox, SecretKeyError } from './secret-box';

describe('secret box', () => {
  const box = SecretBox.fromEncodedKey(SecretBox.generateKey());

  it('seals so that only the same key opens, without the plaintext in what is stored', () => {
    const sealed = box.seal('{"bearerToken":"AAAA-secret"}');
    expect(sealed).not.toContain('secret');
    expect(box.seal('same')).not.toEqual(box.seal('same'));
    expect(box.open(sealed)).toBe('{"bearerToken":"AAAA-secret"}');
  });

  it('says which key is needed when opened with another', () => {
    const other = SecretBox.fromEncodedKey(Buffer.alloc(32, 7).toString('base64'));
    expect(() => other.open(box.seal('x'))).toThrow(new RegExp(`sealed with another .*key ${box.keyId}`));
  });

  it('refuses a tampered value and a key of the wrong size', () => {
    const parts = box.seal('token').split(':');
    parts[4] = Buffer.from('tampered').toString('base64');
    expect(() => box.open(parts.join(':'))).toThrow(/integrity check/);
    expect(() => SecretBox.fromEncodedKey('short')).toThrow(SecretKeyError);
    expect(() => SecretBox.fromEncodedKey('short')).toThrow(/openssl rand -hex 32/);
  });
});
