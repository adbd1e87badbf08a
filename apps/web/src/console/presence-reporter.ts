import type { PresenceUpdate } from '@watchfloor/contracts';

/**
 * While typing, "replying" is said again at most this often: each one is a Redis write and a
 * broadcast to the team, and the server keeps an entry alive by itself (it re-writes it every 30 s).
 */
export const REPLYING_THROTTLE_MS = 5_000;
/** After this long without a keystroke one is back to "viewing". */
export const REPLYING_IDLE_MS = 10_000;

/**
 * Tells the server where this person is: the item open, and whether they are writing a reply.
 * It says only what changed (and "replying" throttled), and says it all again after a reconnect.
 */
export class PresenceReporter {
  private itemId: string | null = null;
  private activity: PresenceUpdate['activity'] = 'viewing';
  private lastReplyingAt = -Infinity;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private emit: ((update: PresenceUpdate) => void) | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** The live connection to speak through; null while there is none. */
  connect(emit: ((update: PresenceUpdate) => void) | null): void {
    this.emit = emit;
  }

  /** An item opened (or none): "viewing" it. */
  open(itemId: string | null): void {
    if (itemId === this.itemId) return;
    this.stopReplying();
    this.itemId = itemId;
    this.say();
  }

  /** A keystroke in the reply box. */
  typing(): void {
    if (this.itemId === null) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.stopReplying();
      this.say();
    }, REPLYING_IDLE_MS);
    const now = this.now();
    if (this.activity === 'replying' && now - this.lastReplyingAt < REPLYING_THROTTLE_MS) return;
    this.activity = 'replying';
    this.lastReplyingAt = now;
    this.say();
  }

  /** Says it all again: the server forgets a socket's presence when it drops. */
  resend(): void {
    if (this.itemId !== null) this.say();
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
  }

  private stopReplying(): void {
    clearTimeout(this.idleTimer);
    this.activity = 'viewing';
    this.lastReplyingAt = -Infinity;
  }

  private say(): void {
    this.emit?.({ itemId: this.itemId, activity: this.activity });
  }
}
