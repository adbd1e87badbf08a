import { addBusinessMinutes, businessMsBetween } from './business-hours';
import type { BusinessHours } from './business-hours';

/**
 * A first-response SLA clock as plain data, stored with the item. It counts only open business time,
 * and stops counting while paused (waiting on the customer). Every change returns a new clock.
 *
 * Budget used at an instant = open time from `startedAt` to that instant (or to `pausedAt`, while
 * paused) minus `pausedBusinessMinutes`. Open time alone is summed, so a pause over a weekend costs
 * nothing and gives nothing back; only the open time it covered is handed back.
 */
export interface SlaClock {
  /** When the clock started (ISO 8601, UTC). */
  readonly startedAt: string;
  readonly budgetMinutes: number;
  /** Set while paused (waiting on the customer); the clock does not run. */
  readonly pausedAt: string | null;
  /** Open business minutes spent in pauses that have ended: they do not count against the budget. */
  readonly pausedBusinessMinutes: number;
}

const MS_PER_MINUTE = 60 * 1000;

export function startSla(at: Date, budgetMinutes: number): SlaClock {
  if (!Number.isFinite(budgetMinutes) || budgetMinutes <= 0) {
    throw new RangeError(`an SLA budget is a positive number of minutes, got ${budgetMinutes}`);
  }
  return { startedAt: at.toISOString(), budgetMinutes, pausedAt: null, pausedBusinessMinutes: 0 };
}

/** Stops the clock (waiting on the customer). Pausing a paused clock changes nothing, so replays are harmless. */
export function pauseSla(clock: SlaClock, at: Date): SlaClock {
  if (clock.pausedAt !== null) return clock;
  const pausedAtMs = Math.max(at.getTime(), Date.parse(clock.startedAt));
  return { ...clock, pausedAt: new Date(pausedAtMs).toISOString() };
}

/** Restarts the clock; the open time the pause covered is added to the time it may not count. */
export function resumeSla(clock: SlaClock, at: Date, hours: BusinessHours): SlaClock {
  if (clock.pausedAt === null) return clock;
  // Clamped: a resume stamped before its pause (clock skew between servers) hands back nothing rather than taking time.
  const pausedMs = Math.max(0, businessMsBetween(Date.parse(clock.pausedAt), at.getTime(), hours));
  return {
    ...clock,
    pausedAt: null,
    pausedBusinessMinutes: clock.pausedBusinessMinutes + pausedMs / MS_PER_MINUTE,
  };
}

/** When the budget runs out if nothing pauses the clock again; null while paused, as no due time can be told. */
export function slaDueAt(clock: SlaClock, hours: BusinessHours): Date | null {
  if (clock.pausedAt !== null) return null;
  return addBusinessMinutes(new Date(clock.startedAt), clock.budgetMinutes + clock.pausedBusinessMinutes, hours);
}

function usedMs(clock: SlaClock, at: Date, hours: BusinessHours): number {
  const startedAtMs = Date.parse(clock.startedAt);
  const untilMs = clock.pausedAt === null ? at.getTime() : Math.min(at.getTime(), Date.parse(clock.pausedAt));
  const openMs = Math.max(0, businessMsBetween(startedAtMs, untilMs, hours));
  return openMs - Math.round(clock.pausedBusinessMinutes * MS_PER_MINUTE);
}

/** Business minutes left at `at`: negative once overdue, by how much; frozen while paused. */
export function slaRemainingMinutes(clock: SlaClock, at: Date, hours: BusinessHours): number {
  return (Math.round(clock.budgetMinutes * MS_PER_MINUTE) - usedMs(clock, at, hours)) / MS_PER_MINUTE;
}

/**
 * Breached from the due time on, not after it: a budget that runs out at Friday's closing would
 * otherwise look kept all weekend, as no open time passes until Monday.
 */
export function isBreached(clock: SlaClock, at: Date, hours: BusinessHours): boolean {
  return slaRemainingMinutes(clock, at, hours) <= 0;
}
