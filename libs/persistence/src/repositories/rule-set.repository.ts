import type { DataSource } from 'typeorm';
import type { Platform, SentimentLabel } from '@watchfloor/domain';
import type { RuleSet } from '@watchfloor/rules';
import type { Queryable } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';

export interface StoredRuleSet {
  /** 0 before anyone saved rules. */
  version: number;
  rules: RuleSet['rules'];
  createdAt: string | null;
  createdBy: string | null;
}

export interface RuleSetVersionSummary {
  version: number;
  createdAt: string;
  createdBy: string;
  ruleCount: number;
}

/** Serializes saves, so two people saving at once get consecutive versions rather than a conflict. */
const RULE_SET_LOCK = 0x72756c6573;

/** The escalation rules: every save is a new version of the whole ordered list; old versions stay. */
export class RuleSetRepository {
  constructor(private readonly dataSource: DataSource) {}

  async current(db: Queryable = this.dataSource): Promise<StoredRuleSet> {
    const [row] = await db.query<{ version: number; rules: RuleSet['rules']; created_at: Date; created_by: string }[]>(
      `SELECT version, rules, created_at, created_by FROM rule_set_version ORDER BY version DESC LIMIT 1`,
    );
    if (row === undefined) return { version: 0, rules: [], createdAt: null, createdBy: null };
    return {
      version: row.version,
      rules: row.rules,
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
    };
  }

  /** The newest version number alone: what the pipeline asks each round to know whether to recompile. */
  async currentVersion(): Promise<number> {
    const [row] = await this.dataSource.query<{ version: number | null }[]>(
      `SELECT max(version) AS version FROM rule_set_version`,
    );
    return row?.version ?? 0;
  }

  async save(rules: RuleSet['rules'], createdBy: string, db: Queryable): Promise<StoredRuleSet> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [RULE_SET_LOCK]);
    const [row] = await db.query<{ version: number; created_at: Date }[]>(
      `INSERT INTO rule_set_version (version, rules, created_by)
       SELECT coalesce(max(version), 0) + 1, $1::jsonb, $2 FROM rule_set_version
       RETURNING version, created_at`,
      [toJsonbParameter(rules), createdBy],
    );
    return { version: row!.version, rules, createdAt: row!.created_at.toISOString(), createdBy };
  }

  async versions(limit = 100): Promise<RuleSetVersionSummary[]> {
    const rows = await this.dataSource.query<
      { version: number; created_at: Date; created_by: string; rule_count: number }[]
    >(
      `SELECT version, created_at, created_by, jsonb_array_length(rules) AS rule_count
       FROM rule_set_version ORDER BY version DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({
      version: row.version,
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
      ruleCount: row.rule_count,
    }));
  }

  /**
   * Mentions stored since `since`, newest first, as a dry run reads them: with their issue, and with
   * the reach inputs (reach itself is analysis' figure, computed by the caller).
   */
  async mentionsSince(since: Date, limit: number): Promise<DryRunMention[]> {
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT m.id, m.platform, m.text, m.lang, m.author_handle, m.author_followers, m.author_verified, m.metrics,
              m.sentiment_label, m.sentiment_score, m.sentiment_confidence, m.query_ids,
              (SELECT im.issue_id FROM issue_mention im WHERE im.mention_id = m.id LIMIT 1) AS issue_id
       FROM mention m WHERE m.ingested_at >= $1 ORDER BY m.ingested_at DESC LIMIT $2`,
      [since, limit],
    );
    return rows.map((row) => ({
      mentionId: row['id'] as string,
      platform: row['platform'] as Platform,
      text: row['text'] as string,
      ...(row['lang'] !== null && { lang: row['lang'] as string }),
      author: {
        handle: row['author_handle'] as string,
        ...(row['author_followers'] !== null && { followers: row['author_followers'] as number }),
        ...(row['author_verified'] !== null && { verified: row['author_verified'] as boolean }),
      },
      metrics: row['metrics'] ?? {},
      sentiment: {
        label: row['sentiment_label'] as SentimentLabel,
        score: row['sentiment_score'] as number,
        confidence: row['sentiment_confidence'] as number,
      },
      queryIds: row['query_ids'] as string[],
      ...(row['issue_id'] !== null && { issueId: row['issue_id'] as string }),
    }));
  }
}

export interface DryRunMention {
  mentionId: string;
  platform: Platform;
  text: string;
  lang?: string;
  author: { handle: string; followers?: number; verified?: boolean };
  metrics: { likes?: number; reposts?: number; replies?: number; quotes?: number };
  sentiment: { label: SentimentLabel; score: number; confidence: number };
  queryIds: string[];
  issueId?: string;
}
