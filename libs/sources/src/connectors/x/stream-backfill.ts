/** X replays at most this much of what a disconnected client missed (`backfill_minutes`, 1–5). */
export const MAX_BACKFILL_MINUTES = 5;

/**
 * How much to ask X to replay on a reconnect: the minutes since the stream last said something
 * (a post or a heartbeat), rounded up and bounded to what X offers. Undefined when nothing was
 * ever received: there is no gap to recover.
 */
export function backfillMinutes(lastSignalAt: number | undefined, now = Date.now()): number | undefined {
  if (lastSignalAt === undefined || Number.isNaN(lastSignalAt)) return undefined;
  const minutes = Math.ceil((now - lastSignalAt) / 60_000);
  return Math.min(MAX_BACKFILL_MINUTES, Math.max(1, minutes));
}
