import type { WallMinute, WallQueryView } from '@watchfloor/contracts';
import { emptyMinute } from '@watchfloor/wall';
import { shareOfVoice, wholePercents } from './share-of-voice';

const aQuery = (overrides: Partial<WallQueryView> & Pick<WallQueryView, 'id'>): WallQueryView => ({
  name: overrides.id,
  kind: 'brand',
  enabled: true,
  ...overrides,
});
const aMinute = (minute: number, queries: Record<string, number>): WallMinute => ({ ...emptyMinute(minute), queries });

describe('share of voice', () => {
  it('sums each query over the minutes, names it, and gives whole percents adding up to 100', () => {
    const shares = shareOfVoice(
      [aMinute(0, { us: 10, them: 5 }), aMinute(60_000, { us: 10, other: 5, unknown: 99 })],
      [
        aQuery({ id: 'us', name: 'Skylark' }),
        aQuery({ id: 'them', kind: 'competitor' }),
        aQuery({ id: 'other', kind: 'competitor' }),
      ],
    );
    expect(shares).toEqual([
      { queryId: 'us', name: 'Skylark', kind: 'brand', count: 20, percent: 67 },
      // A tie in remainders goes to the query listed first.
      { queryId: 'other', name: 'other', kind: 'competitor', count: 5, percent: 16 },
      { queryId: 'them', name: 'them', kind: 'competitor', count: 5, percent: 17 },
    ]);
  });

  it('lists an enabled query nobody mentions at zero, and a disabled one only while it has counts', () => {
    const shares = shareOfVoice(
      [aMinute(0, { us: 4 })],
      [aQuery({ id: 'us' }), aQuery({ id: 'quiet' }), aQuery({ id: 'retired', enabled: false })],
    );
    expect(shares.map((share) => [share.queryId, share.percent])).toEqual([
      ['us', 100],
      ['quiet', 0],
    ]);
  });

  it('rounds by largest remainder: thirds make 34, 33, 33; nothing makes all zeros', () => {
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
    expect(wholePercents([1, 2, 3, 994]).reduce((sum, value) => sum + value, 0)).toBe(100);
  });
});
