import type { DataSource } from 'typeorm';
import type { Queryable } from '../data-source';

export const QUERY_KINDS = ['brand', 'competitor'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface ListeningQueryRecord {
  id: string;
  name: string;
  /** Competitor queries count towards share of voice, not the brand's own mentions. */
  kind: QueryKind;
  enabled: boolean;
  version: number;
  text: string;
  createdAt: string;
  /** When the current version was saved. */
  updatedAt: string;
}

export interface QueryVersion {
  version: number;
  text: string;
  createdBy: string;
  createdAt: string;
}

interface QueryRow {
  id: string;
  name: string;
  kind: QueryKind;
  enabled: boolean;
  current_version: number;
  text: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT_QUERY = `
  SELECT q.id, q.name, q.kind, q.enabled, q.current_version, v.text, q.created_at, v.created_at AS updated_at
  FROM listening_query q JOIN listening_query_version v ON v.query_id = q.id AND v.version = q.current_version`;

export class QueryNameTakenError extends Error {
  constructor(readonly queryName: string) {
    super(`a listening query named "${queryName}" already exists`);
  }
}

export class ListeningQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    input: { name: string; kind: QueryKind; text: string; createdBy: string },
    db: Queryable = this.dataSource,
  ): Promise<ListeningQueryRecord> {
    try {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO listening_query (name, kind) VALUES ($1, $2) RETURNING id`,
        [input.name, input.kind],
      );
      await db.query(
        `INSERT INTO listening_query_version (query_id, version, text, created_by) VALUES ($1, 1, $2, $3)`,
        [row!.id, input.text, input.createdBy],
      );
      return (await this.findById(row!.id, db))!;
    } catch (error) {
      if ((error as { code?: string; constraint?: string }).constraint === 'listening_query_name_key') {
        throw new QueryNameTakenError(input.name);
      }
      throw error;
    }
  }

  /** Changes a query; a new text becomes a new version, and the old ones stay. */
  async update(
    id: string,
    changes: { name?: string; kind?: QueryKind; enabled?: boolean; text?: string },
    createdBy: string,
    db: Queryable = this.dataSource,
  ): Promise<ListeningQueryRecord | null> {
    const current = await this.findById(id, db);
    if (current === null) return null;
    try {
      await db.query(
        `UPDATE listening_query SET name = coalesce($2, name), kind = coalesce($3, kind), enabled = coalesce($4, enabled) WHERE id = $1`,
        [id, changes.name ?? null, changes.kind ?? null, changes.enabled ?? null],
      );
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'listening_query_name_key')
        throw new QueryNameTakenError(changes.name!);
      throw error;
    }
    if (changes.text !== undefined && changes.text !== current.text) {
      const version = current.version + 1;
      await db.query(
        `INSERT INTO listening_query_version (query_id, version, text, created_by) VALUES ($1, $2, $3, $4)`,
        [id, version, changes.text, createdBy],
      );
      await db.query(`UPDATE listening_query SET current_version = $2 WHERE id = $1`, [id, version]);
    }
    return this.findById(id, db);
  }

  async findById(id: string, db: Queryable = this.dataSource): Promise<ListeningQueryRecord | null> {
    const rows = await db.query<QueryRow[]>(`${SELECT_QUERY} WHERE q.id = $1`, [id]);
    return rows[0] === undefined ? null : fromRow(rows[0]);
  }

  async list(): Promise<ListeningQueryRecord[]> {
    const rows = await this.dataSource.query<QueryRow[]>(`${SELECT_QUERY} ORDER BY q.kind, q.name`);
    return rows.map(fromRow);
  }

  async versions(id: string): Promise<QueryVersion[]> {
    const rows = await this.dataSource.query<{ version: number; text: string; created_by: string; created_at: Date }[]>(
      `SELECT version, text, created_by, created_at FROM listening_query_version WHERE query_id = $1 ORDER BY version DESC`,
      [id],
    );
    return rows.map((row) => ({
      version: row.version,
      text: row.text,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
    }));
  }
}

function fromRow(row: QueryRow): ListeningQueryRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    version: row.current_version,
    text: row.text,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
