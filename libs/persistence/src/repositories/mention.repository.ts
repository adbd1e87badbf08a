import type { DataSource } from 'typeorm';
import { toJsonbParameter } from './jsonb-parameter';
import type { Platform, ScoredMention, SentimentLabel, StoredMention } from '@watchfloor/domain';

interface InsertedRow {
  id: string;
  platform: string;
  external_id: string;
}

/** The columns a mention is shown from (no raw payload), for every query that shows mentions. */
export const MENTION_VIEW_COLUMNS = `id, platform, external_id, source, url, text, created_at, ingested_at, author_handle,
  author_name, author_followers, author_verified, lang, metrics, sentiment_label, sentiment_score, sentiment_confidence,
  query_ids`;

export interface MentionRow {
  id: string;
  platform: Platform;
  external_id: string;
  source: string;
  url: string;
  text: string;
  created_at: Date;
  ingested_at: Date;
  author_handle: string;
  author_name: string | null;
  author_followers: number | null;
  author_verified: boolean | null;
  lang: string | null;
  sentiment_label: SentimentLabel;
  sentiment_score: number;
  sentiment_confidence: number;
  query_ids: string[];
  metrics?: StoredMention['metrics'] | null;
}

export interface VolumeMinute {
  /** Start of the minute, ISO 8601. */
  minute: string;
  positive: number;
  neutral: number;
  negative: number;
  /** Mentions in languages the scorer cannot read: volume, but no sentiment. */
  unsupported: number;
  /** Mean sentiment score of the minute's read mentions, in [-1, 1]. */
  meanScore: number;
}

/**
 * One statement stores a whole batch and counts it into the per-minute volume table, so both
 * commit or neither does. Rows travel as one JSON parameter (never string-built SQL); the stats
 * rows are upserted in key order so concurrent batches lock them in the same order and cannot
 * deadlock.
 */
const STORE_BATCH_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
    platform text, external_id text, source text, url text, text text,
    created_at timestamptz, ingested_at timestamptz, author_handle text, author_name text,
    author_followers integer, author_verified boolean, lang text, reply_to_id text,
    repost_of_id text, metrics jsonb, sentiment_label text, sentiment_score real, sentiment_confidence real,
    query_ids uuid[], raw jsonb)
),
inserted AS (
  INSERT INTO mention (platform, external_id, source, url, text, created_at, ingested_at,
    author_handle, author_name, author_followers, author_verified, lang, reply_to_id,
    repost_of_id, metrics, sentiment_label, sentiment_score, sentiment_confidence, query_ids, batch_id, raw)
  SELECT platform, external_id, source, url, text, created_at, ingested_at,
    author_handle, author_name, author_followers, author_verified, lang, reply_to_id,
    repost_of_id, metrics, sentiment_label, sentiment_score, sentiment_confidence, coalesce(query_ids, '{}'), $2,
    coalesce(raw, 'null'::jsonb)
  FROM input
  ON CONFLICT (platform, external_id) DO NOTHING
  RETURNING id, platform, external_id, ingested_at, sentiment_label, sentiment_score
),
counted AS (
  INSERT INTO mention_volume_minute AS v (minute, platform, positive, neutral, negative, unsupported, score_sum)
  SELECT date_trunc('minute', ingested_at), platform,
    count(*) FILTER (WHERE sentiment_label = 'positive'),
    count(*) FILTER (WHERE sentiment_label = 'neutral'),
    count(*) FILTER (WHERE sentiment_label = 'negative'),
    count(*) FILTER (WHERE sentiment_label = 'unsupported'),
    sum(sentiment_score)
  FROM inserted GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (minute, platform) DO UPDATE SET
    positive = v.positive + excluded.positive,
    neutral = v.neutral + excluded.neutral,
    negative = v.negative + excluded.negative,
    unsupported = v.unsupported + excluded.unsupported,
    score_sum = v.score_sum + excluded.score_sum
)
SELECT id, platform, external_id FROM inserted`;

export class MentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async storeBatch(batchId: string, mentions: ScoredMention[], isRetry: boolean): Promise<StoredMention[]> {
    const rows = mentions.map(toRow);
    const inserted: InsertedRow[] = await this.dataSource.query(STORE_BATCH_SQL, [toJsonbParameter(rows), batchId]);
    const owned = isRetry
      ? await this.dataSource.query<InsertedRow[]>(
          'SELECT id, platform, external_id FROM mention WHERE batch_id = $1',
          [batchId],
        )
      : inserted;
    const idByKey = new Map(owned.map((row) => [`${row.platform}:${row.external_id}`, String(row.id)]));
    const stored: StoredMention[] = [];
    for (const mention of mentions) {
      const id = idByKey.get(`${mention.platform}:${mention.externalId}`);
      if (id !== undefined) stored.push({ ...mention, id });
    }
    return stored;
  }

  /** The newest mentions, newest first, without their raw payloads. */
  async findRecent(limit: number): Promise<StoredMention[]> {
    const rows = await this.dataSource.query<MentionRow[]>(
      `SELECT ${MENTION_VIEW_COLUMNS}
       FROM mention ORDER BY ingested_at DESC, id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(mentionFromRow);
  }

  /** Volume and sentiment per minute for the last `minutes` minutes, oldest first, gaps included as zeros. */
  async volumeByMinute(minutes: number, now = new Date()): Promise<VolumeMinute[]> {
    const rows = await this.dataSource.query<
      {
        minute: Date;
        positive: string;
        neutral: string;
        negative: string;
        unsupported: string;
        score_sum: number | null;
      }[]
    >(
      `SELECT m.minute,
              coalesce(sum(v.positive), 0) AS positive,
              coalesce(sum(v.neutral), 0) AS neutral,
              coalesce(sum(v.negative), 0) AS negative,
              coalesce(sum(v.unsupported), 0) AS unsupported,
              sum(v.score_sum) AS score_sum
       FROM generate_series(date_trunc('minute', $1::timestamptz) - make_interval(mins => $2 - 1),
                            date_trunc('minute', $1::timestamptz), interval '1 minute') AS m(minute)
       LEFT JOIN mention_volume_minute v ON v.minute = m.minute
       GROUP BY m.minute ORDER BY m.minute`,
      [now.toISOString(), minutes],
    );
    return rows.map((row) => {
      const positive = Number(row.positive);
      const neutral = Number(row.neutral);
      const negative = Number(row.negative);
      const total = positive + neutral + negative;
      return {
        minute: row.minute.toISOString(),
        positive,
        neutral,
        negative,
        unsupported: Number(row.unsupported),
        meanScore: total > 0 ? Math.round(((row.score_sum ?? 0) / total) * 1000) / 1000 : 0,
      };
    });
  }

  /** The newest mentions since a time, as a query preview reads them: only what matching needs. */
  async findForMatching(
    since: Date,
    limit: number,
  ): Promise<{ platform: Platform; text: string; authorHandle: string; lang?: string; ingestedAt: number }[]> {
    const rows = await this.dataSource.query<
      { platform: Platform; text: string; author_handle: string; lang: string | null; ingested_at: Date }[]
    >(
      `SELECT platform, text, author_handle, lang, ingested_at FROM mention
       WHERE ingested_at >= $1 ORDER BY ingested_at DESC LIMIT $2`,
      [since.toISOString(), limit],
    );
    return rows.map((row) => ({
      platform: row.platform,
      text: row.text,
      authorHandle: row.author_handle,
      ...(row.lang !== null && { lang: row.lang }),
      ingestedAt: row.ingested_at.getTime(),
    }));
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query<{ count: string }[]>('SELECT count(*) AS count FROM mention');
    return Number(row!.count);
  }
}

function toRow(mention: ScoredMention) {
  return {
    platform: mention.platform,
    external_id: mention.externalId,
    source: mention.source,
    url: mention.url,
    text: mention.text,
    created_at: mention.createdAt,
    ingested_at: new Date(mention.ingestedAt).toISOString(),
    author_handle: mention.author.handle,
    author_name: mention.author.name ?? null,
    author_followers: mention.author.followers ?? null,
    author_verified: mention.author.verified ?? null,
    lang: mention.lang ?? null,
    reply_to_id: mention.replyToId ?? null,
    repost_of_id: mention.repostOfId ?? null,
    metrics: mention.metrics ?? null,
    sentiment_label: mention.sentiment.label,
    sentiment_score: mention.sentiment.score,
    sentiment_confidence: mention.sentiment.confidence,
    query_ids: mention.queryIds,
    raw: mention.raw,
  };
}

export function mentionFromRow(row: MentionRow): StoredMention {
  return {
    id: String(row.id),
    platform: row.platform,
    externalId: row.external_id,
    source: row.source,
    url: row.url,
    text: row.text,
    createdAt: row.created_at.toISOString(),
    ingestedAt: row.ingested_at.getTime(),
    author: {
      handle: row.author_handle,
      ...(row.author_name !== null && { name: row.author_name }),
      ...(row.author_followers !== null && { followers: row.author_followers }),
      ...(row.author_verified !== null && { verified: row.author_verified }),
    },
    ...(row.lang !== null && { lang: row.lang }),
    ...(row.metrics != null && { metrics: row.metrics }),
    sentiment: { label: row.sentiment_label, score: row.sentiment_score, confidence: row.sentiment_confidence },
    queryIds: row.query_ids,
    raw: null,
  };
}
