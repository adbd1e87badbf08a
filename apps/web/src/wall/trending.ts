import type { WallMinute } from '@watchfloor/contracts';
import { MINUTE_MS, minuteOf } from '@watchfloor/wall';

export const RECENT_MINUTES = 10;
export const BASELINE_MINUTES = 50;
/** Fewer mentions than this in ten minutes is chatter, however new the word. */
const MIN_RECENT_COUNT = 3;

export interface TrendingTerm {
  term: string;
  /** Mentions of it in the last RECENT_MINUTES minutes. */
  recent: number;
  /** Mentions of it in the BASELINE_MINUTES minutes before those. */
  baseline: number;
  /** How many times its recent rate exceeds its baseline rate. */
  lift: number;
}

/**
 * Terms rising now: the last 10 minutes against the 50 before, ranked by lift × count so a word
 * going from 0 to 3 does not outrank one going from 40 to 400. The baseline gets one mention
 * added, so a never-seen word has a large but finite lift.
 */
export function trendingTerms(minutes: readonly WallMinute[], now: number, limit = 10): TrendingTerm[] {
  const recentFrom = minuteOf(now) - (RECENT_MINUTES - 1) * MINUTE_MS;
  const baselineFrom = recentFrom - BASELINE_MINUTES * MINUTE_MS;
  const recent = new Map<string, number>();
  const baseline = new Map<string, number>();
  for (const entry of minutes) {
    if (entry.minute < baselineFrom) continue;
    const counts = entry.minute >= recentFrom ? recent : baseline;
    for (const [term, count] of Object.entries(entry.terms)) counts.set(term, (counts.get(term) ?? 0) + count);
  }
  const rising: (TrendingTerm & { score: number })[] = [];
  for (const [term, count] of recent) {
    if (count < MIN_RECENT_COUNT) continue;
    const before = baseline.get(term) ?? 0;
    const lift = count / RECENT_MINUTES / ((before + 1) / BASELINE_MINUTES);
    if (lift <= 1) continue;
    rising.push({ term, recent: count, baseline: before, lift, score: lift * count });
  }
  return rising
    .sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : 1))
    .slice(0, limit)
    .map(({ term, recent: count, baseline: before, lift }) => ({ term, recent: count, baseline: before, lift }));
}
