import { queryTerms } from './query-terms';
import { REDDIT_SEARCH, UntranslatableQueryError, X_SEARCH, toPlatformQuery } from './platform-query';
import { parseQuery } from './query-parser';

const x = (query: string) => toPlatformQuery(parseQuery(query), X_SEARCH);
const reddit = (query: string) => toPlatformQuery(parseQuery(query), REDDIT_SEARCH);

describe('platform queries', () => {
  it('writes what X can say as X says it, exactly', () => {
    expect(x('("lost my bag" OR #NeverAgain) @SkylarkAir -spam from:dana lang:en')).toEqual({
      query: '("lost my bag" OR #neveragain) @skylarkair -spam from:dana lang:en',
      exact: true,
    });
  });

  it('widens NEAR to both terms, and says the result is not exact', () => {
    expect(x('refund NEAR/3 skylark')).toEqual({ query: 'refund skylark', exact: false });
  });

  it('never narrows: an exclusion of something widened is left to the local filter', () => {
    expect(x('skylark -(refund NEAR/2 late)')).toEqual({ query: 'skylark', exact: false });
  });

  it('widens for Reddit, which has no languages and no hashtags', () => {
    expect(reddit('#skylarkair refund lang:en from:dana')).toEqual({
      query: 'skylarkair refund author:dana',
      exact: false,
    });
    expect(reddit('skylark NOT spam')).toEqual({ query: 'skylark NOT spam', exact: true });
  });

  it('refuses a query the platform cannot narrow at all', () => {
    expect(() => reddit('lang:en OR skylark')).toThrow(UntranslatableQueryError);
  });

  it('refuses a query longer than the platform takes', () => {
    const long = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' OR ');
    expect(() => x(long)).toThrow(/takes at most 512/);
  });
});

describe('query terms', () => {
  it('lists what a query looks for, not what it excludes', () => {
    expect(
      queryTerms(parseQuery('(skylark OR "skylark air" OR @skylarkair OR #SkylarkAir) -#giveaway lang:en')),
    ).toEqual(['skylark', 'skylark air', '@skylarkair', '#skylarkair']);
  });
});
