import { validateMention } from './mention-validation';
import { aMention } from './testing';

describe('validateMention', () => {
  it('accepts a well-formed mention and puts it in canonical form', () => {
    const result = validateMention({
      ...aMention({ createdAt: '2026-11-23T12:00:00+02:00', lang: 'EN' }),
      author: { handle: '@SomeOne', name: ' Some\u0007 One ' },
      text: '  Cafe\u0301 \u0000delayed  ',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mention.createdAt).toBe('2026-11-23T10:00:00.000Z');
    expect(result.mention.author).toEqual({ handle: 'someone', name: 'Some One' });
    expect(result.mention.text).toBe('Café delayed');
    expect(result.mention.lang).toBe('en');
  });

  it('treats null optional fields as absent', () => {
    const result = validateMention({
      ...aMention(),
      lang: null,
      replyToId: null,
      author: { handle: 'a', name: null, followers: null },
      metrics: { likes: 3, reposts: null },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mention).not.toHaveProperty('lang');
    expect(result.mention).not.toHaveProperty('replyToId');
    expect(result.mention.author).toEqual({ handle: 'a' });
    expect(result.mention.metrics).toEqual({ likes: 3 });
  });

  it('keeps the raw payload as received', () => {
    const raw = { id: '1', nested: { deep: [1, 2, 3] } };
    const result = validateMention(aMention({ raw }));
    expect(result.ok && result.mention.raw).toEqual(raw);
  });

  it.each([
    ['an unknown platform', { platform: 'myspace' }, 'platform'],
    ['a missing external id', { externalId: '' }, 'externalId'],
    ['a relative URL', { url: '/status/1' }, 'url'],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
    ['a time that is not ISO 8601', { createdAt: 'yesterday' }, 'createdAt'],
    ['a negative follower count', { author: { handle: 'a', followers: -1 } }, 'author.followers'],
    ['an author without a handle', { author: { handle: '@' } }, 'author.handle'],
    ['text that is not a string', { text: 42 }, 'text'],
  ])('rejects %s, naming the field', (_, overrides, field) => {
    const result = validateMention({ ...aMention(), ...overrides });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(field);
  });

  it.each([null, 'a string', 42, [], undefined])('rejects %p with a reason instead of throwing', (input) => {
    const result = validateMention(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason.length).toBeGreaterThan(0);
  });

  it('is not fooled by prototype keys', () => {
    const input = JSON.parse('{"__proto__": {"platform": "twitter"}, "constructor": 1}');
    expect(validateMention(input).ok).toBe(false);
    expect(({} as Record<string, unknown>)['platform']).toBeUndefined();
  });
});
