import type { LiveMention } from '@watchfloor/contracts';
import { emptyWall, lastMinutes, loadSnapshot, receiveMentions } from './mention-stream';
import type { VolumeSnapshot, WallState } from './mention-stream';

import type { ConnectionState } from '../wall/wall-feed-store';

export interface LiveWallSnapshot {
  wall: WallState;
  connection: ConnectionState;
  /** When the wall last heard from the server, epoch ms: panels show how fresh they are. */
  lastEventAt: number | null;
  /** Why the server refused or ended this client's access. */
  refusal: string | null;
}

/**
 * The console's stream of every mention (the wall takes frames instead). Holds its state outside React, so each event is applied exactly once, and tells React
 * at most once per animation frame however fast events arrive.
 */
export class MentionStreamStore {
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
