import { Emitter } from '@socket.io/redis-emitter';
import type Redis from 'ioredis';
import { LiveEvent, LiveRoom } from '@watchfloor/contracts';
import type { AnalysisEvent, LiveMention, ServerToClientEvents } from '@watchfloor/contracts';
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
}

export function toLiveMention(mention: StoredMention): LiveMention {
  return {
    id: mention.id,
    platform: mention.platform,
    externalId: mention.externalId,
    url: mention.url,
    text: mention.text,
    createdAt: mention.createdAt,
    author: mention.author,
    sentiment: mention.sentiment,
    queryIds: mention.queryIds,
    ingestedAt: mention.ingestedAt,
  };
}
