/**
 * The ids seen most recently, at most `capacity` of them: enough to drop what a backfill, a
 * rewound cursor or a catch-up delivers again, without growing for as long as a stream runs.
 */
export class RecentIds {
  // A Set iterates in insertion order, so its first entry is always the oldest.
  private readonly ids = new Set<string>();

  constructor(
    private readonly capacity: number,
    initial: readonly string[] = [],
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new Error(`capacity must be a positive integer, not ${capacity}`);
    }
    for (const id of initial) this.add(id);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Adds an id, or makes it the newest again. */
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

  get size(): number {
    return this.ids.size;
  }
}
