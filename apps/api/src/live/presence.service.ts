import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { Permission, hasPermission } from '@watchfloor/access';
import type { Principal } from '@watchfloor/access';
import type { AppConfig } from '@watchfloor/config';
import type { PresenceEntry, PresenceUpdate } from '@watchfloor/contracts';
import { PresenceStoreClient } from '@watchfloor/messaging';
import { APP_CONFIG, REDIS } from '@watchfloor/nest-runtime';
import { TriageRepository } from '@watchfloor/persistence';
import { mayWorkOnTeam } from '../triage/triage-scope';

const ITEM_ID = /^[1-9][0-9]{0,17}$/;

/** Who is at which item: checked against the item's team, kept in Redis for every API instance. */
@Injectable()
export class PresenceService {
  private readonly store: PresenceStoreClient;

  constructor(
    private readonly triage: TriageRepository,
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.store = new PresenceStoreClient(redis, config.redisPrefix);
  }

  /** The update, if it is well formed and the principal may be seen at that item; else null. */
  async accept(
    principal: Principal,
    update: unknown,
  ): Promise<{ itemId: string | null; teamId: string | null; entry: PresenceEntry } | null> {
    if (principal.kind !== 'user' || !hasPermission(principal, Permission.UseConsole)) return null;
    if (typeof update !== 'object' || update === null) return null;
    const { itemId, activity } = update as Partial<PresenceUpdate>;
    if (activity !== 'viewing' && activity !== 'replying') return null;
    const entry = { userId: principal.userId, name: principal.displayName, activity };
    if (itemId === null) return { itemId: null, teamId: null, entry };
    if (typeof itemId !== 'string' || !ITEM_ID.test(itemId)) return null;
    const teamId = await this.triage.teamOf(itemId);
    if (teamId === null) return null;
    return mayWorkOnTeam(principal, teamId) ? { itemId, teamId, entry } : null;
  }

  async enter(itemId: string, entry: PresenceEntry): Promise<PresenceEntry[]> {
    await this.store.enter(itemId, entry);
    return this.store.at(itemId);
  }

  async leave(itemId: string, userId: string): Promise<PresenceEntry[]> {
    await this.store.leave(itemId, userId);
    return this.store.at(itemId);
  }

  /** Keeps this instance's sockets present (entries expire otherwise) and their people counted as connected. */
  async refresh(at: { itemId: string; entry: PresenceEntry }[], userIds: string[]): Promise<void> {
    await Promise.all([
      ...at.map(({ itemId, entry }) => this.store.enter(itemId, entry)),
      this.store.touchUsers(userIds),
    ]);
  }
}
