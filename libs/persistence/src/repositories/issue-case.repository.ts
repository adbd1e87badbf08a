import type { DataSource } from 'typeorm';
import type {
  IncidentTimelineEntry,
  IssueCaseView,
  IssueNoteView,
  IssueTimelineView,
  IssuePlatformShare,
  TriageItemView,
} from '@watchfloor/contracts';
import { SPIKE_INCIDENT_ACTOR } from '@watchfloor/contracts';
import type { Queryable } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';
import { planIssueCaseChange } from './issue-case-change';
import type { IssueCasePatch, IssueCaseRequest } from './issue-case-change';
import { SELECT_CASE_VIEW, SELECT_NOTE_VIEW, toCaseView, toNoteView, untouchedCase } from './issue-case-view';
import type { CaseViewRow, NoteViewRow } from './issue-case-view';
import { readIncidentTimeline } from './issue-incident-timeline';
import { issuePlatforms, issueTimelinePoints } from './issue-timeline';
import { SELECT_ITEM_VIEW, toItemView } from './triage-item-view';
import type { ItemViewRow } from './triage-item-view';

/** A change was made against a version of the case that is not the current one any more. */
export class StaleIssueCaseError extends Error {
  constructor(readonly current: IssueCaseView) {
    super(`The case changed meanwhile (now version ${current.version}): reload it and try again`);
  }
}

export type AcknowledgeOutcome = 'acknowledged' | 'already_acknowledged' | 'not_p1';

const PATCH_COLUMNS: Record<keyof IssueCasePatch, string> = {
  ownerId: 'owner_id',
  status: 'status',
  priority: 'priority',
  prioritySetBy: 'priority_set_by',
  prioritySetAt: 'priority_set_at',
  acknowledgedAt: 'acknowledged_at',
  acknowledgedBy: 'acknowledged_by',
};

/** Linked triage items shown for one issue: beyond this, the inboxes are the place to look. */
const LINKED_ITEMS_LIMIT = 200;

/** The PR team's cases on emerging issues, their notes, and what reads them back (timeline, post-mortem). */
export class IssueCaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async cases(issueIds: readonly string[], db: Queryable = this.dataSource): Promise<IssueCaseView[]> {
    if (issueIds.length === 0) return [];
    const rows = await db.query<CaseViewRow[]>(`${SELECT_CASE_VIEW} WHERE c.issue_id = ANY($1::text[])`, [issueIds]);
    const found = new Map(rows.map((row) => [row.issue_id, toCaseView(row)]));
    return issueIds.map((id) => found.get(id) ?? untouchedCase(id));
  }

  async case(issueId: string, db: Queryable = this.dataSource): Promise<IssueCaseView> {
    return (await this.cases([issueId], db))[0]!;
  }

  /**
   * Changes owner, status and priority as asked, in the caller's transaction, if the case is still
   * at `expectedVersion` (else StaleIssueCaseError). Each real change is recorded for the post-mortem.
   */
  async update(
    issueId: string,
    request: IssueCaseRequest,
    by: { id: string; name: string },
    expectedVersion: number,
    db: Queryable,
  ): Promise<{ before: IssueCaseView; after: IssueCaseView }> {
    await db.query(`INSERT INTO issue_case (issue_id) VALUES ($1) ON CONFLICT (issue_id) DO NOTHING`, [issueId]);
    const [row] = await db.query<CaseViewRow[]>(`${SELECT_CASE_VIEW} WHERE c.issue_id = $1 FOR UPDATE OF c`, [issueId]);
    const before = toCaseView(row!);
    if (before.version !== expectedVersion) throw new StaleIssueCaseError(before);
    const { patch, events } = planIssueCaseChange(before, request, by.name, new Date());
    if (events.length === 0) return { before, after: before };
    const sets = ['version = version + 1', 'updated_at = now()'];
    const parameters: unknown[] = [issueId];
    for (const [key, value] of Object.entries(patch) as [keyof IssueCasePatch, unknown][]) {
      parameters.push(value);
      sets.push(`${PATCH_COLUMNS[key]} = $${parameters.length}`);
    }
    await db.query(`UPDATE issue_case SET ${sets.join(', ')} WHERE issue_id = $1`, parameters);
    await db.query(
      `INSERT INTO issue_case_event (issue_id, actor, actor_id, kind, detail)
       SELECT $1, $2, $3, e.kind, e.detail FROM jsonb_to_recordset($4::jsonb) AS e(kind text, detail jsonb)`,
      [issueId, by.name, by.id, toJsonbParameter(events)],
    );
    return { before, after: await this.case(issueId, db) };
  }

  /** Acknowledges a P1 (the wall leaves crisis mode for it); says why not when there is nothing to acknowledge. */
  async acknowledge(issueId: string, userId: string, db: Queryable = this.dataSource): Promise<AcknowledgeOutcome> {
    const [acknowledged] = await db.query<{ issue_id: string }[]>(
      `WITH acknowledged AS (
         UPDATE issue_case SET acknowledged_at = now(), acknowledged_by = $2, version = version + 1, updated_at = now()
         WHERE issue_id = $1 AND priority = 'P1' AND acknowledged_at IS NULL
         RETURNING issue_id, acknowledged_by
       )
       INSERT INTO issue_case_event (issue_id, actor, actor_id, kind)
       SELECT a.issue_id, u.display_name, u.id, 'acknowledged' FROM acknowledged a JOIN app_user u ON u.id = a.acknowledged_by
       RETURNING issue_id`,
      [issueId, userId],
    );
    if (acknowledged !== undefined) return 'acknowledged';
    return (await this.case(issueId, db)).priority === 'P1' ? 'already_acknowledged' : 'not_p1';
  }

  /**
   * For analysis, when a spike incident opens on issues: each becomes P1 awaiting acknowledgement
   * (an earlier acknowledgement was for an earlier spike). One statement whatever the count; a
   * case already waiting as P1 is left alone. Returns the issues raised.
   */
  async raiseToP1(issueIds: readonly string[], reason: string): Promise<string[]> {
    if (issueIds.length === 0) return [];
    const rows = await this.dataSource.query<{ issue_id: string }[]>(
      `WITH earlier AS (SELECT issue_id, priority FROM issue_case WHERE issue_id = ANY($1::text[])),
       raised AS (
         INSERT INTO issue_case AS c (issue_id, priority, priority_set_by, priority_set_at, version)
         SELECT DISTINCT id, 'P1', $2, now(), 1 FROM unnest($1::text[]) AS id
         ON CONFLICT (issue_id) DO UPDATE SET priority = 'P1', priority_set_by = excluded.priority_set_by,
           priority_set_at = now(), acknowledged_at = NULL, acknowledged_by = NULL, version = c.version + 1,
           updated_at = now()
         WHERE c.priority IS DISTINCT FROM 'P1' OR c.acknowledged_at IS NOT NULL
         RETURNING c.issue_id
       )
       INSERT INTO issue_case_event (issue_id, actor, kind, detail)
       SELECT r.issue_id, $2, 'priority', jsonb_build_object('from', e.priority, 'to', 'P1', 'reason', $3::text)
       FROM raised r LEFT JOIN earlier e ON e.issue_id = r.issue_id
       RETURNING issue_id`,
      [issueIds, SPIKE_INCIDENT_ACTOR, reason],
    );
    return rows.map((row) => row.issue_id);
  }

  /** P1 issues nobody has acknowledged yet, the longest waiting first: the wall's crisis mode. */
  async unacknowledgedP1(): Promise<{ issueId: string; raisedBy: string; raisedAt: string }[]> {
    const rows = await this.dataSource.query<
      { issue_id: string; priority_set_by: string | null; priority_set_at: Date | null }[]
    >(
      `SELECT issue_id, priority_set_by, priority_set_at FROM issue_case
       WHERE priority = 'P1' AND acknowledged_at IS NULL ORDER BY priority_set_at, issue_id`,
    );
    return rows.map((row) => ({
      issueId: row.issue_id,
      raisedBy: row.priority_set_by ?? SPIKE_INCIDENT_ACTOR,
      raisedAt: (row.priority_set_at ?? new Date(0)).toISOString(),
    }));
  }

  async addNote(issueId: string, authorId: string, body: string): Promise<IssueNoteView> {
    const [row] = await this.dataSource.query<NoteViewRow[]>(
      `WITH n AS (INSERT INTO issue_note (issue_id, author_id, body) VALUES ($1, $2, $3) RETURNING *)
       SELECT n.id, n.issue_id, n.author_id, u.display_name AS author_name, n.body, n.created_at
       FROM n JOIN app_user u ON u.id = n.author_id`,
      [issueId, authorId, body],
    );
    return toNoteView(row!);
  }

  async notes(issueId: string): Promise<IssueNoteView[]> {
    const rows = await this.dataSource.query<NoteViewRow[]>(`${SELECT_NOTE_VIEW} WHERE n.issue_id = $1 ORDER BY n.id`, [
      issueId,
    ]);
    return rows.map(toNoteView);
  }

  /** Flagged posts of the issue in team inboxes, the first flagged first. */
  async linkedTriageItems(issueId: string): Promise<TriageItemView[]> {
    const rows = await this.dataSource.query<ItemViewRow[]>(
      `${SELECT_ITEM_VIEW}
       WHERE i.mention_id IN (SELECT mention_id FROM issue_mention WHERE issue_id = $1)
       ORDER BY i.created_at, i.id LIMIT $2`,
      [issueId, LINKED_ITEMS_LIMIT],
    );
    return rows.map(toItemView);
  }

  async timeline(issueId: string, bucketMinutes: number): Promise<IssueTimelineView> {
    const [points, platforms] = await Promise.all([
      issueTimelinePoints(this.dataSource, issueId, bucketMinutes),
      this.platforms(issueId),
    ]);
    return { issueId, bucketMinutes, points, platforms };
  }

  platforms(issueId: string): Promise<IssuePlatformShare[]> {
    return issuePlatforms(this.dataSource, issueId);
  }

  incidentTimeline(issueId: string): Promise<IncidentTimelineEntry[]> {
    return readIncidentTimeline(this.dataSource, issueId);
  }
}
