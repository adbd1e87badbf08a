import { aMention } from '@watchfloor/domain/testing';
import { combinedReach, mentionReach, reachOf } from './reach';
import type { ReachInputs } from './reach';

describe('reach', () => {
  it('scores worked examples as documented', () => {
    expect(reachOf({})).toBe(0);
    expect(reachOf({ followers: 1 })).toBeCloseTo(2.26, 2); // 60 · log10(2) / 8
    expect(reachOf({ followers: 999 })).toBeCloseTo(22.5, 1); // 60 · 3 / 8
    expect(reachOf({ followers: 999_999 })).toBeCloseTo(45, 1);
    // 10k followers, 100 likes and 10 reposts: 60 · 4/8 + 30 · log10(131)/6
    expect(reachOf({ followers: 9_999, likes: 100, reposts: 10 })).toBeCloseTo(40.6, 1);
    // A verified 1M account with 10k likes and 2k reposts: 45 + 30 · log10(16,001)/6 + 10
    expect(reachOf({ followers: 999_999, verified: true, likes: 10_000, reposts: 2_000 })).toBeCloseTo(76.0, 1);
  });

  it('is log-scaled: each tenfold of followers adds 7.5 points, not a tenfold score', () => {
    const million = reachOf({ followers: 1_000_000 });
    const one = reachOf({ followers: 1 });
    expect(million / one).toBeLessThan(25);
    expect(reachOf({ followers: 99_999 }) - reachOf({ followers: 9_999 })).toBeCloseTo(7.5, 5);
  });

  it('stays within 0–100 whatever the counts', () => {
    const huge = { followers: 1e12, likes: 1e12, reposts: 1e12, replies: 1e12, quotes: 1e12, verified: true };
    expect(reachOf(huge)).toBe(100);
    expect(reachOf({ followers: -5, likes: Number.NaN, reposts: Infinity })).toBe(0);
  });

  it('never decreases when any input grows, and grows below the caps', () => {
    const counts = [0, 1, 3, 10, 99, 1_000, 25_000, 1_000_000, 50_000_000, 1e9];
    const fields: (keyof Omit<ReachInputs, 'verified'>)[] = ['followers', 'likes', 'reposts', 'replies', 'quotes'];
    const base: ReachInputs = { followers: 500, likes: 4, reposts: 1, replies: 2, quotes: 0 };
    for (const field of fields) {
      for (let index = 1; index < counts.length; index++) {
        const lower = reachOf({ ...base, [field]: counts[index - 1] });
        const higher = reachOf({ ...base, [field]: counts[index] });
        // Strictly higher until the term saturates (engagement at 1M weighted interactions).
        if (counts[index]! <= 25_000) expect(higher).toBeGreaterThan(lower);
        else expect(higher).toBeGreaterThanOrEqual(lower);
      }
    }
    expect(reachOf({ ...base, verified: true })).toBeCloseTo(reachOf(base) + 10, 10);
  });

  it('weighs a repost or quote as 3 likes and a reply as 2', () => {
    expect(reachOf({ reposts: 1 })).toBeCloseTo(reachOf({ likes: 3 }), 10);
    expect(reachOf({ quotes: 1 })).toBeCloseTo(reachOf({ likes: 3 }), 10);
    expect(reachOf({ replies: 1 })).toBeCloseTo(reachOf({ likes: 2 }), 10);
  });

  it('reads a mention: unknown followers and metrics count as none', () => {
    const mention = aMention({ author: { handle: 'news', followers: 999_999, verified: true }, metrics: { likes: 0 } });
    expect(mentionReach(mention)).toBeCloseTo(55, 1);
    expect(mentionReach(aMention({ author: { handle: 'did:plc:x' }, metrics: undefined }))).toBe(0);
  });

  it('combines a group as one post with everyone’s audience, on the same scale', () => {
    const bots = Array.from({ length: 1_000 }, () =>
      aMention({ author: { handle: 'bot', followers: 10 }, metrics: {} }),
    );
    expect(combinedReach(bots)).toBeCloseTo(reachOf({ followers: 10_000 }), 10);
    expect(combinedReach(bots)).toBeLessThan(mentionReach(bots[0]!) * 10);
    const withVerified = [...bots.slice(0, 2), aMention({ author: { handle: 'press', followers: 5, verified: true } })];
    expect(combinedReach(withVerified)).toBeCloseTo(reachOf({ followers: 25, verified: true, likes: 0 }), 10);
    expect(combinedReach([])).toBe(0);
  });
});
