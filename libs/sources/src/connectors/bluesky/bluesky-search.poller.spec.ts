import { blueskyPostKey } from './bluesky-search.poller';
import { blueskyRateLimit } from './bluesky-session';

const view = (createdAt: string | undefined, indexedAt = '2026-11-23T09:00:05Z') => ({
  uri: 'at://did:plc:a/app.bsky.feed.post/r1',
  cid: 'bafyreia',
  author: { did: 'did:plc:a', handle: 'a.test' },
  record: { $type: 'app.bsky.feed.post', text: 't', ...(createdAt !== undefined && { createdAt }) },
  indexedAt,
});

describe('Bluesky search ordering and rate limits', () => {
  it('keys a post by its sortAt (the earlier of createdAt and indexedAt), then its uri', () => {
    expect(blueskyPostKey(view('2026-11-23T09:00:04.5Z'))).toBe(
      '2026-11-23T09:00:04.500Z at://did:plc:a/app.bsky.feed.post/r1',
    );
    // A createdAt in the future cannot push the high-water mark ahead of posts indexed later.
    expect(blueskyPostKey(view('2030-01-01T00:00:00Z'))).toBe(
      '2026-11-23T09:00:05.000Z at://did:plc:a/app.bsky.feed.post/r1',
    );
    expect(blueskyPostKey(view(undefined))).toBe('2026-11-23T09:00:05.000Z at://did:plc:a/app.bsky.feed.post/r1');
    expect(blueskyPostKey(view('2026-11-23T09:00:04Z', 'yesterday'))).toBeUndefined();
    expect(blueskyPostKey({ uri: 'not-an-at-uri', indexedAt: '2026-11-23T09:00:05Z' })).toBeUndefined();
  });

  it('reads the ratelimit-* headers with the reset in epoch seconds', () => {
    const headers = new Headers({
      'RateLimit-Limit': '3000',
      'RateLimit-Remaining': '2990',
      'RateLimit-Reset': '1795900000',
    });
    expect(blueskyRateLimit(headers)).toEqual({ limit: 3000, remaining: 2990, resetAt: 1_795_900_000_000 });
  });
});
