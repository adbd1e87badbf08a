import type { WallMinute } from '@watchfloor/contracts';
import type { Platform } from '@watchfloor/domain';
import { MINUTE_MS, minuteOf, minuteTotal } from '@watchfloor/wall';

/** The minutes starting at or after `from`, oldest first as the state holds them. */
export function minutesSince(minutes: readonly WallMinute[], from: number): WallMinute[] {
  return minutes.filter((entry) => entry.minute >= from);
}

export function totalMentions(minutes: readonly WallMinute[]): number {
  return minutes.reduce((sum, entry) => sum + minuteTotal(entry), 0);
}

/**
 * Mentions over the last 60 seconds, by the sliding-window estimate: this minute's count plus the
 * share of the previous minute that still falls inside the window. Steady, and live from the first minute on.
 */
export function mentionsPerMinute(minutes: readonly WallMinute[], now: number): number {
  const current = minuteOf(now);
  const total = (minute: number) => {
    const entry = minutes.find((candidate) => candidate.minute === minute);
    return entry === undefined ? 0 : minuteTotal(entry);
  };
  const elapsed = (now - current) / MINUTE_MS;
  return Math.round(total(current) + total(current - MINUTE_MS) * (1 - elapsed));
}

export interface PlatformCount {
  platform: Platform;
  count: number;
}

/** Mentions per platform, the busiest first. */
export function platformTotals(minutes: readonly WallMinute[]): PlatformCount[] {
  const counts = new Map<Platform, number>();
  for (const entry of minutes) {
    for (const [platform, count] of Object.entries(entry.platforms) as [Platform, number][]) {
      counts.set(platform, (counts.get(platform) ?? 0) + count);
    }
  }
  return [...counts]
    .map(([platform, count]) => ({ platform, count }))
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || a.platform.localeCompare(b.platform));
}

/** When the wall last counted a mention from each platform: the start of that minute, epoch ms. */
export function lastHeardByPlatform(minutes: readonly WallMinute[]): Partial<Record<Platform, number>> {
  const heard: Partial<Record<Platform, number>> = {};
  for (const entry of minutes) {
    for (const [platform, count] of Object.entries(entry.platforms) as [Platform, number][]) {
      if (count > 0 && entry.minute > (heard[platform] ?? -Infinity)) heard[platform] = entry.minute;
    }
  }
  return heard;
}

export interface PlaceCount {
  lat: number;
  lon: number;
  count: number;
  negative: number;
}

/** Mentions per one-degree map cell (`"<lat>,<lon>"`), summed over the minutes, the busiest first. */
export function placeTotals(minutes: readonly WallMinute[]): PlaceCount[] {
  const cells = new Map<string, PlaceCount>();
  for (const entry of minutes) {
    for (const [cell, [count, negative]] of Object.entries(entry.places)) {
      const current = cells.get(cell);
      if (current !== undefined) {
        current.count += count;
        current.negative += negative;
        continue;
      }
      const [lat, lon] = cell.split(',').map(Number);
      if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      cells.set(cell, { lat, lon, count, negative });
    }
  }
  return [...cells.values()].sort((a, b) => b.count - a.count);
}
