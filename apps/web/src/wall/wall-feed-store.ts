import type { WallFrame, WallState } from '@watchfloor/contracts';
import { WallFollower, emptyWallState } from '@watchfloor/wall';
import type { FollowerStats, WallFeedSource } from '@watchfloor/wall';

/** `refused`: the credential was revoked, expired or never valid; the wall must go dark. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface WallFeedSnapshot {
  wall: WallState;
  connection: ConnectionState;
  /** Why the server refused or ended this screen's access. */
  refusal: string | null;
  stats: FollowerStats;
}

/**
 * Holds the wall's frame-ordered state outside React, so each frame is applied exactly once,
 * and tells React at most once per animation frame however fast frames arrive.
 */
export class WallFeedStore {
  private readonly follower: WallFollower;
  private snapshot: WallFeedSnapshot = {
    wall: emptyWallState(),
    connection: 'connecting',
    refusal: null,
    stats: { applied: 0, repeats: 0, gaps: 0, resets: 0 },
  };
  private readonly listeners = new Set<() => void>();
  private frameRequested = false;

  constructor(source: WallFeedSource) {
    this.follower = new WallFollower(source, (wall) => {
      if (this.snapshot.connection !== 'refused') this.update({ wall });
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): WallFeedSnapshot => this.snapshot;

  /** Catches up from the last applied frame (or a snapshot); rejects if the API could not be read. */
  async resume(): Promise<void> {
    await this.follower.resume();
    this.update({});
  }

  receive(frame: WallFrame): void {
    if (this.snapshot.connection === 'refused') return;
    this.follower.receive(frame);
    // A repeat or a gap changes the counts without changing the state.
    this.update({});
  }

  setConnection(connection: Exclude<ConnectionState, 'refused'>): void {
    if (this.snapshot.connection === 'refused' || this.snapshot.connection === connection) return;
    this.update({ connection });
  }

  /** Drops everything shown: nothing stays on a screen whose access has ended. */
  refuse(reason: string): void {
    this.update({ connection: 'refused', refusal: reason });
    this.follower.clear();
    this.update({ wall: this.follower.state });
  }

  private update(change: Partial<WallFeedSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change, stats: { ...this.follower.stats } };
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      for (const listener of this.listeners) listener();
    });
  }
}
