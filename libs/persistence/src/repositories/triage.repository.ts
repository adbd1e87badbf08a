import type { DataSource } from 'typeorm';
import type {
  TriageEventView,
  TriageItemView,
  TriagePriority,
  TriageReason,
  TriageStatus,
} from '@watchfloor/contracts';
import { OPEN_STATUSES } from '@watchfloor/rules';
import type { Queryable } from '../data-source';
import { changedRows } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';
import { INBOX_ORDER, SELECT_ITEM_VIEW, toItemView } from './triage-item-view';
import type { ItemViewRow } from './triage-item-view';

/** A mention a rule flagged, as the pipeline files it. */
export interface NewTriageItem {
  mentionId: string;
  teamId: string;
  priority: TriagePriority;
  assigneeId: string | null;
  ruleId: string;
  ruleName: string;
  ruleVersion: number;
  reasons: readonly TriageReason[];
  notify: readonly string[];
  escalateToTeamId: string | null;
  /** The SLA clock (see @watchfloor/rules), or null without an SLA. */
  sla: unknown;
  dueAt: string | null;
  createdAt: string;
}

/** What a change needs to know of an item; read with a row lock. */
export interface TriageItemState {
  id: string;
  status: TriageStatus;
  priority: TriagePriority;
  teamId: string;
  assigneeId: string | null;
  sla: unknown;
  dueAt: string | null;
  escalationLevel: number;
  escalateToTeamId: string | null;
  firstResponseAt: string | null;
  notify: string[];
  ruleId: string;
  ruleName: string;
  version: number;
}

export interface TriageItemPatch {
  status?: TriageStatus;
  priority?: TriagePriority;
  teamId?: string;
  assigneeId?: string | null;
  sla?: unknown;
  dueAt?: string | null;
  escalationLevel?: number;
  firstResponseAt?: string;
  firstResponderId?: string;
  resolvedAt?: string | null;
  tags?: string[];
  correctedSentiment?: string | null;
  notRelevant?: boolean;
}

export interface TriageFilter {
  /** Null: every team (admins). */
  teamIds: readonly string[] | null;
  statuses: readonly TriageStatus[];
  priority?: TriagePriority;
  /** A user id, or 'unassigned'. */
  assignee?: string;
  limit: number;
}

export interface TriageEventInput {
  itemId: string;
  actor: string;
  actorId: string | null;
  kind: TriageEventView['kind'];
  detail?: Record<string, unknown>;
}

/** What a change reads of an item (see TriageItemState). */
const SELECT_STATE = `
  SELECT id, status, priority, team_id, assignee_id, sla, due_at, escalation_level, escalate_to_team_id,
         first_response_at, notify, rule_id, rule_name, version
  FROM triage_item`;

const PATCH_COLUMNS: Record<keyof TriageItemPatch, string> = {
  status: 'status',
  priority: 'priority',
  teamId: 'team_id',
  assigneeId: 'assignee_id',
  sla: 'sla',
  dueAt: 'due_at',
  escalationLevel: 'escalation_level',
  firstResponseAt: 'first_response_at',
  firstResponderId: 'first_responder_id',
  resolvedAt: 'resolved_at',
  tags: 'tags',
  correctedSentiment: 'corrected_sentiment',
  notRelevant: 'not_relevant',
};

/** Flagged items in team inboxes, and their history. */
export class TriageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: lock an item, decide, update, record, all or nothing. */
  transaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(manager));
  }

  /** Files flagged mentions; a mention is filed once whatever the replays. Returns the new items. */
  async createItems(items: readonly NewTriageItem[], db: Queryable): Promise<{ id: string; mentionId: string }[]> {
    if (items.length === 0) return [];
    const created = await db.query<{ id: string; mention_id: string }[]>(
      `INSERT INTO triage_item (mention_id, team_id, priority, assignee_id, rule_id, rule_name, rule_version, reasons,
                                notify, escalate_to_team_id, sla, due_at, created_at)
       SELECT x.mention_id, x.team_id, x.priority, x.assignee_id, x.rule_id, x.rule_name, x.rule_version, x.reasons,
              x.notify, x.escalate_to_team_id, x.sla, x.due_at, x.created_at
       FROM jsonb_to_recordset($1::jsonb) AS x(mention_id bigint, team_id uuid, priority text, assignee_id uuid,
            rule_id text, rule_name text, rule_version integer, reasons jsonb, notify text[],
            escalate_to_team_id uuid, sla jsonb, due_at timestamptz, created_at timestamptz)
       -- Rules are checked against teams when saved; a team gone since must not fail the round forever.
       WHERE EXISTS (SELECT 1 FROM team t WHERE t.id = x.team_id)
       ON CONFLICT (mention_id) DO NOTHING
       RETURNING id, mention_id`,
      [
        toJsonbParameter(
          items.map((item) => ({
            mention_id: item.mentionId,
            team_id: item.teamId,
            priority: item.priority,
            assignee_id: item.assigneeId,
            rule_id: item.ruleId,
            rule_name: item.ruleName,
            rule_version: item.ruleVersion,
            reasons: item.reasons,
            notify: item.notify,
            escalate_to_team_id: item.escalateToTeamId,
            sla: item.sla,
            due_at: item.dueAt,
            created_at: item.createdAt,
          })),
        ),
      ],
    );
    const ids = created.map((row) => row.id);
    if (ids.length > 0) {
      await db.query(
        `INSERT INTO triage_event (item_id, at, actor, kind, detail)
         SELECT i.id, i.created_at, 'rules', 'created',
                jsonb_build_object('rule', i.rule_name, 'version', i.rule_version, 'priority', i.priority)
         FROM triage_item i WHERE i.id = ANY($1::bigint[])`,
        [ids],
      );
    }
    return created.map((row) => ({ id: row.id, mentionId: row.mention_id }));
  }

  /** Counts reposts and near-duplicates against the item of the post they echo. Returns the items changed. */
  async addEchoes(echoes: readonly { echoOf: string; count: number }[], db: Queryable): Promise<string[]> {
    if (echoes.length === 0) return [];
    const rows = await changedRows<{ id: string }>(
      db,
      `UPDATE triage_item i SET echo_count = i.echo_count + e.count
       FROM unnest($1::text[], $2::integer[]) AS e(key, count)
       JOIN mention m ON m.platform = split_part(e.key, ':', 1)
                     AND m.external_id = substr(e.key, length(split_part(e.key, ':', 1)) + 2)
       WHERE i.mention_id = m.id
       RETURNING i.id`,
      [echoes.map((echo) => echo.echoOf), echoes.map((echo) => echo.count)],
    );
    return rows.map((row) => row.id);
  }

  async list(filter: TriageFilter): Promise<TriageItemView[]> {
    const where = ['i.status = ANY($1::text[])'];
    const parameters: unknown[] = [filter.statuses];
    if (filter.teamIds !== null) {
      parameters.push(filter.teamIds);
      where.push(`i.team_id = ANY($${parameters.length}::uuid[])`);
    }
    if (filter.priority !== undefined) {
      parameters.push(filter.priority);
      where.push(`i.priority = $${parameters.length}`);
    }
    if (filter.assignee === 'unassigned') where.push('i.assignee_id IS NULL');
    else if (filter.assignee !== undefined) {
      parameters.push(filter.assignee);
      where.push(`i.assignee_id = $${parameters.length}`);
    }
    parameters.push(filter.limit);
    const rows = await this.dataSource.query<ItemViewRow[]>(
      `${SELECT_ITEM_VIEW} WHERE ${where.join(' AND ')} ${INBOX_ORDER} LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toItemView);
  }

  async views(ids: readonly string[], db: Queryable = this.dataSource): Promise<TriageItemView[]> {
    if (ids.length === 0) return [];
    const rows = await db.query<ItemViewRow[]>(`${SELECT_ITEM_VIEW} WHERE i.id = ANY($1::bigint[]) ${INBOX_ORDER}`, [
      ids,
    ]);
    return rows.map(toItemView);
  }

  async view(id: string, db: Queryable = this.dataSource): Promise<TriageItemView | null> {
    return (await this.views([id], db))[0] ?? null;
  }

  /** The team an item belongs to (presence is shown to that team), or null. */
  async teamOf(id: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ team_id: string }[]>(`SELECT team_id FROM triage_item WHERE id = $1`, [
      id,
    ]);
    return row?.team_id ?? null;
  }

  /** The item's state, locked until the transaction ends: changes to one item happen one at a time. */
  async lock(id: string, db: Queryable): Promise<TriageItemState | null> {
    const [row] = await db.query<Record<string, unknown>[]>(`${SELECT_STATE} WHERE id = $1 FOR UPDATE`, [id]);
    return row === undefined ? null : toState(row);
  }

  /** Applies a change and moves the item's version on. */
  async update(id: string, patch: TriageItemPatch, db: Queryable): Promise<void> {
    const sets: string[] = ['version = version + 1'];
    const parameters: unknown[] = [id];
    for (const [key, value] of Object.entries(patch) as [keyof TriageItemPatch, unknown][]) {
      if (value === undefined) continue;
      parameters.push(key === 'sla' ? (value === null ? null : toJsonbParameter(value)) : value);
      sets.push(`${PATCH_COLUMNS[key]} = $${parameters.length}${key === 'sla' ? '::jsonb' : ''}`);
    }
    await db.query(`UPDATE triage_item SET ${sets.join(', ')} WHERE id = $1`, parameters);
  }

  async addEvent(event: TriageEventInput, db: Queryable = this.dataSource): Promise<TriageEventView> {
    const [row] = await db.query<EventRow[]>(
      `INSERT INTO triage_event (item_id, actor, actor_id, kind, detail) VALUES ($1, $2, $3, $4, $5::jsonb)
       RETURNING id, at, actor, kind, detail`,
      [event.itemId, event.actor, event.actorId, event.kind, toJsonbParameter(event.detail ?? {})],
    );
    return toEventView(row!);
  }

  async events(itemId: string): Promise<TriageEventView[]> {
    const rows = await this.dataSource.query<EventRow[]>(
      `SELECT id, at, actor, kind, detail FROM triage_event WHERE item_id = $1 ORDER BY id`,
      [itemId],
    );
    return rows.map(toEventView);
  }

  /** Open items a person holds: capacity counts these. */
  async openCountOf(userId: string, db: Queryable = this.dataSource): Promise<number> {
    const [row] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM triage_item
       WHERE assignee_id = $1 AND status = ANY($2::text[])`,
      [userId, OPEN_STATUSES],
    );
    return row?.count ?? 0;
  }

  /** Items past their first-response deadline, locked for the caller's transaction; others' locks are skipped. */
  async lockBreached(now: Date, limit: number, db: Queryable): Promise<TriageItemState[]> {
    const rows = await db.query<Record<string, unknown>[]>(
      `${SELECT_STATE}
       WHERE due_at <= $1 AND first_response_at IS NULL AND status IN ('new', 'in_progress', 'escalated')
       ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toState);
  }

  /** In-progress items held by people who are not here any more. */
  async heldBy(userIds: readonly string[]): Promise<{ id: string; assigneeId: string }[]> {
    if (userIds.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string; assignee_id: string }[]>(
      `SELECT id, assignee_id FROM triage_item WHERE assignee_id = ANY($1::uuid[]) AND status = 'in_progress'`,
      [userIds],
    );
    return rows.map((row) => ({ id: row.id, assigneeId: row.assignee_id }));
  }

  /** People holding in-progress items: whose presence the clock checks. */
  async holders(): Promise<string[]> {
    const rows = await this.dataSource.query<{ assignee_id: string }[]>(
      `SELECT DISTINCT assignee_id FROM triage_item WHERE status = 'in_progress' AND assignee_id IS NOT NULL`,
    );
    return rows.map((row) => row.assignee_id);
  }
}

interface EventRow {
  id: string;
  at: Date;
  actor: string;
  kind: TriageEventView['kind'];
  detail: Record<string, unknown>;
}

function toEventView(row: EventRow): TriageEventView {
  return { id: row.id, at: row.at.toISOString(), actor: row.actor, kind: row.kind, detail: row.detail };
}

function toState(row: Record<string, unknown>): TriageItemState {
  const date = (value: unknown) => (value instanceof Date ? value.toISOString() : null);
  return {
    id: row['id'] as string,
    status: row['status'] as TriageStatus,
    priority: row['priority'] as TriagePriority,
    teamId: row['team_id'] as string,
    assigneeId: row['assignee_id'] as string | null,
    sla: row['sla'],
    dueAt: date(row['due_at']),
    escalationLevel: row['escalation_level'] as number,
    escalateToTeamId: row['escalate_to_team_id'] as string | null,
    firstResponseAt: date(row['first_response_at']),
    notify: row['notify'] as string[],
    ruleId: row['rule_id'] as string,
    ruleName: row['rule_name'] as string,
    version: row['version'] as number,
  };
}
