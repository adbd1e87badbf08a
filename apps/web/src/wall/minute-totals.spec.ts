import type { WallMinute } from '@watchfloor/contracts';
import { emptyMinute } from '@watchfloor/wall';
import { lastHeardByPlatform, mentionsPerMinute, placeTotals, platformTotals, totalMentions } from './minute-totals';

const T0 = Date.parse('2026-11-23T10:29:00.000Z');
const T1 = Date.parse('2026-11-23T10:30:00.000Z');
const aMinute = (minute: number, overrides: Partial<WallMinute> = {}): WallMinute => ({
  ...emptyMinute(minute),
  ...overrides,
});

describe('minute totals', () => {
  const minutes = [
    aMinute(T0, {
      positive: 100,
      platforms: { twitter: 80, reddit: 20 },
      places: { '51,0': [3, 1], '41,-74': [1, 1] },
    }),
    aMinute(T1, { negative: 30, unsupported: 10, platforms: { twitter: 40 }, places: { '51,0': [2, 2] } }),
  ];

  it('estimates mentions per minute over a sliding 60 seconds', () => {
    // Half of the previous minute still lies within the last 60 seconds.
    expect(mentionsPerMinute(minutes, T1 + 30_000)).toBe(90);
    expect(totalMentions(minutes)).toBe(140);
  });

  it('totals platforms, the busiest first, and says when each was last heard', () => {
    expect(platformTotals(minutes)).toEqual([
      { platform: 'twitter', count: 120 },
      { platform: 'reddit', count: 20 },
    ]);
    expect(lastHeardByPlatform(minutes)).toEqual({ twitter: T1, reddit: T0 });
  });

  it('sums map cells with their negative counts, and skips cells it cannot read', () => {
    const withJunk = [...minutes, aMinute(T1, { places: { nowhere: [5, 0] } })];
    expect(placeTotals(withJunk)).toEqual([
      { lat: 51, lon: 0, count: 5, negative: 3 },
      { lat: 41, lon: -74, count: 1, negative: 1 },
    ]);
  });
});
