/**
 * Wall-clock time in an IANA zone, from the zone rules that ship with Node's Intl: no date library.
 * Instants are epoch milliseconds; a local date is what a wall calendar in that zone shows.
 */

/** A calendar day in some zone; month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;
const MS_PER_MINUTE = 60 * 1000;

// Building a DateTimeFormat costs far more than using one, and SLA sums call this for every open period.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false: the latter prints midnight as "24" in some ICU versions.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClockAsUtcMs(instantMs: number, timeZone: string): number {
  const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** How far the zone's wall clock is ahead of UTC at that instant (negative west of Greenwich). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wholeSecondMs = instantMs - (((instantMs % 1000) + 1000) % 1000);
  return wallClockAsUtcMs(wholeSecondMs, timeZone) - wholeSecondMs;
}

export function localDateAt(instantMs: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockAsUtcMs(instantMs, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** 0 is Sunday, as Date#getUTCDay counts. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/**
 * The instant at which the zone's clocks show `minuteOfDay` (0–1440) on that date. Times the clocks skip
 * when they spring forward map to the same distance past the gap (02:30 becomes 03:30); times they show
 * twice when they fall back map to the first showing. Temporal calls this 'compatible' disambiguation.
 */
export function instantAtLocalTime(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MS_PER_MINUTE;
  // Zone transitions are months apart, so a day either side reads the offsets in force before and after.
  const offsetBefore = zoneOffsetMs(wallAsUtc - MS_PER_DAY, timeZone);
  const offsetAfter = zoneOffsetMs(wallAsUtc + MS_PER_DAY, timeZone);
  const candidates = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter(
    (instant) => instant + zoneOffsetMs(instant, timeZone) === wallAsUtc,
  );
  return candidates.length > 0 ? Math.min(...candidates) : wallAsUtc - offsetBefore;
}
