import type { DataSource } from 'typeorm';
import type { PeriodSummary, ReportBucket } from '@watchfloor/contracts';

export type PeriodFigures = Omit<PeriodSummary, 'period' | 'generatedAt' | 'calendar' | 'totals'>;

const TOP_ISSUES = 10;
const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole, 4));
const minutes = (value: unknown) => (value === null ? null : round(Number(value), 1));
const PERCENTILE = (fraction: number) =>
  `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY extract(epoch FROM items.first_response_at - items.created_at) / 60)`;

/**
 * The figures of a period report, each aggregated by PostgreSQL (GROUP BY), never read mention by
 * mention. Volume comes from mention_volume_minute (already counted per minute and sentiment, by
 * ingestion time), so the other mention figures filter on ingested_at too, and agree with it.
 */
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(from: Date, to: Date, bucket: ReportBucket): Promise<PeriodFigures> {
    const [volume, shareOfVoice, topIssues, responseTimes] = await Promise.all([
      this.volume(from, to, bucket),
      this.shareOfVoice(from, to),
      this.topIssues(from, to),
      this.responseTimes(from, to),
    ]);
    return { volume, shareOfVoice, topIssues, responseTimes };
  }

  private async volume(from: Date, to: Date, bucket: ReportBucket): Promise<PeriodFigures['volume']> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT b.at, coalesce(sum(v.positive), 0)::int AS positive, coalesce(sum(v.neutral), 0)::int AS neutral,
              coalesce(sum(v.negative), 0)::int AS negative, coalesce(sum(v.unsupported), 0)::int AS unsupported,
              sum(v.score_sum) AS score_sum
       FROM generate_series(date_trunc($3, $1::timestamptz, 'UTC'), $2::timestamptz - interval '1 microsecond',
                            ('1 ' || $3)::interval) AS b(at)
       LEFT JOIN mention_volume_minute v
         ON v.minute >= b.at AND v.minute < b.at + ('1 ' || $3)::interval AND v.minute >= $1 AND v.minute < $2
       GROUP BY b.at ORDER BY b.at`,
      [from, to, bucket],
    );
    return rows.map((row) => {
      const [positive, neutral, negative] = [row['positive'], row['neutral'], row['negative']] as number[];
      const scored = positive! + neutral! + negative!;
      return {
        at: (row['at'] as Date).toISOString(),
        positive: positive!,
        neutral: neutral!,
        negative: negative!,
        unsupported: row['unsupported'] as number,
        meanSentiment: scored === 0 ? null : round(Number(row['score_sum']) / scored, 3),
      };
    });
  }

  private async shareOfVoice(from: Date, to: Date): Promise<PeriodFigures['shareOfVoice']> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `WITH counted AS (
         SELECT q AS query_id, count(*)::int AS mentions,
                count(*) FILTER (WHERE m.sentiment_label = 'negative')::int AS negative
         FROM mention m, unnest(m.query_ids) AS q
         WHERE m.ingested_at >= $1 AND m.ingested_at < $2 GROUP BY q)
       SELECT lq.id, lq.name, lq.kind, coalesce(c.mentions, 0) AS mentions, coalesce(c.negative, 0) AS negative
       FROM listening_query lq LEFT JOIN counted c ON c.query_id = lq.id
       ORDER BY mentions DESC, lq.name`,
      [from, to],
    );
    const all = rows.reduce((sum, row) => sum + (row['mentions'] as number), 0);
    return rows.map((row) => ({
      queryId: row['id'] as string,
      name: row['name'] as string,
      kind: row['kind'] as 'brand' | 'competitor',
      mentions: row['mentions'] as number,
      share: ratio(row['mentions'] as number, all),
      negativeShare: ratio(row['negative'] as number, row['mentions'] as number),
    }));
  }

  private async topIssues(from: Date, to: Date): Promise<PeriodFigures['topIssues']> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT i.id, i.title, i.status, i.reach, i.first_seen, i.last_seen, count(*)::int AS volume,
              count(*) FILTER (WHERE m.sentiment_label = 'negative')::int AS negative
       FROM issue i JOIN issue_mention im ON im.issue_id = i.id JOIN mention m ON m.id = im.mention_id
       WHERE m.ingested_at >= $1 AND m.ingested_at < $2
       GROUP BY i.id ORDER BY volume DESC, i.id LIMIT $3`,
      [from, to, TOP_ISSUES],
    );
    return rows.map((row) => ({
      issueId: row['id'] as string,
      title: (row['title'] as string[]).join(' · '),
      status: row['status'] as 'emerging' | 'closed',
      volume: row['volume'] as number,
      negativeShare: ratio(row['negative'] as number, row['volume'] as number),
      reach: Number(row['reach']),
      firstSeen: (row['first_seen'] as Date).toISOString(),
      lastSeen: (row['last_seen'] as Date).toISOString(),
    }));
  }

  /** A breach: escalated by the SLA clock (no person behind the event), or still unanswered past due. */
  private async responseTimes(from: Date, to: Date): Promise<PeriodFigures['responseTimes']> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `WITH items AS (
         SELECT i.team_id, i.created_at, i.first_response_at, i.resolved_at,
                (i.first_response_at IS NULL AND i.due_at < now())
                  OR EXISTS (SELECT 1 FROM triage_event e
                             WHERE e.item_id = i.id AND e.kind = 'escalated' AND e.actor_id IS NULL) AS breached
         FROM triage_item i WHERE i.created_at >= $1 AND i.created_at < $2)
       SELECT t.id, t.name, count(*)::int AS items, count(items.first_response_at)::int AS responded,
              ${PERCENTILE(0.5)} AS median, ${PERCENTILE(0.9)} AS p90,
              count(items.resolved_at)::int AS resolved, count(*) FILTER (WHERE items.breached)::int AS breaches
       FROM items JOIN team t ON t.id = items.team_id
       GROUP BY t.id, t.name ORDER BY t.name`,
      [from, to],
    );
    return rows.map((row) => ({
      teamId: row['id'] as string,
      teamName: row['name'] as string,
      items: row['items'] as number,
      responded: row['responded'] as number,
      medianFirstResponseMinutes: minutes(row['median']),
      p90FirstResponseMinutes: minutes(row['p90']),
      resolved: row['resolved'] as number,
      slaBreaches: row['breaches'] as number,
    }));
  }
}
