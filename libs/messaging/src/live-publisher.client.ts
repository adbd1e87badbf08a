import { Emitter } from '@socket.io/redis-emitter';
import type Redis from 'ioredis';
import { LiveEvent, LiveRoom, teamRoom, toLiveMention } from '@watchfloor/contracts';
import type { AnalysisEvent, ServerToClientEvents, TriageItemView, WallFrame } from '@watchfloor/contracts';
import type { StoredMention } from '@watchfloor/domain';

/** The Redis channel prefix shared by the API's socket.io adapter and every publisher. */
export function socketIoChannel(prefix: string): string {
  return `${prefix}:socket.io`;
}

/**
 * Workers never hold sockets: they publish through Redis, and every API instance's socket.io
 * Redis adapter delivers to its own connected clients.
 */
export class LivePublisherClient {
  private readonly emitter: Emitter<ServerToClientEvents>;

  constructor(redis: Redis, prefix: string) {
    this.emitter = new Emitter<ServerToClientEvents>(redis, { key: socketIoChannel(prefix) });
  }

  /**
   * One emit per batch, never per mention: the wall's cost grows with emits, not mentions. The
   * emitter publishes without waiting for Redis' answer; ioredis queues the command through a
   * reconnect, so the event is late rather than lost unless this process dies first.
   */
  publishMentions(mentions: StoredMention[]): Promise<void> {
    this.emitter.to(LiveRoom.Wall).emit(LiveEvent.Mentions, { mentions: mentions.map(toLiveMention) });
    return Promise.resolve();
  }

  /** What analysis learned from a stretch of the stream, to every screen at once. */
  publishAnalysis(event: AnalysisEvent): void {
    this.emitter.to(LiveRoom.Wall).emit(LiveEvent.Analysis, event);
  }

  /** A wall frame to the screens on the frame feed: a couple a second, whatever the mention rate. */
  publishWallFrame(frame: WallFrame): void {
    this.emitter.to(LiveRoom.WallFrames).emit(LiveEvent.WallFrame, frame);
  }

  /** Items to their own team's consoles (and admins'), one emit per team: no team sees another's items. */
  publishTriageItems(items: readonly TriageItemView[]): void {
    const byTeam = new Map<string, TriageItemView[]>();
    for (const item of items) byTeam.set(item.teamId, [...(byTeam.get(item.teamId) ?? []), item]);
    for (const [teamId, ofTeam] of byTeam) {
      this.emitter.to([teamRoom(teamId), LiveRoom.TriageAll]).emit(LiveEvent.TriageItems, { items: ofTeam });
    }
  }
}
