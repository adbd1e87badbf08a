import type { DataSource } from 'typeorm';
import type { EchoView, IncidentView, IssueView } from '@watchfloor/contracts';
import type { Queryable } from '../data-source';
import { changedRows } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';

interface IssueRow {
  id: string;
  status: IssueView['status'];
  title: string[];
  first_seen: Date;
  last_seen: Date;
  volume: number;
  voices: number;
  negative_share: number;
  reach: number;
  velocity: number;
  samples: IssueView['samples'];
  representative: IssueView['representative'];
  query_ids: string[];
}

interface IncidentRow {
  id: string;
  status: IncidentView['status'];
  opened_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  series: string[];
  related: string[];
  alert_count: number;
  peak: IncidentView['peak'];
  alerts: IncidentView['alerts'];
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  snoozed_until: Date | null;
  notifications: number;
}

/** An acknowledgement or snooze someone asked for, for analysis to apply to its incident. */
export interface IncidentRequest {
  incidentId: string;
  requestedAt: string;
  requestedBy: string;
  snoozeUntil: string | null;
}

/**
 * What the analysis consumer concludes, written a batch at a time (one statement per kind of
 * result), and read by the API.
 */
export class AnalysisRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Echoes and issue membership of a round; replays add nothing twice. Column arrays rather than
   * JSON: PostgreSQL inserts them in about half the time, and echoes can come one per mention.
   */
  async recordMentions(echoes: EchoView[], members: { issueId: string; mentionId: string }[]): Promise<void> {
    if (echoes.length > 0) {
      await this.dataSource.query(
        `INSERT INTO mention_echo (mention_id, kind, echo_of, duplicate_group, group_size)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::integer[])
         ON CONFLICT (mention_id) DO NOTHING`,
        [
          echoes.map((echo) => echo.mentionId),
          echoes.map((echo) => echo.kind),
          echoes.map((echo) => echo.echoOf ?? null),
          echoes.map((echo) => echo.group?.id ?? null),
          echoes.map((echo) => echo.group?.size ?? null),
        ],
      );
    }
    if (members.length > 0) {
      await this.dataSource.query(
        `INSERT INTO issue_mention (issue_id, mention_id)
         SELECT * FROM unnest($1::text[], $2::bigint[])
         ON CONFLICT DO NOTHING`,
        [members.map((member) => member.issueId), members.map((member) => member.mentionId)],
      );
    }
  }

  async saveIssues(issues: IssueView[]): Promise<void> {
    if (issues.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO issue AS i (id, status, title, first_seen, last_seen, volume, voices, negative_share, reach,
         velocity, samples, representative, query_ids)
       SELECT id, status, ARRAY(SELECT jsonb_array_elements_text(title)), first_seen, last_seen, volume, voices,
         negative_share, reach, velocity, samples, representative, ARRAY(SELECT jsonb_array_elements_text(query_ids))
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, status text, title jsonb, first_seen timestamptz,
         last_seen timestamptz, volume integer, voices integer, negative_share real, reach real, velocity real,
         samples jsonb, representative jsonb, query_ids jsonb)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, title = excluded.title,
         last_seen = excluded.last_seen, volume = excluded.volume, voices = excluded.voices,
         negative_share = excluded.negative_share, reach = excluded.reach, velocity = excluded.velocity,
         samples = excluded.samples, representative = excluded.representative, query_ids = excluded.query_ids`,
      [
        toJsonbParameter(
          issues.map((issue) => ({
            id: issue.id,
            status: issue.status,
            title: issue.title,
            first_seen: issue.firstSeen,
            last_seen: issue.lastSeen,
            volume: issue.volume,
            voices: issue.voices,
            negative_share: issue.negativeShare,
            reach: issue.reach,
            velocity: issue.velocity,
            samples: issue.samples,
            representative: issue.representative,
            query_ids: issue.queryIds,
          })),
        ),
      ],
    );
  }

  async closeIssues(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE issue SET status = 'closed' WHERE id = ANY($1)`, [ids]);
  }

  async saveIncidents(incidents: IncidentView[]): Promise<void> {
    if (incidents.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO incident AS i (id, status, opened_at, updated_at, resolved_at, series, related, alert_count,
         peak, alerts, acknowledged_at, acknowledged_by, snoozed_until, notifications)
       SELECT id, status, opened_at, updated_at, resolved_at, ARRAY(SELECT jsonb_array_elements_text(series)),
         ARRAY(SELECT jsonb_array_elements_text(related)), alert_count, peak, alerts, acknowledged_at,
         acknowledged_by, snoozed_until, notifications
       FROM jsonb_to_recordset($1::jsonb) AS r(id text, status text, opened_at timestamptz, updated_at timestamptz,
         resolved_at timestamptz, series jsonb, related jsonb, alert_count integer, peak jsonb, alerts jsonb,
         acknowledged_at timestamptz, acknowledged_by text, snoozed_until timestamptz, notifications integer)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at,
         resolved_at = excluded.resolved_at, series = excluded.series, related = excluded.related,
         alert_count = excluded.alert_count, peak = excluded.peak, alerts = excluded.alerts,
         acknowledged_at = excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by,
         snoozed_until = excluded.snoozed_until, notifications = excluded.notifications`,
      [
        toJsonbParameter(
          incidents.map((incident) => ({
            id: incident.id,
            status: incident.status,
            opened_at: incident.openedAt,
            updated_at: incident.updatedAt,
            resolved_at: incident.resolvedAt,
            series: incident.series,
            related: incident.related,
            alert_count: incident.alertCount,
            peak: incident.peak,
            alerts: incident.alerts,
            acknowledged_at: incident.acknowledgedAt,
            acknowledged_by: incident.acknowledgedBy,
            snoozed_until: incident.snoozedUntil,
            notifications: incident.notifications,
          })),
        ),
      ],
    );
  }

  /** Records an acknowledgement (`snoozeUntil` null) or a snooze for analysis to apply; null if no such incident is open. */
  async request(
    incidentId: string,
    by: string,
    snoozeUntil: Date | null,
    db: Queryable = this.dataSource,
  ): Promise<IncidentView | null> {
    const rows = await changedRows<IncidentRow>(
      db,
      `UPDATE incident SET requested_at = now(), requested_by = $2, requested_snooze_until = $3, request_pending = true
       WHERE id = $1 AND status = 'open' RETURNING *`,
      [incidentId, by, snoozeUntil?.toISOString() ?? null],
    );
    return rows[0] === undefined ? null : incidentFromRow(rows[0]);
  }

  /** Requests not yet applied; each is handed out once. */
  async takeRequests(): Promise<IncidentRequest[]> {
    const rows = await changedRows<{
      id: string;
      requested_at: Date;
      requested_by: string;
      requested_snooze_until: Date | null;
    }>(
      this.dataSource,
      `UPDATE incident SET request_pending = false WHERE request_pending
       RETURNING id, requested_at, requested_by, requested_snooze_until`,
      [],
    );
    return rows.map((row) => ({
      incidentId: row.id,
      requestedAt: row.requested_at.toISOString(),
      requestedBy: row.requested_by,
      snoozeUntil: row.requested_snooze_until?.toISOString() ?? null,
    }));
  }

  async listIssues(options: { status?: IssueView['status']; limit: number }): Promise<IssueView[]> {
    const rows = await this.dataSource.query<IssueRow[]>(
      `SELECT * FROM issue WHERE ($1::text IS NULL OR status = $1) ORDER BY last_seen DESC LIMIT $2`,
      [options.status ?? null, options.limit],
    );
    return rows.map(issueFromRow);
  }

  async findIssue(id: string): Promise<IssueView | null> {
    const rows = await this.dataSource.query<IssueRow[]>(`SELECT * FROM issue WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : issueFromRow(rows[0]);
  }

  async listIncidents(options: { status?: IncidentView['status']; limit: number }): Promise<IncidentView[]> {
    const rows = await this.dataSource.query<IncidentRow[]>(
      `SELECT * FROM incident WHERE ($1::text IS NULL OR status = $1) ORDER BY opened_at DESC LIMIT $2`,
      [options.status ?? null, options.limit],
    );
    return rows.map(incidentFromRow);
  }

  async findIncident(id: string, db: Queryable = this.dataSource): Promise<IncidentView | null> {
    const rows = await db.query<IncidentRow[]>(`SELECT * FROM incident WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : incidentFromRow(rows[0]);
  }
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

function issueFromRow(row: IssueRow): IssueView {
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    volume: row.volume,
    voices: row.voices,
    negativeShare: row.negative_share,
    reach: row.reach,
    velocity: row.velocity,
    samples: row.samples,
    representative: row.representative,
    queryIds: row.query_ids,
  };
}

function incidentFromRow(row: IncidentRow): IncidentView {
  return {
    id: row.id,
    status: row.status,
    openedAt: row.opened_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    resolvedAt: iso(row.resolved_at),
    series: row.series,
    related: row.related,
    alertCount: row.alert_count,
    peak: row.peak,
    alerts: row.alerts,
    acknowledgedAt: iso(row.acknowledged_at),
    acknowledgedBy: row.acknowledged_by,
    snoozedUntil: iso(row.snoozed_until),
    notifications: row.notifications,
  };
}
