import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Permission, ROLE_PERMISSIONS, actorOf } from '@watchfloor/access';
import type { Principal, UserPrincipal } from '@watchfloor/access';
import type { TriageEventView, TriageItemView, TriageStatus } from '@watchfloor/contracts';
import { LivePublisherClient } from '@watchfloor/messaging';
import { AuditRepository, TeamRepository, TriageRepository, UserRepository } from '@watchfloor/persistence';
import type { Queryable, TriageFilter, TriageItemPatch, TriageItemState } from '@watchfloor/persistence';
import {
  OPEN_STATUSES,
  TriageTransitionError,
  hoursOrAroundTheClock,
  pauseSla,
  resumeSla,
  slaDueAt,
  transition,
} from '@watchfloor/rules';
import type { SlaClock, TriageAction, TriageTransition } from '@watchfloor/rules';
import { SentimentModel } from '@watchfloor/nest-runtime';
import { mayWorkOnTeam, teamScopeOf } from './triage-scope';

export type PersonAction = Extract<
  TriageAction['type'],
  'wait' | 'customerReplied' | 'resolve' | 'reopen' | 'markSpam'
>;

/** One change to an item, decided under its row lock: the item's new state and what to record. */
interface Change {
  patch: TriageItemPatch;
  event?: { kind: TriageEventView['kind']; detail?: Record<string, unknown> };
}

/** A change the workflow decided, with what it says about the SLA clock. */
type WorkflowChange = Change & { flags: TriageTransition };

/**
 * Team inboxes: who may see and change which items, the workflow applied under a row lock (two
 * people acting at once are served one after the other), the SLA clock paused and resumed with
 * it, and every change pushed live to the item's team.
 */
@Injectable()
export class TriageService {
  constructor(
    private readonly triage: TriageRepository,
    private readonly teams: TeamRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly live: LivePublisherClient,
    /** Explains items with the model that scores new mentions: the bundled one with the active adaptation. */
    private readonly sentiment: SentimentModel,
  ) {}

  async list(
    principal: Principal,
    query: {
      teamId?: string;
      status?: TriageStatus | 'open';
      priority?: TriageFilter['priority'];
      assignee?: string;
      limit: number;
    },
  ): Promise<TriageItemView[]> {
    const scope = teamScopeOf(principal);
    let teamIds = scope;
    if (query.teamId !== undefined) {
      if (!mayWorkOnTeam(principal, query.teamId)) throw new NotFoundException(`No team ${query.teamId} of yours`);
      teamIds = [query.teamId];
    }
    const assignee = query.assignee === 'me' && principal.kind === 'user' ? principal.userId : query.assignee;
    const items = await this.triage.list({
      teamIds,
      statuses: query.status === undefined || query.status === 'open' ? OPEN_STATUSES : [query.status],
      ...(query.priority !== undefined && { priority: query.priority }),
      ...(assignee !== undefined && { assignee }),
      limit: query.limit,
    });
    return items.map((item) => this.explained(item));
  }

  async find(id: string, principal: Principal): Promise<TriageItemView> {
    const item = await this.triage.view(id);
    if (item === null || !mayWorkOnTeam(principal, item.teamId)) throw new NotFoundException(`No item ${id}`);
    return this.explained(item);
  }

  events(id: string): Promise<TriageEventView[]> {
    return this.triage.events(id);
  }

  claim(id: string, by: UserPrincipal): Promise<TriageItemView> {
    return this.change(id, by, async (item, db) => {
      const change = await this.workflow(item, { type: 'claim' }, by, 'claimed', db);
      await this.checkCapacity(by.userId, item.teamId, db, 'you hold');
      return change;
    });
  }

  release(id: string, by: UserPrincipal): Promise<TriageItemView> {
    return this.change(id, by, (item, db) => this.workflow(item, { type: 'release' }, by, 'released', db));
  }

  assign(id: string, userId: string, by: UserPrincipal): Promise<TriageItemView> {
    return this.change(id, by, async (item, db) => {
      const assignee = await this.users.findById(userId, db);
      if (assignee === null || assignee.disabled || !assignee.teamIds.includes(item.teamId)) {
        throw new ConflictException(`That person is not an active member of the item's team`);
      }
      if (!ROLE_PERMISSIONS[assignee.role].includes(Permission.WorkTriage)) {
        throw new ConflictException(`${assignee.displayName} (${assignee.role}) cannot work items`);
      }
      await this.checkCapacity(userId, item.teamId, db, 'they hold');
      return this.workflow(item, { type: 'assign', userId }, by, 'assigned', db, { userId });
    });
  }

  act(id: string, action: PersonAction, by: UserPrincipal): Promise<TriageItemView> {
    return this.change(id, by, async (item, db) =>
      this.withSla(item, db, await this.workflow(item, { type: action }, by, 'status', db)),
    );
  }

  /** A reply went out (queued for the platform): the first response, if it is one, is recorded. */
  async respond(id: string, by: UserPrincipal, db: Queryable): Promise<Change> {
    const item = await this.triage.lock(id, db);
    if (item === null || !mayWorkOnTeam(by, item.teamId)) throw new NotFoundException(`No item ${id}`);
    const change = await this.workflow(item, { type: 'respond' }, by, 'status', db);
    if (item.firstResponseAt === null) {
      change.patch.firstResponseAt = new Date().toISOString();
      change.patch.firstResponderId = by.userId;
      change.patch.dueAt = null;
    }
    return change;
  }

  async note(id: string, text: string, by: UserPrincipal): Promise<TriageEventView> {
    await this.find(id, by);
    return this.triage.addEvent({
      itemId: id,
      actor: by.displayName,
      actorId: by.userId,
      kind: 'note',
      detail: { text },
    });
  }

  setTags(id: string, tags: string[], by: UserPrincipal): Promise<TriageItemView> {
    return this.change(id, by, () =>
      Promise.resolve({ patch: { tags: [...new Set(tags)] }, event: { kind: 'tags' as const, detail: { tags } } }),
    );
  }

  correct(
    id: string,
    correction: { sentiment?: 'positive' | 'neutral' | 'negative'; notRelevant?: boolean },
    by: UserPrincipal,
  ): Promise<TriageItemView> {
    return this.change(id, by, () =>
      Promise.resolve({
        patch: {
          ...(correction.sentiment !== undefined && { correctedSentiment: correction.sentiment }),
          ...(correction.notRelevant !== undefined && { notRelevant: correction.notRelevant }),
        },
        event: { kind: 'correction' as const, detail: correction },
      }),
    );
  }

  /** Resolves or marks spam many items at once; items that cannot move (or are not yours to move) are skipped. */
  async bulk(
    ids: string[],
    action: 'resolve' | 'markSpam',
    by: UserPrincipal,
  ): Promise<{ updated: number; skipped: number }> {
    const changed = await this.audit.audited(async (db, audit) => {
      const done: string[] = [];
      for (const id of [...new Set(ids)].sort()) {
        const item = await this.triage.lock(id, db);
        if (item === null || !mayWorkOnTeam(by, item.teamId)) continue;
        const next = this.tryTransition(item, { type: action }, by);
        if (next === null) continue;
        await this.apply(id, await this.withSla(item, db, this.changeOf(next, { type: action }, 'status')), by, db);
        done.push(id);
      }
      await audit({
        actor: actorOf(by),
        action: action === 'resolve' ? 'triage.bulk_resolved' : 'triage.bulk_spam',
        target: { type: 'triage-items', id: null },
        before: null,
        after: { items: done },
      });
      return done;
    });
    this.live.publishTriageItems(await this.triage.views(changed));
    return { updated: changed.length, skipped: ids.length - changed.length };
  }

  /** Applies `decide` to the locked item, records it, and pushes the result to the item's team. */
  async change(
    id: string,
    by: UserPrincipal,
    decide: (item: TriageItemState, db: Queryable) => Promise<Change>,
  ): Promise<TriageItemView> {
    const view = await this.triage.transaction(async (db) => {
      const item = await this.triage.lock(id, db);
      if (item === null || !mayWorkOnTeam(by, item.teamId)) throw new NotFoundException(`No item ${id}`);
      await this.apply(id, await decide(item, db), by, db);
      return (await this.triage.view(id, db))!;
    });
    this.live.publishTriageItems([view]);
    return this.explained(view);
  }

  private async apply(id: string, change: Change, by: UserPrincipal, db: Queryable): Promise<void> {
    await this.triage.update(id, change.patch, db);
    if (change.event !== undefined) {
      await this.triage.addEvent({ itemId: id, actor: by.displayName, actorId: by.userId, ...change.event }, db);
    }
  }

  /** The workflow's answer as a change, or a 409 that names the holder when someone else has the item. */
  private async workflow(
    item: TriageItemState,
    action: TriageAction,
    by: UserPrincipal,
    kind: TriageEventView['kind'],
    db: Queryable,
    detail: Record<string, unknown> = {},
  ): Promise<WorkflowChange> {
    try {
      return this.changeOf(transition(item, action, by.userId), action, kind, detail);
    } catch (error) {
      if (!(error instanceof TriageTransitionError)) throw error;
      if (error.reason === 'held_by_someone_else' && item.assigneeId !== null) {
        const holder = await this.users.findById(item.assigneeId, db);
        throw new ConflictException(`Held by ${holder?.displayName ?? 'someone else'}`);
      }
      throw new ConflictException(error.message);
    }
  }

  /** Null when the workflow refuses: bulk actions skip such items. */
  private tryTransition(item: TriageItemState, action: TriageAction, by: UserPrincipal): TriageTransition | null {
    try {
      return transition(item, action, by.userId);
    } catch (error) {
      if (error instanceof TriageTransitionError) return null;
      throw error;
    }
  }

  private changeOf(
    next: TriageTransition,
    action: TriageAction,
    kind: TriageEventView['kind'],
    detail: Record<string, unknown> = {},
  ): WorkflowChange {
    const patch: TriageItemPatch = { status: next.status, assigneeId: next.assigneeId };
    if (next.resolved === true) patch.resolvedAt = new Date().toISOString();
    if (action.type === 'reopen') patch.resolvedAt = null;
    return { patch, event: { kind, detail: { action: action.type, status: next.status, ...detail } }, flags: next };
  }

  /** Stops or restarts the SLA clock as the workflow said, in the team's business hours. */
  private async withSla(item: TriageItemState, db: Queryable, change: WorkflowChange): Promise<Change> {
    const clock = item.sla as SlaClock | null;
    if (clock === null || item.firstResponseAt !== null) return change;
    const now = new Date();
    if (change.flags.pauseSla === true) {
      change.patch.sla = pauseSla(clock, now);
      change.patch.dueAt = null;
    } else if (change.flags.resumeSla === true) {
      const hours = hoursOrAroundTheClock((await this.teams.settingsOf(item.teamId, db))?.businessHours);
      const resumed = resumeSla(clock, now, hours);
      change.patch.sla = resumed;
      change.patch.dueAt = slaDueAt(resumed, hours)?.toISOString() ?? null;
    }
    return change;
  }

  private async checkCapacity(userId: string, teamId: string, db: Queryable, who: string): Promise<void> {
    const capacity = (await this.teams.settingsOf(teamId, db))?.capacityPerAgent ?? Number.POSITIVE_INFINITY;
    const open = await this.triage.openCountOf(userId, db);
    if (open >= capacity) {
      throw new ConflictException(`At capacity: ${who} ${open} open items and the team's limit is ${capacity}`);
    }
  }

  /** The analysis explanation is recomputed on reading (deterministic, microseconds) rather than stored per mention. */
  private explained(item: TriageItemView): TriageItemView {
    const reading = this.sentiment.models.score(item.mention.text, item.mention.lang ?? undefined);
    return { ...item, mention: { ...item.mention, explanation: reading.explanation } };
  }
}
