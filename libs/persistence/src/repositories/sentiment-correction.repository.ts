import type { DataSource } from 'typeorm';

/** A flagged mention's text with the sentiment a person said it has. */
export interface CorrectedText {
  text: string;
  lang: string | null;
  label: 'positive' | 'neutral' | 'negative';
}

/** How far the corrections go: how many items carry one, and the newest correction made. */
export interface CorrectionsSummary {
  available: number;
  /** The newest sentiment correction's triage event id; '0' when there is none. */
  upTo: string;
  /** Sentiment corrections made after the event `since` (re-corrections of an item count again). */
  newSince: number;
}

/**
 * The most corrections one training reads, the newest kept. Bounds the trainer's memory and time
 * (about ten seconds of training at this size); a team correcting that much has long since taught
 * the adaptation its vocabulary.
 */
export const MAX_CORRECTIONS_PER_TRAINING = 50_000;

/** A sentiment correction is a `correction` event whose detail names a sentiment (the other kind marks "not relevant"). */
const SENTIMENT_CORRECTIONS = `SELECT id FROM triage_event WHERE kind = 'correction' AND detail ? 'sentiment'`;

/** The sentiment corrections agents made in the console: what the installation's adaptation learns from. */
export class SentimentCorrectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summary(since: string | null): Promise<CorrectionsSummary> {
    const [row] = await this.dataSource.query<{ available: number; up_to: string; new_since: number }[]>(
      `SELECT (SELECT count(*)::int FROM triage_item WHERE corrected_sentiment IS NOT NULL) AS available,
              COALESCE((SELECT max(id) FROM (${SENTIMENT_CORRECTIONS}) e), 0)::text AS up_to,
              (SELECT count(*)::int FROM (${SENTIMENT_CORRECTIONS} AND id > $1) e) AS new_since`,
      [since ?? '0'],
    );
    return { available: row!.available, upTo: row!.up_to, newSince: row!.new_since };
  }

  /**
   * Every corrected item's text and label, in item order (so a training's held-back slice is the
   * same for the same corrections), and the newest correction they include, read in one statement
   * so the two agree.
   */
  async corrected(limit = MAX_CORRECTIONS_PER_TRAINING): Promise<{ texts: CorrectedText[]; upTo: string }> {
    const rows = await this.dataSource.query<(CorrectedText & { up_to: string })[]>(
      `SELECT m.text, m.lang, i.corrected_sentiment AS label,
              COALESCE((SELECT max(id) FROM (${SENTIMENT_CORRECTIONS}) e), 0)::text AS up_to
       FROM (SELECT id, mention_id, corrected_sentiment FROM triage_item
             WHERE corrected_sentiment IS NOT NULL ORDER BY id DESC LIMIT $1) i
       JOIN mention m ON m.id = i.mention_id
       ORDER BY i.id`,
      [limit],
    );
    return {
      texts: rows.map(({ text, lang, label }) => ({ text, lang, label })),
      upTo: rows[0]?.up_to ?? (await this.summary(null)).upTo,
    };
  }
}
