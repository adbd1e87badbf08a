import type { TriageItemView, TriagePriority } from '@watchfloor/contracts';
import type { LivePublisherClient, PresenceStoreClient, TriageQueueClient } from '@watchfloor/messaging';
import type {
  NotificationRepository,
  PendingAlertGroup,
  TeamRepository,
  TriageRepository,
} from '@watchfloor/persistence';
import {
  TriageTransitionError,
  alertGroupKey,
  decideAlertFlush,
  hoursOrAroundTheClock,
  slaDueAt,
  startSla,
  transition,
} from '@watchfloor/rules';
import type { SlaClock } from '@watchfloor/rules';
import { alertNotesFor } from './alert-notes';

/** Items escalated at most this many times; after that the top tier owns it and the clock stops. */
export const MAX_ESCALATION_LEVEL = 3;
const BREACHES_PER_SWEEP = 500;
const SYSTEM = 'Watchfloor';

export interface TriageSweepDependencies {
  triage: TriageRepository;
  teams: TeamRepository;
  notifications: NotificationRepository;
  presence: PresenceStoreClient;
  queue: TriageQueueClient;
  live: LivePublisherClient;
  /** Grouped alerts on one channel and rule go out at most once per window. */
  alertWindowMs: number;
  /** An agent whose console has been gone this long has their in-progress items put back in the queue. */
  agentAwayMs: number;
}

/**
 * The triage clock, run every few seconds by whichever worker takes the job: escalates items whose
 * first-response SLA ran out, hands back items held by agents who went away, and sends the alerts
 * that gathered, one message per group.
 */
export class TriageSweep {
  constructor(private readonly deps: TriageSweepDependencies) {}

  async run(now = new Date()): Promise<{ escalated: number; released: number; alerts: number }> {
    const escalated = await this.escalateBreaches(now);
    const released = await this.releaseFromAbsent(now);
    const alerts = await this.flushAlerts(now);
    return { escalated, released, alerts };
  }

  private async escalateBreaches(now: Date): Promise<number> {
    const { triage, teams, notifications, live } = this.deps;
    const changed = await triage.transaction(async (db) => {
      const breached = await triage.lockBreached(now, BREACHES_PER_SWEEP, db);
      if (breached.length === 0) return [];
      const settings = new Map((await teams.settings(db)).map((team) => [team.id, team]));
      for (const item of breached) {
        const level = item.escalationLevel + 1;
        const teamId = item.escalateToTeamId ?? item.teamId;
        const priority = raised(item.priority);
        let status = item.status;
        try {
          status = transition(
            { status: item.status, assigneeId: item.assigneeId },
            { type: 'escalate' },
            SYSTEM,
          ).status;
        } catch (error) {
          if (!(error instanceof TriageTransitionError)) throw error;
        }
        const budget = (item.sla as SlaClock | null)?.budgetMinutes;
        const clock = budget === undefined || level >= MAX_ESCALATION_LEVEL ? null : startSla(now, budget);
        const hours = hoursOrAroundTheClock(settings.get(teamId)?.businessHours);
        await triage.update(
          item.id,
          {
            status,
            assigneeId: null,
            teamId,
            priority,
            escalationLevel: level,
            sla: clock,
            dueAt: clock === null ? null : (slaDueAt(clock, hours)?.toISOString() ?? null),
          },
          db,
        );
        await triage.addEvent(
          {
            itemId: item.id,
            actor: SYSTEM,
            actorId: null,
            kind: 'escalated',
            detail: {
              level,
              fromTeamId: item.teamId,
              toTeamId: teamId,
              priority,
              reason: 'first-response SLA breached',
            },
          },
          db,
        );
      }
      const views = await triage.views(
        breached.map((item) => item.id),
        db,
      );
      const notify = new Map(breached.map((item) => [item.id, item.notify]));
      await notifications.gather(
        views.flatMap((view) => alertNotesFor(view, notify.get(view.id) ?? [], 'sla-breach', now.toISOString())),
        db,
      );
      return views;
    });
    if (changed.length > 0) live.publishTriageItems(changed);
    return changed.length;
  }

  private async releaseFromAbsent(now: Date): Promise<number> {
    const { triage, presence, live, agentAwayMs } = this.deps;
    const away = await presence.away(await triage.holders(), agentAwayMs, now.getTime());
    const released: TriageItemView[] = [];
    for (const held of await triage.heldBy(away)) {
      const view = await triage.transaction(async (db) => {
        const item = await triage.lock(held.id, db);
        // Claimed again or moved on since it was read: not ours to hand back.
        if (item === null || item.assigneeId !== held.assigneeId || item.status !== 'in_progress') return null;
        const next = transition({ status: item.status, assigneeId: item.assigneeId }, { type: 'release' }, SYSTEM);
        await triage.update(item.id, { status: next.status, assigneeId: null }, db);
        await triage.addEvent(
          {
            itemId: item.id,
            actor: SYSTEM,
            actorId: null,
            kind: 'released',
            detail: { reason: 'the agent holding it went away', agentId: held.assigneeId },
          },
          db,
        );
        return triage.view(item.id, db);
      });
      if (view !== null) released.push(view);
    }
    if (released.length > 0) live.publishTriageItems(released);
    return released.length;
  }

  /**
   * Alerts due by the grouping rule are queued, one message per group, and the group starts over,
   * in one transaction. The message's job id is its group and sequence number: if the commit fails
   * after queuing, the next sweep queues the same id, which BullMQ refuses to add twice.
   */
  private async flushAlerts(now: Date): Promise<number> {
    const { triage, notifications, queue, alertWindowMs } = this.deps;
    return triage.transaction(async (db) => {
      const pending = await notifications.lockPending(db);
      const byKey = new Map(pending.map((group) => [keyOf(group), group]));
      const due = decideAlertFlush(
        pending.map((group) => ({
          key: keyOf(group),
          firstAt: group.firstAt,
          lastAt: group.lastAt,
          count: group.pending,
          lastSentAt: group.lastSentAt,
        })),
        now,
        alertWindowMs,
      );
      for (const key of due) {
        const group = byKey.get(key)!;
        // BullMQ job ids may not contain ":".
        await queue.sendAlert(`alert-${key.replaceAll(':', '-')}-${group.sent + 1}`, {
          channelId: group.channelId,
          kind: group.kind,
          ruleId: group.ruleId,
          ruleName: group.ruleName,
          teamName: group.teamName,
          priority: group.priority,
          count: group.pending,
          firstAt: group.firstAt,
          lastAt: group.lastAt,
          samples: group.samples,
        });
        await notifications.markSent(group, now, db);
      }
      return due.length;
    });
  }
}

function keyOf(group: PendingAlertGroup): string {
  return `${alertGroupKey(group.channelId, group.ruleId)}:${group.kind}`;
}

function raised(priority: TriagePriority): TriagePriority {
  const order: TriagePriority[] = ['P1', 'P2', 'P3', 'P4'];
  return order[Math.max(0, order.indexOf(priority) - 1)]!;
}
