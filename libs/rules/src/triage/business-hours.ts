import { z } from 'zod';
import { addDays, instantAtLocalTime, isValidTimeZone, localDateAt, weekdayOf } from './zoned-time';
import type { LocalDate } from './zoned-time';

/**
 * A team's opening hours, in its own time zone, and arithmetic on open time: SLA budgets are counted in
 * minutes the team is open, so a question asked on Friday evening is not overdue by Monday morning.
 * Business minutes are real elapsed minutes while open: an interval that spans a clock change is an hour
 * shorter or longer that day.
 */

/** Keys of `days`, Monday first as teams write their week. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** Indexed by Date#getUTCDay (0 = Sunday). */
const WEEKDAY_BY_DAY_NUMBER: readonly WeekdayKey[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const MAX_INTERVALS_PER_DAY = 4;
const MS_PER_MINUTE = 60 * 1000;

/** "HH:MM", 24-hour clock, with "24:00" allowed so a day can run to midnight. */
const timeOfDaySchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time is "HH:MM" on a 24-hour clock, such as "09:00" or "17:30"');

function minuteOfDay(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

const dayIntervalsSchema = z
  .array(z.tuple([timeOfDaySchema, timeOfDaySchema]))
  .max(MAX_INTERVALS_PER_DAY, `at most ${MAX_INTERVALS_PER_DAY} open intervals a day`)
  .superRefine((intervals, context) => {
    intervals.forEach(([start, end], index) => {
      if (minuteOfDay(end) <= minuteOfDay(start)) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `the interval ${start}–${end} must end after it starts (split a night shift over two days)`,
        });
      }
    });
    const byStart = [...intervals].sort((a, b) => minuteOfDay(a[0]) - minuteOfDay(b[0]));
    for (let index = 1; index < byStart.length; index += 1) {
      const previous = byStart[index - 1];
      const current = byStart[index];
      if (previous && current && minuteOfDay(current[0]) < minuteOfDay(previous[1])) {
        context.addIssue({
          code: 'custom',
          message: `the intervals ${previous[0]}–${previous[1]} and ${current[0]}–${current[1]} overlap`,
        });
      }
    }
  });

export const businessHoursSchema = z
  .object({
    /** IANA zone name, such as "Europe/Amsterdam": hours are wall-clock times there. */
    timeZone: z.string().superRefine((zone, context) => {
      if (!isValidTimeZone(zone)) {
        context.addIssue({
          code: 'custom',
          message: `"${zone}" is not a time zone this server knows: use an IANA name such as "Europe/Amsterdam"`,
        });
      }
    }),
    /** Open around the clock: `days` are then ignored (kept, so switching 24/7 off restores them). */
    alwaysOpen: z.boolean().default(false),
    /** Open intervals [start, end) per weekday, in the zone; a day left out is closed. */
    days: z
      .strictObject(
        {
          mon: dayIntervalsSchema.optional(),
          tue: dayIntervalsSchema.optional(),
          wed: dayIntervalsSchema.optional(),
          thu: dayIntervalsSchema.optional(),
          fri: dayIntervalsSchema.optional(),
          sat: dayIntervalsSchema.optional(),
          sun: dayIntervalsSchema.optional(),
        },
        {
          error: (issue) =>
            issue.code === 'unrecognized_keys'
              ? `days are ${WEEKDAY_KEYS.join(', ')}: not ${issue.keys.map((key) => `"${key}"`).join(', ')}`
              : undefined,
        },
      )
      .default({}),
  })
  .strict()
  .refine((hours) => hours.alwaysOpen || hasOpenIntervals(hours.days), {
    path: ['days'],
    message: 'no open hours: add an interval to at least one day, or set alwaysOpen: true for 24/7',
  });

export type BusinessHours = z.infer<typeof businessHoursSchema>;
/** What a person sends: alwaysOpen and days may be left out. */
export type BusinessHoursInput = z.input<typeof businessHoursSchema>;

// Typed apart from the schema, which calls it: deriving it from BusinessHours would make the type circular.
function hasOpenIntervals(days: Partial<Record<WeekdayKey, readonly unknown[]>>): boolean {
  return WEEKDAY_KEYS.some((day) => (days[day]?.length ?? 0) > 0);
}

function intervalsOn(date: LocalDate, hours: BusinessHours): readonly (readonly [string, string])[] {
  return hours.days[WEEKDAY_BY_DAY_NUMBER[weekdayOf(date)] ?? 'sun'] ?? [];
}

interface OpenPeriod {
  startMs: number;
  endMs: number;
}

/**
 * The open periods from the start of the local day holding `fromMs` onwards, in order, without end.
 * Intervals end by midnight, so no earlier day's period can still be open at `fromMs`.
 */
function* openPeriodsFrom(fromMs: number, hours: BusinessHours): Generator<OpenPeriod, never> {
  // Without this a week with no open minute would make callers loop for ever.
  if (!hasOpenIntervals(hours.days)) {
    throw new RangeError('these business hours have no open interval: add one, or set alwaysOpen');
  }
  let date: LocalDate = localDateAt(fromMs, hours.timeZone);
  for (;;) {
    const byStart = [...intervalsOn(date, hours)].sort((a, b) => minuteOfDay(a[0]) - minuteOfDay(b[0]));
    for (const [start, end] of byStart) {
      const startMs = instantAtLocalTime(date, minuteOfDay(start), hours.timeZone);
      const endMs = instantAtLocalTime(date, minuteOfDay(end), hours.timeZone);
      if (endMs > startMs) yield { startMs, endMs };
    }
    date = addDays(date, 1);
  }
}

function assertMinutes(minutes: number): void {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`business minutes must be a finite number of at least 0, got ${minutes}`);
  }
}

/** The instant by which `minutes` of open time have passed after `start`: the due time of a budget. */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date {
  assertMinutes(minutes);
  const startMs = start.getTime();
  let remainingMs = Math.round(minutes * MS_PER_MINUTE);
  if (hours.alwaysOpen || remainingMs === 0) return new Date(startMs + remainingMs);
  const periods = openPeriodsFrom(startMs, hours);
  for (;;) {
    const period = periods.next().value;
    const fromMs = Math.max(period.startMs, startMs);
    if (fromMs >= period.endMs) continue;
    // At most: a budget that runs out exactly at closing is due at closing, not at the next opening.
    if (remainingMs <= period.endMs - fromMs) return new Date(fromMs + remainingMs);
    remainingMs -= period.endMs - fromMs;
  }
}

/** Open time between two instants, in whole milliseconds; negative when `toMs` is before `fromMs`. */
export function businessMsBetween(fromMs: number, toMs: number, hours: BusinessHours): number {
  if (toMs < fromMs) return -businessMsBetween(toMs, fromMs, hours);
  if (hours.alwaysOpen || toMs === fromMs) return toMs - fromMs;
  let openMs = 0;
  const periods = openPeriodsFrom(fromMs, hours);
  for (;;) {
    const period = periods.next().value;
    if (period.startMs >= toMs) return openMs;
    openMs += Math.max(0, Math.min(period.endMs, toMs) - Math.max(period.startMs, fromMs));
  }
}
