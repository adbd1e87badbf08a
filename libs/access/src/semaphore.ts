/**
 * At most `slots` tasks at once; the rest wait their turn in order. Password hashing runs through
 * one, so a burst of logins queues instead of taking every core from the rest of the API.
 */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new Error(`a semaphore needs at least one slot, not ${slots}`);
  }

  /** Tasks running now and tasks waiting for a slot. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so `running` never drops below what is running.
      const next = this.waiting.shift();
      if (next === undefined) this.running--;
      else next();
    }
  }
}
