import { compileMatcher, prepareMention } from './query-matcher';
import { parseQuery } from './query-parser';

function matches(query: string, text: string, extra: { authorHandle?: string; lang?: string } = {}): boolean {
  return compileMatcher(parseQuery(query))(
    prepareMention({
      text,
      authorHandle: extra.authorHandle ?? 'someone',
      ...(extra.lang !== undefined && { lang: extra.lang }),
    }),
  );
}

describe('query matcher', () => {
  const complaint = 'Lost my bag AGAIN with @SkylarkAir, #NeverAgain. Refund please!';

  it('matches whole words, case-insensitively', () => {
    expect(matches('refund', complaint)).toBe(true);
    expect(matches('REFUNDS', complaint)).toBe(false);
    expect(matches('skylark', 'I love #SkylarkAir')).toBe(false);
  });

  it('matches exact phrases only in order', () => {
    expect(matches('"lost my bag"', complaint)).toBe(true);
    expect(matches('"my lost bag"', complaint)).toBe(false);
  });

  it('matches hashtags and handles as written in the post', () => {
    expect(matches('#neveragain', complaint)).toBe(true);
    expect(matches('@skylarkair', complaint)).toBe(true);
    expect(matches('#skylarkair', complaint)).toBe(false);
  });

  it('applies AND, OR, NOT and parentheses', () => {
    expect(matches('(refund OR compensation) -again', complaint)).toBe(false);
    expect(matches('(refund OR compensation) NOT delay', complaint)).toBe(true);
    expect(matches('delay OR "lost my bag"', complaint)).toBe(true);
  });

  it('measures NEAR/n in words, in either order', () => {
    expect(matches('bag NEAR/4 refund', complaint)).toBe(false);
    expect(matches('bag NEAR/8 refund', complaint)).toBe(true);
    expect(matches('refund NEAR/1 please', complaint)).toBe(true);
    expect(matches('please NEAR/1 refund', complaint)).toBe(true);
    expect(matches('"lost my" NEAR/2 again', complaint)).toBe(true);
  });

  it('filters on author and language', () => {
    expect(matches('refund from:dana', complaint, { authorHandle: '@Dana' })).toBe(true);
    expect(matches('refund from:dana', complaint, { authorHandle: 'sam' })).toBe(false);
    expect(matches('refund lang:pt', complaint, { lang: 'pt-BR' })).toBe(true);
    expect(matches('refund lang:pt', complaint, { lang: 'en' })).toBe(false);
    expect(matches('refund lang:pt', complaint)).toBe(false);
  });
});
