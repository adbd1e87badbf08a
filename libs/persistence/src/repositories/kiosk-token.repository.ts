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
  /** When its token stops working, unless rotated first. */
  expiresAt: string;
  /** When its token was last replaced by a new one (the old URL died then); null: never. */
  rotatedAt: string | null;
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
  expires_at: Date;
  rotated_at: Date | null;
  layout_id: string | null;
}

const COLUMNS = 'id, name, created_at, created_by, last_seen_at, revoked_at, expires_at, rotated_at, layout_id';
const LIVE = 'revoked_at IS NULL AND expires_at > now()';

export class KioskTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    input: { name: string; tokenHash: string; createdBy: string | null; expiresAt: Date },
    db: Queryable = this.dataSource,
  ): Promise<KioskRecord> {
    const [row] = await db.query<KioskRow[]>(
      `INSERT INTO kiosk_token (name, token_hash, created_by, expires_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [input.name, input.tokenHash, input.createdBy, input.expiresAt.toISOString()],
    );
    return fromRow(row!);
  }

  async findById(id: string, db: Queryable = this.dataSource): Promise<KioskRecord | null> {
    const rows = await db.query<KioskRow[]>(`SELECT ${COLUMNS} FROM kiosk_token WHERE id = $1`, [id]);
    return rows[0] === undefined ? null : fromRow(rows[0]);
  }

  /**
   * Gives a screen that is not revoked a new token (an expired one may be renewed this way): the
   * old token stops working in the same statement. Null if there is no such screen.
   */
  async rotate(
    id: string,
    tokenHash: string,
    expiresAt: Date,
    db: Queryable = this.dataSource,
  ): Promise<KioskRecord | null> {
    const rows = await changedRows<KioskRow>(
      db,
      `UPDATE kiosk_token SET token_hash = $2, expires_at = $3, rotated_at = now()
       WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [id, tokenHash, expiresAt.toISOString()],
    );
    return rows[0] === undefined ? null : fromRow(rows[0]);
  }

  async list(): Promise<KioskRecord[]> {
    const rows = await this.dataSource.query<KioskRow[]>(`SELECT ${COLUMNS} FROM kiosk_token ORDER BY created_at DESC`);
    return rows.map(fromRow);
  }

  async findPrincipal(tokenHash: string): Promise<KioskPrincipal | null> {
    const rows = await this.dataSource.query<{ id: string; name: string; expires_at: Date }[]>(
      `SELECT id, name, expires_at FROM kiosk_token WHERE token_hash = $1 AND ${LIVE}`,
      [tokenHash],
    );
    const row = rows[0];
    return row === undefined
      ? null
      : { kind: 'kiosk', kioskId: row.id, name: row.name, expiresAt: row.expires_at.toISOString() };
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
    expiresAt: row.expires_at.toISOString(),
    rotatedAt: row.rotated_at?.toISOString() ?? null,
    layoutId: row.layout_id,
  };
}
