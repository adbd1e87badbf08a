import type { DataSource } from 'typeorm';
import type { KioskPrincipal } from '@watchfloor/access';
import { changedRows } from '../data-source';
import type { Queryable } from '../data-source';

export interface KioskRecord {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** The wall layout it was given; null: it shows the default. */
  layoutId: string | null;
}

interface KioskRow {
  id: string;
  name: string;
  created_at: Date;
  created_by: string | null;
  last_seen_at: Date | null;
  revoked_at: Date | null;
  layout_id: string | null;
}

const COLUMNS = 'id, name, created_at, created_by, last_seen_at, revoked_at, layout_id';

export class KioskTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    name: string,
    tokenHash: string,
    createdBy: string | null,
    db: Queryable = this.dataSource,
  ): Promise<KioskRecord> {
    const [row] = await db.query<KioskRow[]>(
      `INSERT INTO kiosk_token (name, token_hash, created_by) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
      [name, tokenHash, createdBy],
    );
    return fromRow(row!);
  }

  async list(): Promise<KioskRecord[]> {
    const rows = await this.dataSource.query<KioskRow[]>(`SELECT ${COLUMNS} FROM kiosk_token ORDER BY created_at DESC`);
    return rows.map(fromRow);
  }

  async findPrincipal(tokenHash: string): Promise<KioskPrincipal | null> {
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM kiosk_token WHERE token_hash = $1 AND revoked_at IS NULL`,
      [tokenHash],
    );
    const row = rows[0];
    return row === undefined ? null : { kind: 'kiosk', kioskId: row.id, name: row.name };
  }

  /** Revokes a live token; null if there is none by that id (or it was revoked already). */
  async revoke(id: string, db: Queryable = this.dataSource): Promise<KioskRecord | null> {
    const rows = await changedRows<KioskRow>(
      db,
      `UPDATE kiosk_token SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0] === undefined ? null : fromRow(rows[0]);
  }

  /** Records that a screen showed up; at most once a minute per screen, to keep writes off the read path. */
  async touch(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE kiosk_token SET last_seen_at = now()
       WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`,
      [id],
    );
  }
}

function fromRow(row: KioskRow): KioskRecord {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    layoutId: row.layout_id,
  };
}
