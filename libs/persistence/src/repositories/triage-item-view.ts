import type { TriageItemView, TriagePriority, TriageReason, TriageStatus } from '@watchfloor/contracts';
import type { Platform, SentimentLabel } from '@watchfloor/domain';

/** The columns every item read selects: the item, its mention, its team and its assignee. */
export const SELECT_ITEM_VIEW = `
  SELECT i.id, i.status, i.priority, i.team_id, t.name AS team_name, i.assignee_id, u.display_name AS assignee_name,
         i.due_at, i.sla, i.escalation_level, i.created_at, i.first_response_at, i.resolved_at, i.tags, i.echo_count,
         i.rule_id, i.rule_name, i.rule_version, i.reasons, i.corrected_sentiment, i.not_relevant, i.version,
         m.id AS mention_id, m.platform, m.url, m.text, m.created_at AS mention_created_at, m.author_handle,
         m.author_name, m.author_followers, m.author_verified, m.sentiment_label, m.sentiment_score,
         m.sentiment_confidence, m.lang, m.query_ids
  FROM triage_item i
  JOIN mention m ON m.id = i.mention_id
  JOIN team t ON t.id = i.team_id
  LEFT JOIN app_user u ON u.id = i.assignee_id`;

/** Inbox order: the most urgent priority first, then first in, first out. */
export const INBOX_ORDER = `ORDER BY i.priority, i.created_at, i.id`;

export interface ItemViewRow {
  id: string;
  status: TriageStatus;
  priority: TriagePriority;
  team_id: string;
  team_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date | null;
  sla: { pausedAt?: string | null } | null;
  escalation_level: number;
  created_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  tags: string[];
  echo_count: number;
  rule_id: string;
  rule_name: string;
  rule_version: number;
  reasons: TriageReason[];
  corrected_sentiment: SentimentLabel | null;
  not_relevant: boolean;
  version: number;
  mention_id: string;
  platform: Platform;
  url: string;
  text: string;
  mention_created_at: Date;
  author_handle: string;
  author_name: string | null;
  author_followers: number | null;
  author_verified: boolean | null;
  sentiment_label: SentimentLabel;
  sentiment_score: number;
  sentiment_confidence: number;
  lang: string | null;
  query_ids: string[];
}

export function toItemView(row: ItemViewRow): TriageItemView {
  const waitingForResponse = row.first_response_at === null && row.status !== 'resolved' && row.status !== 'spam';
  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    teamId: row.team_id,
    teamName: row.team_name,
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? '' },
    dueAt: waitingForResponse && row.due_at !== null ? row.due_at.toISOString() : null,
    slaPaused: waitingForResponse && row.sla !== null && row.due_at === null,
    escalationLevel: row.escalation_level,
    createdAt: row.created_at.toISOString(),
    firstResponseAt: row.first_response_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    tags: row.tags,
    echoCount: row.echo_count,
    rule: { id: row.rule_id, name: row.rule_name, version: row.rule_version, reasons: row.reasons },
    mention: {
      id: row.mention_id,
      platform: row.platform,
      url: row.url,
      text: row.text,
      createdAt: row.mention_created_at.toISOString(),
      author: {
        handle: row.author_handle,
        ...(row.author_name !== null && { name: row.author_name }),
        ...(row.author_followers !== null && { followers: row.author_followers }),
        ...(row.author_verified !== null && { verified: row.author_verified }),
      },
      sentiment: { label: row.sentiment_label, score: row.sentiment_score, confidence: row.sentiment_confidence },
      lang: row.lang,
      queryIds: row.query_ids,
      explanation: [],
    },
    correction:
      row.corrected_sentiment === null && !row.not_relevant
        ? null
        : { sentiment: row.corrected_sentiment, notRelevant: row.not_relevant },
    version: row.version,
  };
}
