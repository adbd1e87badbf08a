import type { DataSource } from 'typeorm';
import type { ReplyView } from '@watchfloor/contracts';
import type { Queryable } from '../data-source';
import { changedRows } from '../data-source';

export interface NewReply {
  itemId: string;
  idempotencyKey: string;
  authorId: string;
  authorName: string;
  text: string;
}

/** What the reply job needs: the reply, and the post it answers. */
export interface ReplyTask {
  reply: ReplyView & { itemId: string; attempts: number };
  inReplyTo: { platform: string; externalId: string; url: string; authorHandle: string };
  /** The source that fetched the post: where a reply goes first (Mastodon ids are local to an instance). */
  source: string;
}

interface ReplyRow {
  id: string;
  item_id: string;
  text: string;
  status: ReplyView['status'];
  external_id: string | null;
  error: string | null;
  created_at: Date;
  author_name: string;
  attempts: number;
}

const REPLY_COLUMNS = 'id, item_id, text, status, external_id, error, created_at, author_name, attempts';

/** Replies from the console: one per idempotency key, whatever the double clicks and retries. */
export class ReplyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the reply, or returns the one stored before under the same key (`created` false). */
  async createOnce(
    reply: NewReply,
    db: Queryable,
  ): Promise<{ reply: ReplyView & { itemId: string }; created: boolean }> {
    const [inserted] = await db.query<ReplyRow[]>(
      `INSERT INTO triage_reply (item_id, idempotency_key, author_id, author_name, text)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${REPLY_COLUMNS}`,
      [reply.itemId, reply.idempotencyKey, reply.authorId, reply.authorName, reply.text],
    );
    if (inserted !== undefined) return { reply: toView(inserted), created: true };
    const [existing] = await db.query<ReplyRow[]>(
      `SELECT ${REPLY_COLUMNS} FROM triage_reply WHERE idempotency_key = $1`,
      [reply.idempotencyKey],
    );
    return { reply: toView(existing!), created: false };
  }

  async ofItem(itemId: string): Promise<ReplyView[]> {
    const rows = await this.dataSource.query<ReplyRow[]>(
      `SELECT ${REPLY_COLUMNS} FROM triage_reply WHERE item_id = $1 ORDER BY created_at`,
      [itemId],
    );
    return rows.map(toView);
  }

  /** Marks the reply as being sent (one more attempt) and returns what sending needs; null if it is done. */
  async startSending(id: string): Promise<ReplyTask | null> {
    const [row] = await this.dataSource.query<(ReplyRow & Record<string, string>)[]>(
      `WITH started AS (
         UPDATE triage_reply SET status = 'sending', attempts = attempts + 1
         WHERE id = $1 AND status IN ('queued', 'sending') RETURNING ${REPLY_COLUMNS})
       SELECT s.*, m.platform, m.external_id AS mention_external_id, m.url, m.author_handle, m.source
       FROM started s JOIN triage_item i ON i.id = s.item_id JOIN mention m ON m.id = i.mention_id`,
      [id],
    );
    if (row === undefined) return null;
    return {
      reply: { ...toView(row), attempts: row.attempts },
      inReplyTo: {
        platform: row['platform']!,
        externalId: row['mention_external_id']!,
        url: row['url']!,
        authorHandle: row['author_handle']!,
      },
      source: row['source']!,
    };
  }

  async finish(
    id: string,
    outcome: { status: 'sent'; externalId: string } | { status: 'failed' | 'unsupported'; error: string },
  ): Promise<ReplyView & { itemId: string }> {
    const [row] = await changedRows<ReplyRow>(
      this.dataSource,
      `UPDATE triage_reply SET status = $2, external_id = $3, error = $4,
              sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
       WHERE id = $1 RETURNING ${REPLY_COLUMNS}`,
      [
        id,
        outcome.status,
        outcome.status === 'sent' ? outcome.externalId : null,
        outcome.status === 'sent' ? null : outcome.error,
      ],
    );
    return toView(row!);
  }
}

function toView(row: ReplyRow): ReplyView & { itemId: string } {
  return {
    id: row.id,
    itemId: row.item_id,
    text: row.text,
    status: row.status,
    externalId: row.external_id,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    author: row.author_name,
  };
}
