import type { DataSource } from 'typeorm';
import type { TeamSlaStatus, TriagePriority, WallIssue } from '@watchfloor/contracts';
import type { Platform, StoredMention } from '@watchfloor/domain';
import { OPEN_STATUSES } from '@watchfloor/rules';
import { SOURCE_KIND_SPECS, isSourceKind } from '@watchfloor/sources';
import { MENTION_VIEW_COLUMNS, mentionFromRow } from './mention.repository';
import type { MentionRow } from './mention.repository';

/** An emerging issue as the wall shows it, before its sparkline is read. */
export type WallIssueRow = Omit<WallIssue, 'sparkline'>;

export interface IssueMinutes {
  volume: number[];
  negative: number[];
}

export interface SourceFacts {
  sourceId: string;
  enabled: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  newestMentionAt: string | null;
  name: string;
  platform: Platform;
  pollSeconds: number;
}

interface IssueRow {
  id: string;
  title: string[];
  first_seen: Date;
  last_seen: Date;
  volume: number;
  negative_share: number;
  reach: number;
  velocity: number;
  priority: TriagePriority | null;
}

const ISSUE_COLUMNS = `i.id, i.title, i.first_seen, i.last_seen, i.volume, i.negative_share, i.reach, i.velocity, c.priority`;

/**
 * The periodic reads behind the wall's slow panels: a handful of aggregate statements every few
 * seconds, whatever the mention rate.
 */
export class WallRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The emerging issues worth a screen: P1 first, then the fastest growing. */
  async emergingIssues(limit: number): Promise<WallIssueRow[]> {
    const rows = await this.dataSource.query<IssueRow[]>(
      `SELECT ${ISSUE_COLUMNS} FROM issue i LEFT JOIN issue_case c ON c.issue_id = i.id
       WHERE i.status = 'emerging'
       ORDER BY (c.priority = 'P1') IS TRUE DESC, i.velocity DESC, i.last_seen DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toIssue);
  }

  async issuesById(ids: readonly string[]): Promise<WallIssueRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<IssueRow[]>(
      `SELECT ${ISSUE_COLUMNS} FROM issue i LEFT JOIN issue_case c ON c.issue_id = i.id WHERE i.id = ANY($1)`,
      [ids],
    );
    return rows.map(toIssue);
  }

  /**
   * Mentions and negative mentions per minute of each issue over the last `minutes` minutes,
   * oldest first. Mention ids grow with ingestion, so the window starts at the first id in it and
   * an issue's older members are never read.
   */
  async issueMinutes(ids: readonly string[], minutes: number, now: Date): Promise<Map<string, IssueMinutes>> {
    const result = new Map<string, IssueMinutes>();
    if (ids.length === 0) return result;
    const rows = await this.dataSource.query<{ issue_id: string; volume: number[]; negative: number[] }[]>(
      `WITH bounds AS (
         SELECT date_trunc('minute', $2::timestamptz) - make_interval(mins => $3 - 1) AS since),
       first_id AS (
         SELECT coalesce((SELECT id FROM mention, bounds WHERE ingested_at >= bounds.since
                          ORDER BY ingested_at LIMIT 1), 9223372036854775807) AS id),
       counts AS (
         SELECT im.issue_id, date_trunc('minute', m.ingested_at) AS minute, count(*)::int AS volume,
                count(*) FILTER (WHERE m.sentiment_label = 'negative')::int AS negative
         FROM issue_mention im JOIN mention m ON m.id = im.mention_id, first_id, bounds
         WHERE im.issue_id = ANY($1) AND im.mention_id >= first_id.id AND m.ingested_at >= bounds.since
         GROUP BY 1, 2)
       SELECT ids.issue_id,
              array_agg(coalesce(c.volume, 0) ORDER BY s.minute) AS volume,
              array_agg(coalesce(c.negative, 0) ORDER BY s.minute) AS negative
       FROM unnest($1::text[]) AS ids(issue_id)
       CROSS JOIN bounds
       CROSS JOIN generate_series(bounds.since, date_trunc('minute', $2::timestamptz), interval '1 minute') AS s(minute)
       LEFT JOIN counts c ON c.issue_id = ids.issue_id AND c.minute = s.minute
       GROUP BY ids.issue_id`,
      [ids, now.toISOString(), minutes],
    );
    for (const row of rows) result.set(row.issue_id, { volume: row.volume, negative: row.negative });
    return result;
  }

  /** An issue's most followed authors' posts. */
  async issueTopPosts(issueId: string, limit: number): Promise<StoredMention[]> {
    const rows = await this.dataSource.query<MentionRow[]>(
      `SELECT ${MENTION_VIEW_COLUMNS} FROM mention WHERE id IN (
         SELECT im.mention_id FROM issue_mention im JOIN mention m ON m.id = im.mention_id
         WHERE im.issue_id = $1 ORDER BY m.author_followers DESC NULLS LAST LIMIT $2)
       ORDER BY author_followers DESC NULLS LAST`,
      [issueId, limit],
    );
    return rows.map(mentionFromRow);
  }

  async teamSla(now: Date): Promise<TeamSlaStatus[]> {
    const rows = await this.dataSource.query<
      { id: string; name: string; open: number; breached: number; oldest_waiting: Date | null }[]
    >(
      `SELECT t.id, t.name, count(ti.id)::int AS open,
              count(ti.id) FILTER (WHERE ti.first_response_at IS NULL AND ti.due_at < $2)::int AS breached,
              min(ti.created_at) FILTER (WHERE ti.first_response_at IS NULL) AS oldest_waiting
       FROM team t LEFT JOIN triage_item ti ON ti.team_id = t.id AND ti.status = ANY($1)
       GROUP BY t.id, t.name ORDER BY t.name`,
      [[...OPEN_STATUSES], now.toISOString()],
    );
    return rows.map((row) => ({
      teamId: row.id,
      teamName: row.name,
      open: row.open,
      breached: row.breached,
      oldestWaitingSince: row.oldest_waiting?.toISOString() ?? null,
    }));
  }

  async sourceFacts(): Promise<SourceFacts[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        name: string;
        kind: string;
        enabled: boolean;
        poll_seconds: number;
        last_success_at: Date | null;
        last_error_at: Date | null;
        newest_mention_at: Date | null;
      }[]
    >(
      `SELECT s.id, s.name, s.kind, s.enabled, s.poll_seconds, h.last_success_at, h.last_error_at, h.newest_mention_at
       FROM source s LEFT JOIN source_health h ON h.source_id = s.id ORDER BY s.name`,
    );
    return rows.flatMap((row) =>
      isSourceKind(row.kind)
        ? [
            {
              sourceId: row.id,
              name: row.name,
              platform: SOURCE_KIND_SPECS[row.kind].platform,
              pollSeconds: row.poll_seconds,
              enabled: row.enabled,
              lastSuccessAt: row.last_success_at?.toISOString() ?? null,
              lastErrorAt: row.last_error_at?.toISOString() ?? null,
              newestMentionAt: row.newest_mention_at?.toISOString() ?? null,
            },
          ]
        : [],
    );
  }
}

function toIssue(row: IssueRow): WallIssueRow {
  return {
    id: row.id,
    title: row.title,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    volume: row.volume,
    negativeShare: row.negative_share,
    reach: row.reach,
    velocity: row.velocity,
    priority: row.priority,
  };
}
