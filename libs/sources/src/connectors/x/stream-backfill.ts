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

/**
 * The ids of the latest posts delivered, oldest first, bounded: a backfill replays posts already
 * delivered along with those missed, and these let the replayed ones be dropped.
 */
export class RecentPostIds {
  // A Set keeps insertion order: its first entry is the oldest, evicted first.
  private readonly ids = new Set<string>();

  constructor(
    private readonly capacity: number,
    initial: readonly string[] = [],
  ) {
    for (const id of initial) this.add(id);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    while (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next();
      if (oldest.done === true) break;
      this.ids.delete(oldest.value);
    }
  }

  /** The newest `count` ids, oldest first (as the constructor takes them back). */
  newest(count: number): string[] {
    const all = [...this.ids];
    return count >= all.length ? all : all.slice(all.length - count);
  }
}
