import type { WallMinute } from '@watchfloor/contracts';
import { MINUTE_MS, emptyMinute } from '@watchfloor/wall';
import { trendingTerms } from './trending';

const NOW = Date.parse('2026-11-23T10:30:30.000Z');
const THIS_MINUTE = Date.parse('2026-11-23T10:30:00.000Z');
const minutesAgo = (count: number, terms: Record<string, number>): WallMinute => ({
  ...emptyMinute(THIS_MINUTE - count * MINUTE_MS),
  terms,
});

describe('trending terms', () => {
  it('ranks terms by lift times recent count: a busy rising word beats a rare new one', () => {
    const minutes = [minutesAgo(40, { refund: 5, lounge: 20 }), minutesAgo(5, { refund: 60, wifi: 3, lounge: 4 })];
    const terms = trendingTerms(minutes, NOW);
    expect(terms.map((term) => term.term)).toEqual(['refund', 'wifi']);
    expect(terms[0]).toMatchObject({ recent: 60, baseline: 5 });
    // 6/min now against 6 in 50 min (one added to the baseline) before.
    expect(terms[0]!.lift).toBeCloseTo(50);
  });

  it('leaves out falling words, words said fewer than three times, and minutes older than the hour', () => {
    const minutes = [
      minutesAgo(70, { bags: 500 }),
      minutesAgo(30, { delay: 200 }),
      minutesAgo(2, { delay: 10, crew: 2, bags: 3 }),
    ];
    expect(trendingTerms(minutes, NOW).map((term) => term.term)).toEqual(['bags']);
  });

  it('counts the current minute and the nine before it as recent, the fifty before those as baseline', () => {
    const minutes = [minutesAgo(10, { wifi: 4 }), minutesAgo(9, { wifi: 4 })];
    expect(trendingTerms(minutes, NOW)).toEqual([{ term: 'wifi', recent: 4, baseline: 4, lift: 4 }]);
  });

  it('returns at most the limit asked for', () => {
    const terms = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`term${index}`, 10 + index]));
    expect(trendingTerms([minutesAgo(0, terms)], NOW, 5)).toHaveLength(5);
  });
});
