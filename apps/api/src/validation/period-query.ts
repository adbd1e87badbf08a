import { z } from 'zod';

const DAY_MS = 86_400_000;
/** An ISO 8601 instant with a zone (Z or ±hh:mm), as a Date; the message names the field. */
export const isoInstant = (name: string) =>
  z.iso
    .datetime({ offset: true, message: `${name} is an ISO 8601 date and time with a zone, like 2025-11-01T00:00:00Z` })
    .transform((value) => new Date(value));

/** `?from&to`: both required ISO instants, from before to, at most `maxDays` apart (bounds the query). */
export function periodQuery(maxDays: number) {
  return z
    .object({ from: isoInstant('from'), to: isoInstant('to') })
    .refine((period) => period.from < period.to, { message: '`from` must be before `to`', path: ['to'] })
    .refine((period) => period.to.getTime() - period.from.getTime() <= maxDays * DAY_MS, {
      message: `a period spans at most ${maxDays} days`,
      path: ['to'],
    });
}
export type PeriodQuery = z.infer<ReturnType<typeof periodQuery>>;
