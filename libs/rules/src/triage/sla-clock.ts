import { addBusinessMinutes, businessMsBetween } from './business-hours';
import type { BusinessHours } from './business-hours';

/**
 * A first-response SLA clock as plain data, stored with the item. It counts only open business time,
 * and stops counting while paused (waiting on the customer). Every change returns a new clock.
 *
 * Its due time (`slaDueAt`) is `budgetMinutes` of open time after `startedAt`, plus
 * `pausedBusinessMinutes`. Open time alone is summed, so a pause over a weekend costs nothing and
 * gives nothing back; only the open time it covered is handed back. An item is breached once its
 * stored due time has passed: a budget that runs out at Friday's closing is due then, not on Monday.
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
