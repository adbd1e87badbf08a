import type { DataSource } from 'typeorm';
import { toJsonbParameter } from './jsonb-parameter';

export interface DeadLetter {
  index: number;
  reason: string;
  input: unknown;
}

export interface StoredDeadLetter {
  batchId: string;
  itemIndex: number;
  source: string;
  reason: string;
  payload: unknown;
  createdAt: string;
}

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
    const rows = await this.dataSource.query<
      { batch_id: string; item_index: number; source: string; reason: string; payload: unknown; created_at: Date }[]
    >(
      `SELECT batch_id, item_index, source, reason, payload, created_at
       FROM dead_letter WHERE batch_id = $1 ORDER BY item_index`,
      [batchId],
    );
    return rows.map((row) => ({
      batchId: row.batch_id,
      itemIndex: row.item_index,
      source: row.source,
      reason: row.reason,
      payload: row.payload,
      createdAt: row.created_at.toISOString(),
    }));
  }
}
