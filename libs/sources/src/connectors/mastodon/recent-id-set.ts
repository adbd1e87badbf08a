/**
 * The ids seen most recently, at most `capacity` of them: enough to drop what a catch-up and the
 * live stream both deliver, without growing for as long as the stream runs.
 */
export class RecentIdSet {
  // A Set iterates in insertion order, so its first entry is always the oldest.
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`capacity must be a positive integer, not ${capacity}`);
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

  get size(): number {
    return this.ids.size;
  }
}
