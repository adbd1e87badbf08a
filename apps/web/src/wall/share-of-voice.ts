import type { WallMinute, WallQueryView } from '@watchfloor/contracts';

export interface VoiceShare {
  queryId: string;
  name: string;
  kind: WallQueryView['kind'];
  count: number;
  /** Whole percent; the shares of a non-empty total add up to exactly 100. */
  percent: number;
}

/**
 * Each saved query's part of the conversation over the minutes, the loudest first. Enabled
 * queries are listed even at zero (a brand nobody talks about is news); disabled ones only if
 * they still have counts in the window. Counts of queries the screen cannot name are left out.
 */
export function shareOfVoice(minutes: readonly WallMinute[], queries: readonly WallQueryView[]): VoiceShare[] {
  const counts = new Map<string, number>();
  for (const entry of minutes) {
    for (const [queryId, count] of Object.entries(entry.queries))
      counts.set(queryId, (counts.get(queryId) ?? 0) + count);
  }
  const shown = queries
    .map((query) => ({ query, count: counts.get(query.id) ?? 0 }))
    .filter(({ query, count }) => query.enabled || count > 0);
  const percents = wholePercents(shown.map(({ count }) => count));
  return shown
    .map(({ query, count }, index) => ({
      queryId: query.id,
      name: query.name,
      kind: query.kind,
      count,
      percent: percents[index] ?? 0,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Largest-remainder rounding: whole percents that add up to 100, each within one of its exact value. */
export function wholePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count * 100) / total);
  const whole = exact.map(Math.floor);
  let left = 100 - whole.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }));
  byRemainder.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    whole[index] = (whole[index] ?? 0) + 1;
    left--;
  }
  return whole;
}
