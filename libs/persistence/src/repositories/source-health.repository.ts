import type { DataSource } from 'typeorm';
import type { SourceHealthView } from '@watchfloor/contracts';
import type { BudgetWarning, SourceHealthStore, SourceObservation } from '@watchfloor/sources';
import { toJsonbParameter } from './jsonb-parameter';

/** What is known of a source's health: the shape the API answers with. */
export type SourceHealth = SourceHealthView;

interface HealthRow {
  source_id: string;
  month: Date;
  reads_this_month: number;
  last_activity_at: Date | null;
  last_success_at: Date | null;
  last_error_at: Date | null;
  last_error_kind: string | null;
  last_error: string | null;
  newest_mention_at: Date | null;
  rate_limit_remaining: number | null;
  rate_limit_limit: number | null;
  rate_limit_reset_at: Date | null;
  blocked_until: Date | null;
  stream_connected: boolean | null;
  warnings: BudgetWarning[];
  query_estimates: Record<string, { monthlyReads: number; polledAt: string }>;
}

/**
 * One row per source, updated by every poll and stream report in one statement. Reads are counted
 * per calendar month (UTC): the first report of a new month starts the count again.
 */
const OBSERVE_SQL = `
INSERT INTO source_health AS h (source_id, month, reads_this_month, last_activity_at, last_success_at,
  last_error_at, last_error_kind, last_error, newest_mention_at, rate_limit_remaining, rate_limit_limit,
  rate_limit_reset_at, blocked_until, stream_connected, warnings, query_estimates)
VALUES ($1, date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC')::date, $3, $2,
  CASE WHEN $4 THEN $2::timestamptz END, CASE WHEN NOT $4 THEN $2::timestamptz END, $5, $6, $7, $8, $9, $10, $11, $12,
  coalesce($13::jsonb, '[]'::jsonb), coalesce($14::jsonb, '{}'::jsonb))
ON CONFLICT (source_id) DO UPDATE SET
  reads_this_month = CASE WHEN h.month = excluded.month THEN h.reads_this_month + excluded.reads_this_month
                          ELSE excluded.reads_this_month END,
  month = excluded.month,
  last_activity_at = excluded.last_activity_at,
  last_success_at = coalesce(excluded.last_success_at, h.last_success_at),
  last_error_at = coalesce(excluded.last_error_at, h.last_error_at),
  last_error_kind = CASE WHEN excluded.last_error_at IS NOT NULL THEN excluded.last_error_kind ELSE h.last_error_kind END,
  last_error = CASE WHEN excluded.last_error_at IS NOT NULL THEN excluded.last_error ELSE h.last_error END,
  newest_mention_at = greatest(h.newest_mention_at, excluded.newest_mention_at),
  rate_limit_remaining = CASE WHEN $15 THEN excluded.rate_limit_remaining ELSE h.rate_limit_remaining END,
  rate_limit_limit = CASE WHEN $15 THEN excluded.rate_limit_limit ELSE h.rate_limit_limit END,
  rate_limit_reset_at = CASE WHEN $15 THEN excluded.rate_limit_reset_at ELSE h.rate_limit_reset_at END,
  blocked_until = CASE WHEN excluded.blocked_until IS NOT NULL THEN excluded.blocked_until
                       WHEN $4 THEN NULL ELSE h.blocked_until END,
  stream_connected = coalesce(excluded.stream_connected, h.stream_connected),
  warnings = CASE WHEN $13::jsonb IS NOT NULL THEN excluded.warnings ELSE h.warnings END,
  query_estimates = h.query_estimates || excluded.query_estimates`;

export class SourceHealthRepository implements SourceHealthStore {
  constructor(private readonly dataSource: DataSource) {}

  async observe(sourceId: string, observation: SourceObservation): Promise<void> {
    const { rateLimit, queryEstimate } = observation;
    const estimates =
      queryEstimate === undefined
        ? null
        : {
            [queryEstimate.queryId]: {
              monthlyReads: Math.round(queryEstimate.monthlyReads),
              polledAt: observation.at.toISOString(),
            },
          };
    await this.dataSource.query(OBSERVE_SQL, [
      sourceId,
      observation.at.toISOString(),
      observation.reads,
      observation.succeeded,
      observation.error?.kind ?? null,
      observation.error?.message.slice(0, 1_000) ?? null,
      observation.newestMentionAt ?? null,
      rateLimit?.remaining ?? null,
      rateLimit?.limit ?? null,
      rateLimit?.resetAt === undefined ? null : new Date(rateLimit.resetAt).toISOString(),
      observation.blockedUntil === undefined ? null : new Date(observation.blockedUntil).toISOString(),
      observation.streamConnected ?? null,
      observation.warnings === undefined ? null : toJsonbParameter(observation.warnings),
      estimates === null ? null : toJsonbParameter(estimates),
      rateLimit !== undefined,
    ]);
  }

  async readsThisMonth(sourceId: string, now: Date): Promise<number> {
    const rows = await this.dataSource.query<{ reads_this_month: number }[]>(
      `SELECT reads_this_month FROM source_health
       WHERE source_id = $1 AND month = date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC')::date`,
      [sourceId, now.toISOString()],
    );
    return rows[0]?.reads_this_month ?? 0;
  }

  async queryEstimates(sourceId: string): Promise<Record<string, { monthlyReads: number; polledAt: string }>> {
    const rows = await this.dataSource.query<{ query_estimates: SourceHealth['queryEstimates'] }[]>(
      `SELECT query_estimates FROM source_health WHERE source_id = $1`,
      [sourceId],
    );
    return rows[0]?.query_estimates ?? {};
  }

  async findAll(): Promise<Map<string, SourceHealth>> {
    const rows = await this.dataSource.query<HealthRow[]>(`SELECT * FROM source_health`);
    return new Map(rows.map((row) => [row.source_id, fromRow(row)]));
  }
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

function fromRow(row: HealthRow): SourceHealth {
  return {
    // A date column: the calendar month (UTC) the reads count towards, as YYYY-MM.
    month: row.month.toISOString().slice(0, 7),
    readsThisMonth: row.reads_this_month,
    lastActivityAt: iso(row.last_activity_at),
    lastSuccessAt: iso(row.last_success_at),
    lastErrorAt: iso(row.last_error_at),
    lastErrorKind: row.last_error_kind,
    lastError: row.last_error,
    newestMentionAt: iso(row.newest_mention_at),
    rateLimit: {
      remaining: row.rate_limit_remaining,
      limit: row.rate_limit_limit,
      resetAt: iso(row.rate_limit_reset_at),
    },
    blockedUntil: iso(row.blocked_until),
    streamConnected: row.stream_connected,
    warnings: row.warnings,
    queryEstimates: row.query_estimates,
  };
}
