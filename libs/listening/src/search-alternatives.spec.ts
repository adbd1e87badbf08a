import { BLUESKY_SEARCH, MASTODON_SEARCH, UntranslatableQueryError, X_SEARCH } from './platform-query';
import { parseQuery } from './query-parser';
import { requiredHashtags, toPlatformSearches } from './search-alternatives';

const bluesky = (query: string) => toPlatformSearches(parseQuery(query), BLUESKY_SEARCH);
const mastodon = (query: string) => toPlatformSearches(parseQuery(query), MASTODON_SEARCH);

describe('searches for platforms without OR', () => {
  it('keeps one search where the platform has OR', () => {
    expect(toPlatformSearches(parseQuery('skylark (refund OR delay)'), X_SEARCH)).toEqual([
      { query: 'skylark (refund OR delay)', exact: true },
    ]);
  });

  it('splits a query into one search per alternative', () => {
    expect(mastodon('skylark (refund OR "lost my bag") lang:en')).toEqual([
      { query: 'skylark refund language:en', exact: true },
      { query: 'skylark "lost my bag" language:en', exact: true },
    ]);
  });

  it('uses De Morgan for excluded alternatives, and Bluesky leaves exclusions to the local filter', () => {
    expect(mastodon('skylark -(spam OR giveaway)')).toEqual([{ query: 'skylark -spam -giveaway', exact: true }]);
    expect(bluesky('skylark -(spam OR giveaway) from:dana @skylarkair')).toEqual([
      { query: 'skylark from:dana mentions:skylarkair', exact: false },
    ]);
  });

  it('merges alternatives that read the same once widened', () => {
    expect(bluesky('skylark (-spam OR -giveaway)')).toEqual([{ query: 'skylark', exact: false }]);
  });

  it('refuses a query that would take too many searches, and one with nothing to search for', () => {
    expect(() => mastodon('(a OR b OR c) (d OR e OR f)')).toThrow(/9 searches; the most is 8/);
    expect(() => bluesky('(a OR b OR c OR d OR e OR f OR g OR h OR i) (j OR k OR l OR m OR n)')).toThrow(
      UntranslatableQueryError,
    );
  });
});

describe('required hashtags', () => {
  it('finds the hashtags every match carries', () => {
    expect(requiredHashtags(parseQuery('#skylark refund'))).toEqual(['skylark']);
    expect(requiredHashtags(parseQuery('(#skylark OR #skylarkair) -#ad'))).toEqual(['skylark', 'skylarkair']);
    expect(requiredHashtags(parseQuery('#a #b #c OR #d'))).toEqual(['a', 'd']);
  });

  it('is null when a match may carry none', () => {
    expect(requiredHashtags(parseQuery('#skylark OR refund'))).toBeNull();
    expect(requiredHashtags(parseQuery('skylark -#ad'))).toBeNull();
  });
});
