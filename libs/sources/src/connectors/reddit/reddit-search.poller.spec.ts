import { redditRateLimit } from './reddit-auth';
import { compareRedditFullnames } from './reddit-search.poller';

describe('Reddit ordering and rate limits', () => {
  it('orders fullnames as base36 numbers: a longer id is newer, then digit by digit', () => {
    expect(compareRedditFullnames('t3_zz', 't3_100')).toBeLessThan(0);
    expect(compareRedditFullnames('t3_1a', 't3_19')).toBeGreaterThan(0);
    expect(compareRedditFullnames('t3_abc', 't3_abc')).toBe(0);
  });

  it('reads X-Ratelimit-* with the reset in seconds from now, and the window as used + remaining', () => {
    const headers = new Headers({
      'X-Ratelimit-Used': '7',
      'X-Ratelimit-Remaining': '93.0',
      'X-Ratelimit-Reset': '42',
    });
    const before = Date.now();
    const status = redditRateLimit(headers);
    expect(status).toMatchObject({ remaining: 93, limit: 100 });
    expect(status!.resetAt).toBeGreaterThanOrEqual(before + 42_000);
    expect(status!.resetAt).toBeLessThanOrEqual(Date.now() + 42_000);
    expect(redditRateLimit(new Headers())).toBeUndefined();
  });
});
