import type { IssuePlatformShare, IssueTimelinePoint } from '@watchfloor/contracts';
import type { Platform } from '@watchfloor/domain';
import type { Queryable } from '../data-source';

/** A chart has no use for more points than this; a long-lived issue shows its latest stretch. */
export const MAX_TIMELINE_BUCKETS = 1_000;

const count = (column: string) => `greatest(coalesce(${column}, 0), 0)::float8`;

/**
 * A mention's reach, as `mentionReach` in libs/analysis/src/noise/reach.ts computes it (issue
 * reach is the sum of these), here so a timeline is one aggregate rather than every mention read
 * back. The system test of issue cases checks the two agree.
 */
const MENTION_REACH = `(
  60 * least(1, log(1 + ${count('m.author_followers')}) / 8)
  + 30 * least(1, log(1 + ${count(`(m.metrics->>'likes')::float8`)} + 2 * ${count(`(m.metrics->>'replies')::float8`)}
                     + 3 * (${count(`(m.metrics->>'reposts')::float8`)} + ${count(`(m.metrics->>'quotes')::float8`)})) / 6)
  + CASE WHEN m.author_verified THEN 10 ELSE 0 END)`;

/**
 * Volume, negatives and reach of an issue's mentions per bucket of posting time, empty buckets
 * included so a chart reads gaps as quiet rather than joining across them.
 */
export async function issueTimelinePoints(
  db: Queryable,
  issueId: string,
  bucketMinutes: number,
): Promise<IssueTimelinePoint[]> {
  const rows = await db.query<{ at: Date; volume: number; negative: number; reach: number }[]>(
    `WITH member AS (
       SELECT to_timestamp(floor(extract(epoch FROM m.created_at) / $2) * $2) AS bucket,
              m.sentiment_label = 'negative' AS negative,
              ${MENTION_REACH} AS reach
       FROM issue_mention im JOIN mention m ON m.id = im.mention_id
       WHERE im.issue_id = $1
     ), span AS (SELECT min(bucket) AS first, max(bucket) AS last FROM member)
     SELECT b AS at, count(member.bucket)::int AS volume,
            count(*) FILTER (WHERE member.negative)::int AS negative,
            coalesce(sum(member.reach), 0)::float8 AS reach
     FROM span
     CROSS JOIN generate_series(greatest(span.first, span.last - ($3 - 1) * make_interval(secs => $2)), span.last,
                                make_interval(secs => $2)) AS b
     LEFT JOIN member ON member.bucket = b
     GROUP BY b ORDER BY b`,
    [issueId, bucketMinutes * 60, MAX_TIMELINE_BUCKETS],
  );
  return rows.map((row) => ({
    at: row.at.getTime(),
    volume: row.volume,
    negative: row.negative,
    negativeShare: row.volume === 0 ? 0 : row.negative / row.volume,
    reach: row.reach,
  }));
}

/** Where an issue is being talked about, the busiest platform first. */
export async function issuePlatforms(db: Queryable, issueId: string): Promise<IssuePlatformShare[]> {
  const rows = await db.query<{ platform: Platform; volume: number; negative: number }[]>(
    `SELECT m.platform, count(*)::int AS volume, count(*) FILTER (WHERE m.sentiment_label = 'negative')::int AS negative
     FROM issue_mention im JOIN mention m ON m.id = im.mention_id
     WHERE im.issue_id = $1
     GROUP BY m.platform ORDER BY volume DESC, m.platform`,
    [issueId],
  );
  return rows.map((row) => ({ platform: row.platform, volume: row.volume, negative: row.negative }));
}
