import type { LiveMention } from '@watchfloor/contracts';
import { emptyWall, lastMinutes, loadSnapshot, receiveMentions } from './wall-store';
import type { VolumeSnapshot, WallState } from './wall-store';

/** `refused`: the credential was revoked, expired or never valid; the wall must go dark. */
export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface LiveWallSnapshot {
  wall: WallState;
  connection: ConnectionState;
  /** When the wall last heard from the server, epoch ms: panels show how fresh they are. */
  lastEventAt: number | null;
  /** Why the server refused or ended this client's access. */
  refusal: string | null;
}

/**
 * Holds the wall's state outside React, so each event is applied exactly once, and tells React
 * at most once per animation frame however fast events arrive.
 */
export class LiveWallStore {
  private snapshot: LiveWallSnapshot = {
    wall: emptyWall(),
    connection: 'connecting',
    lastEventAt: null,
    refusal: null,
  };
  private readonly listeners = new Set<() => void>();
  private frameRequested = false;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveWallSnapshot => this.snapshot;

  setConnection(connection: Exclude<ConnectionState, 'refused'>): void {
    if (this.snapshot.connection === 'refused') return;
    this.update({ ...this.snapshot, connection });
  }

  /** Drops everything shown: nothing stays on a screen whose access has ended. */
  refuse(reason: string): void {
    this.update({ wall: emptyWall(), connection: 'refused', lastEventAt: null, refusal: reason });
  }

  loadSnapshot(recent: LiveMention[], volume: VolumeSnapshot[], fetchedAt: number): void {
    this.update({
      ...this.snapshot,
      wall: loadSnapshot(this.snapshot.wall, recent, volume, fetchedAt),
      lastEventAt: Date.now(),
    });
  }

  receive(mentions: LiveMention[]): void {
    const now = Date.now();
    this.update({ ...this.snapshot, wall: receiveMentions(this.snapshot.wall, mentions, now), lastEventAt: now });
  }

  /** Moves the chart's window on when nothing arrives. */
  tick(now: number): void {
    const byMinute = new Map(this.snapshot.wall.minutes.map((entry) => [entry.minute, entry]));
    this.update({ ...this.snapshot, wall: { ...this.snapshot.wall, minutes: lastMinutes(byMinute, now) } });
  }

  private update(next: LiveWallSnapshot): void {
    this.snapshot = next;
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      for (const listener of this.listeners) listener();
    });
  }
}
