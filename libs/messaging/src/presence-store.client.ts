import type Redis from 'ioredis';
import type { PresenceEntry } from '@watchfloor/contracts';

/** Entries not refreshed for this long are gone: their API instance died without saying so. */
export const PRESENCE_STALE_MS = 90_000;

/**
 * Who is at which triage item, and when each console user was last connected, in Redis so every
 * API instance (and the worker's SLA clock) sees the same picture. Each API instance refreshes its
 * own sockets' entries; readers ignore stale ones.
 */
export class PresenceStoreClient {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async enter(itemId: string, entry: PresenceEntry, now = Date.now()): Promise<void> {
    await this.redis
      .multi()
      .hset(this.itemKey(itemId), entry.userId, JSON.stringify({ ...entry, at: now }))
      .pexpire(this.itemKey(itemId), PRESENCE_STALE_MS * 2)
      .exec();
  }

  async leave(itemId: string, userId: string): Promise<void> {
    await this.redis.hdel(this.itemKey(itemId), userId);
  }

  async at(itemId: string, now = Date.now()): Promise<PresenceEntry[]> {
    const entries = await this.redis.hgetall(this.itemKey(itemId));
    return Object.values(entries)
      .map((json) => JSON.parse(json) as PresenceEntry & { at: number })
      .filter((entry) => now - entry.at < PRESENCE_STALE_MS)
      .map(({ userId, name, activity }) => ({ userId, name, activity }));
  }

  /** Console users still connected, refreshed by their API instance. */
  async touchUsers(userIds: readonly string[], now = Date.now()): Promise<void> {
    if (userIds.length === 0) return;
    await this.redis.zadd(this.usersKey(), ...userIds.flatMap((id) => [now, id]));
  }

  /**
   * Of these users, the ones whose console has been gone for `awayMs`. Someone never seen on a
   * console (working through the API alone) is not counted as away.
   */
  async away(userIds: readonly string[], awayMs: number, now = Date.now()): Promise<string[]> {
    if (userIds.length === 0) return [];
    const scores = await this.redis.zmscore(this.usersKey(), ...userIds);
    return userIds.filter((_, index) => {
      const seen = scores[index];
      return seen !== null && seen !== undefined && now - Number(seen) >= awayMs;
    });
  }

  private itemKey(itemId: string): string {
    return `${this.prefix}:presence:item:${itemId}`;
  }

  private usersKey(): string {
    return `${this.prefix}:presence:users`;
  }
}
