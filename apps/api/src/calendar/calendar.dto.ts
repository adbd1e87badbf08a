import { z } from 'zod';
import { CALENDAR_EVENT_KINDS } from '@watchfloor/contracts';
import { isoInstant, periodQuery } from '../validation/period-query';

/** A wall asks for its chart's window; a year and a bit covers every report period too. */
export const calendarQuery = periodQuery(400);

export const calendarEventBody = z
  .object({
    title: z
      .string({ message: 'a title is required' })
      .trim()
      .min(1, 'a title is required')
      .max(200, 'a title is at most 200 characters'),
    kind: z.enum(CALENDAR_EVENT_KINDS, { message: `kind is one of: ${CALENDAR_EVENT_KINDS.join(', ')}` }),
    startsAt: isoInstant('startsAt'),
    endsAt: isoInstant('endsAt').nullable().default(null),
    notes: z.string().trim().max(2_000, 'notes are at most 2000 characters').default(''),
  })
  .strict()
  .refine((event) => event.endsAt === null || event.endsAt >= event.startsAt, {
    message: 'endsAt must not be before startsAt',
    path: ['endsAt'],
  });
export type CalendarEventBody = z.infer<typeof calendarEventBody>;
