import type { DataSource } from 'typeorm';
import { toJsonbParameter } from './jsonb-parameter';

/**
 * Cursors of the sources, by key (`rss:<feed url>`, `twitter:<query id>` ...). A source saves its
 * cursor only after the batch it read is enqueued: a crash between the two reads the batch again,
 * and ingestion's idempotency drops the repeat. Nothing is skipped.
 */
export class SourceCursorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async get<T>(sourceKey: string): Promise<T | null> {
    const rows = await this.dataSource.query<{ cursor: T }[]>(
      'SELECT cursor FROM source_cursor WHERE source_key = $1',
      [sourceKey],
    );
    return rows[0]?.cursor ?? null;
  }

  async set(sourceKey: string, cursor: unknown): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO source_cursor (source_key, cursor) VALUES ($1, $2::jsonb)
       ON CONFLICT (source_key) DO UPDATE SET cursor = excluded.cursor, updated_at = now()`,
      [sourceKey, toJsonbParameter(cursor)],
    );
  }
}
