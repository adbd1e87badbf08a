import type { BusinessHours } from './business-hours';

/** A team that set no business hours works around the clock: its SLA clocks never stop for the night. */
export const AROUND_THE_CLOCK: BusinessHours = { timeZone: 'UTC', alwaysOpen: true, days: {} };

export function hoursOrAroundTheClock(hours: BusinessHours | null | undefined): BusinessHours {
  return hours ?? AROUND_THE_CLOCK;
}
