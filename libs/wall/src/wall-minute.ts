import type { WallMinute } from '@watchfloor/contracts';

export const MINUTE_MS = 60_000;
/** Terms kept per minute: enough to rank what is trending, few enough to keep a screen's memory flat. */
export const TERMS_PER_MINUTE = 40;
/** Map cells kept per minute, the busiest first. */
export const PLACES_PER_MINUTE = 300;

export function emptyMinute(minute: number): WallMinute {
  return {
    minute,
    positive: 0,
    neutral: 0,
    negative: 0,
    unsupported: 0,
    scoreSum: 0,
    platforms: {},
    queries: {},
    terms: {},
    places: {},
  };
}

export function minuteOf(epochMs: number): number {
  return Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
}

export function minuteTotal(minute: WallMinute): number {
  return minute.positive + minute.neutral + minute.negative + minute.unsupported;
}

/** The sum of two counts of one minute, its terms and places cut back to their bounds. */
export function addMinutes(a: WallMinute, b: WallMinute): WallMinute {
  return {
    minute: a.minute,
    positive: a.positive + b.positive,
    neutral: a.neutral + b.neutral,
    negative: a.negative + b.negative,
    unsupported: a.unsupported + b.unsupported,
    scoreSum: a.scoreSum + b.scoreSum,
    platforms: addCounts(a.platforms, b.platforms),
    queries: addCounts(a.queries, b.queries),
    terms: topCounts(addCounts(a.terms, b.terms), TERMS_PER_MINUTE),
    places: topPlaces(addPlaces(a.places, b.places), PLACES_PER_MINUTE),
  };
}

function addCounts<T extends Partial<Record<string, number>>>(a: T, b: T): T {
  const sum: Partial<Record<string, number>> = { ...a };
  for (const [key, count] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + (count ?? 0);
  return sum as T;
}

export function topCounts(counts: Record<string, number>, limit: number): Record<string, number> {
  const entries = Object.entries(counts);
  if (entries.length <= limit) return counts;
  return Object.fromEntries(entries.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, limit));
}

function addPlaces(a: WallMinute['places'], b: WallMinute['places']): WallMinute['places'] {
  const sum: WallMinute['places'] = { ...a };
  for (const [cell, [count, negative]] of Object.entries(b)) {
    const current = sum[cell];
    sum[cell] = current === undefined ? [count, negative] : [current[0] + count, current[1] + negative];
  }
  return sum;
}

function topPlaces(places: WallMinute['places'], limit: number): WallMinute['places'] {
  const entries = Object.entries(places);
  if (entries.length <= limit) return places;
  return Object.fromEntries(entries.sort((x, y) => y[1][0] - x[1][0]).slice(0, limit));
}

/** The one-degree map cell of a place: coarse enough to say nothing of where a person lives. */
export function placeCell(lat: number, lon: number): string {
  return `${Math.round(lat)},${Math.round(lon)}`;
}
