import type { DataSource } from 'typeorm';
import type { SourceKind } from '@watchfloor/sources';
import type { Queryable } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';

/** A source as stored; the credentials stay sealed (see SecretBox) and only their field names are readable. */
export interface StoredSource {
  id: string;
  name: string;
  kind: SourceKind;
  settings: Record<string, unknown>;
  credentialsSealed: string | null;
  credentialFields: string[];
  pollSeconds: number;
  monthlyReadBudget: number | null;
  enabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewSource {
  /** Chosen before storing: sealed credentials are bound to their row's id. */
  id: string;
  name: string;
  kind: SourceKind;
  settings: Record<string, unknown>;
  credentialsSealed: string | null;
  credentialFields: string[];
  pollSeconds: number;
  monthlyReadBudget: number | null;
  enabled: boolean;
}

export type SourceChanges = Partial<Omit<NewSource, 'id' | 'kind'>>;

interface SourceRow {
  id: string;
  name: string;
  kind: SourceKind;
  settings: Record<string, unknown>;
  credentials_sealed: string | null;
  credential_fields: string[];
  poll_seconds: number;
  monthly_read_budget: number | null;
  enabled: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export class SourceNameTakenError extends Error {
  constructor(readonly sourceName: string) {
    super(`a source named "${sourceName}" already exists`);
  }
}

export class SourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(source: NewSource, db: Queryable = this.dataSource): Promise<StoredSource> {
    const rows = await withNameCheck(source.name, () =>
      db.query<SourceRow[]>(
        `INSERT INTO source (id, name, kind, settings, credentials_sealed, credential_fields, poll_seconds, monthly_read_budget, enabled)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9) RETURNING *`,
        [
          source.id,
          source.name,
          source.kind,
          toJsonbParameter(source.settings),
          source.credentialsSealed,
          source.credentialFields,
          source.pollSeconds,
          source.monthlyReadBudget,
          source.enabled,
        ],
      ),
    );
    return fromRow(rows[0]!);
  }

  /** Applies changes and bumps the version, so a running stream of the old version restarts. */
  async update(id: string, changes: SourceChanges, db: Queryable = this.dataSource): Promise<StoredSource | null> {
    const current = await this.findById(id, db);
    if (current === null) return null;
    const next = { ...current, ...changes };
    const [rows] = await withNameCheck(next.name, () =>
      db.query<[SourceRow[], number]>(
        `UPDATE source SET name = $2, settings = $3::jsonb, credentials_sealed = $4, credential_fields = $5,
           poll_seconds = $6, monthly_read_budget = $7, enabled = $8, version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING *`,
        [
          id,
          next.name,
          toJsonbParameter(next.settings),
          next.credentialsSealed,
          next.credentialFields,
          next.pollSeconds,
          next.monthlyReadBudget,
          next.enabled,
        ],
      ),
    );
    return rows[0] === undefined ? null : fromRow(rows[0]);
  }

  /**
   * Stores credentials sealed anew in place of the old form, without a new version (nothing
   * about the source changed); only if they are still the ones that were read.
   */
  async resealCredentials(id: string, previous: string, resealed: string): Promise<void> {
    await this.dataSource.query(`UPDATE source SET credentials_sealed = $3 WHERE id = $1 AND credentials_sealed = $2`, [
      id,
      previous,
      resealed,
    ]);
  }

  /** Removes a source with its health and cursors; the mentions it brought stay. */
  async delete(id: string, db: Queryable = this.dataSource): Promise<boolean> {
    const [rows] = await db.query<[{ id: string }[], number]>(`DELETE FROM source WHERE id = $1 RETURNING id`, [id]);
    if (rows.length === 0) return false;
    await db.query(`DELETE FROM source_cursor WHERE source_key LIKE $1`, [`source:${id}:%`]);
    return true;
  }

  async findById(id: string, db: Queryable = this.dataSource): Promise<StoredSource | null> {
    const rows = await db.query<SourceRow[]>(`SELECT * FROM source WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : fromRow(rows[0]);
  }

  async list(options: { enabledOnly?: boolean } = {}): Promise<StoredSource[]> {
    const rows = await this.dataSource.query<SourceRow[]>(
      `SELECT * FROM source ${options.enabledOnly === true ? 'WHERE enabled' : ''} ORDER BY name`,
    );
    return rows.map(fromRow);
  }
}

async function withNameCheck<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'source_name_key') throw new SourceNameTakenError(name);
    throw error;
  }
}

function fromRow(row: SourceRow): StoredSource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    settings: row.settings,
    credentialsSealed: row.credentials_sealed,
    credentialFields: row.credential_fields,
    pollSeconds: row.poll_seconds,
    monthlyReadBudget: row.monthly_read_budget,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
