import type { DataSource } from 'typeorm';
import { toJsonbParameter } from './jsonb-parameter';

export interface DeadLetter {
  index: number;
  reason: string;
  input: unknown;
}

/** A dead letter without its payload: what a listing shows. */
export interface DeadLetterEntry {
  id: string;
  batchId: string;
  /** Position in the batch; -1 when the whole batch failed. */
  itemIndex: number;
  source: string;
  reason: string;
  createdAt: string;
  /** When it was sent back through ingestion; null while it waits. */
  replayedAt: string | null;
}

export interface StoredDeadLetter extends DeadLetterEntry {
  payload: unknown;
}

export interface DeadLetterFilter {
  /** Only those whose reason contains this, in any case. */
  reasonContains?: string;
}

export interface DeadLetterCounts {
  matching: number;
  waiting: number;
}

type DeadLetterRow = {
  id: string;
  batch_id: string;
  item_index: number;
  source: string;
  reason: string;
  payload?: unknown;
  created_at: Date;
  replayed_at: Date | null;
};

const ENTRY_COLUMNS = 'id, batch_id, item_index, source, reason, created_at, replayed_at';
const REASON_FILTER = `($1::text IS NULL OR strpos(lower(reason), lower($1::text)) > 0)`;

export class DeadLetterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Idempotent per (batch, position): a retried batch does not dead-letter an item twice. */
  async recordRejected(batchId: string, source: string, rejected: DeadLetter[]): Promise<void> {
    const rows = rejected.map((item) => ({ item_index: item.index, reason: item.reason, payload: item.input }));
    await this.dataSource.query(
      `INSERT INTO dead_letter (batch_id, item_index, source, reason, payload)
       SELECT $1, item_index, $2, reason, payload
       FROM jsonb_to_recordset($3::jsonb) AS r(item_index integer, reason text, payload jsonb)
       ON CONFLICT (batch_id, item_index) DO NOTHING`,
      [batchId, source, toJsonbParameter(rows)],
    );
  }

  async findByBatch(batchId: string): Promise<StoredDeadLetter[]> {
    const rows = await this.dataSource.query<DeadLetterRow[]>(
      `SELECT ${ENTRY_COLUMNS}, payload FROM dead_letter WHERE batch_id = $1 ORDER BY item_index`,
      [batchId],
    );
    return rows.map(toStored);
  }

  /** Oldest first, without payloads. */
  async list(filter: DeadLetterFilter, limit: number): Promise<DeadLetterEntry[]> {
    const rows = await this.dataSource.query<DeadLetterRow[]>(
      `SELECT ${ENTRY_COLUMNS} FROM dead_letter WHERE ${REASON_FILTER} ORDER BY id LIMIT $2`,
      [filter.reasonContains ?? null, limit],
    );
    return rows.map(toEntry);
  }

  async count(filter: DeadLetterFilter): Promise<DeadLetterCounts> {
    const [row] = await this.dataSource.query<DeadLetterCounts[]>(
      `SELECT count(*)::int AS matching, count(*) FILTER (WHERE replayed_at IS NULL)::int AS waiting
       FROM dead_letter WHERE ${REASON_FILTER}`,
      [filter.reasonContains ?? null],
    );
    return row!;
  }

  /** Those of `ids` that exist, in id order. */
  async findByIds(ids: string[]): Promise<StoredDeadLetter[]> {
    const rows = await this.dataSource.query<DeadLetterRow[]>(
      `SELECT ${ENTRY_COLUMNS}, payload FROM dead_letter WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [ids],
    );
    return rows.map(toStored);
  }

  /** A page of those not replayed yet, after the id `afterId` (keyset: entries that stay do not shift pages). */
  async findWaiting(afterId: string | null, limit: number): Promise<StoredDeadLetter[]> {
    const rows = await this.dataSource.query<DeadLetterRow[]>(
      `SELECT ${ENTRY_COLUMNS}, payload FROM dead_letter
       WHERE replayed_at IS NULL AND id > coalesce($1::bigint, 0) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map(toStored);
  }

  /** Stamps the replay time on those not stamped yet: a second replay keeps the first time. */
  async markReplayed(ids: string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE dead_letter SET replayed_at = now() WHERE id = ANY($1::bigint[]) AND replayed_at IS NULL`,
      [ids],
    );
  }

  /** An entry that failed again stays waiting, with the reason it fails now. */
  async keepWithReason(id: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE dead_letter SET reason = $2 WHERE id = $1::bigint AND reason <> $2`, [
      id,
      reason,
    ]);
  }
}

function toEntry(row: DeadLetterRow): DeadLetterEntry {
  return {
    id: String(row.id),
    batchId: row.batch_id,
    itemIndex: row.item_index,
    source: row.source,
    reason: row.reason,
    createdAt: row.created_at.toISOString(),
    replayedAt: row.replayed_at === null ? null : row.replayed_at.toISOString(),
  };
}

function toStored(row: DeadLetterRow): StoredDeadLetter {
  return { ...toEntry(row), payload: row.payload };
}
