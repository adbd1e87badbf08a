import type { DataSource } from 'typeorm';
import type { StoredWallLayout, WallScene, WallTheme } from '@watchfloor/contracts';
import { changedRows } from '../data-source';
import type { Queryable } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';

export class WallLayoutNameTakenError extends Error {
  constructor(name: string) {
    super(`A wall layout named "${name}" exists already`);
  }
}

export interface WallLayoutContent {
  name: string;
  theme: WallTheme;
  scenes: WallScene[];
}

/** The layout a screen shows, and whether it was given that one (false: it is the default). */
export interface LayoutForScreen {
  layout: StoredWallLayout;
  assigned: boolean;
}

interface LayoutRow {
  id: string;
  name: string;
  theme: WallTheme;
  scenes: WallScene[];
  is_default: boolean;
  updated_at: Date;
  updated_by: string;
  version: number;
}

const COLUMNS = 'id, name, theme, scenes, is_default, updated_at, updated_by, version';
/** Serializes changes of the default: two admins choosing different defaults at once must not both win. */
const DEFAULT_LAYOUT_LOCK = 0x77616c6c;

/** Stored wall layouts, the default among them, and which layout each kiosk screen shows. */
export class WallLayoutRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<StoredWallLayout[]> {
    const rows = await this.dataSource.query<LayoutRow[]>(`SELECT ${COLUMNS} FROM wall_layout ORDER BY lower(name)`);
    return rows.map(fromRow);
  }

  async get(id: string, db: Queryable = this.dataSource): Promise<StoredWallLayout | null> {
    const [row] = await db.query<LayoutRow[]>(`SELECT ${COLUMNS} FROM wall_layout WHERE id = $1`, [id]);
    return row === undefined ? null : fromRow(row);
  }

  async create(content: WallLayoutContent, updatedBy: string, db: Queryable): Promise<StoredWallLayout> {
    const [row] = await named(content.name, () =>
      db.query<LayoutRow[]>(
        `INSERT INTO wall_layout (name, theme, scenes, updated_by) VALUES ($1, $2, $3::jsonb, $4) RETURNING ${COLUMNS}`,
        [content.name, content.theme, toJsonbParameter(content.scenes), updatedBy],
      ),
    );
    return fromRow(row!);
  }

  /** Replaces the content if the layout is still at `expectedVersion`; null if it is not (or is gone). */
  async update(
    id: string,
    content: WallLayoutContent,
    expectedVersion: number,
    updatedBy: string,
    db: Queryable,
  ): Promise<StoredWallLayout | null> {
    const [row] = await named(content.name, () =>
      changedRows<LayoutRow>(
        db,
        `UPDATE wall_layout SET name = $3, theme = $4, scenes = $5::jsonb, updated_by = $6, updated_at = now(),
                version = version + 1
         WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
        [id, expectedVersion, content.name, content.theme, toJsonbParameter(content.scenes), updatedBy],
      ),
    );
    return row === undefined ? null : fromRow(row);
  }

  /** Screens that showed it fall back to the default (the foreign key clears their choice). */
  async delete(id: string, db: Queryable): Promise<StoredWallLayout | null> {
    const [row] = await changedRows<LayoutRow>(db, `DELETE FROM wall_layout WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
    return row === undefined ? null : fromRow(row);
  }

  /**
   * Makes a layout the default (null: none, screens fall back to the built-in layout). Run it in
   * the caller's transaction: the old default is cleared and the new one set together.
   */
  async setDefault(id: string | null, db: Queryable): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock($1)', [DEFAULT_LAYOUT_LOCK]);
    // Cleared first, in its own statement: the unique index is checked row by row.
    await db.query(`UPDATE wall_layout SET is_default = false WHERE is_default AND id IS DISTINCT FROM $1`, [id]);
    if (id !== null) await db.query(`UPDATE wall_layout SET is_default = true WHERE id = $1`, [id]);
  }

  /** Gives a screen a layout (null: the default); the screen's id, name and previous layout, or null if no such screen. */
  async assignToKiosk(
    kioskId: string,
    layoutId: string | null,
    db: Queryable,
  ): Promise<{ kioskId: string; name: string; previousLayoutId: string | null } | null> {
    const [row] = await changedRows<{ id: string; name: string; previous_layout_id: string | null }>(
      db,
      `UPDATE kiosk_token k SET layout_id = $2
       FROM (SELECT id, layout_id FROM kiosk_token WHERE id = $1 FOR UPDATE) previous
       WHERE k.id = previous.id
       RETURNING k.id, k.name, previous.layout_id AS previous_layout_id`,
      [kioskId, layoutId],
    );
    return row === undefined ? null : { kioskId: row.id, name: row.name, previousLayoutId: row.previous_layout_id };
  }

  /** The layout a screen was given, else the default; null when neither exists. People pass null. */
  async layoutFor(kioskId: string | null): Promise<LayoutForScreen | null> {
    const [row] = await this.dataSource.query<(LayoutRow & { assigned: boolean })[]>(
      `SELECT ${COLUMNS}, (id = assigned.layout_id) IS TRUE AS assigned
       FROM wall_layout
       LEFT JOIN (SELECT layout_id FROM kiosk_token WHERE id = $1) assigned ON true
       WHERE id = assigned.layout_id OR is_default
       ORDER BY assigned DESC LIMIT 1`,
      [kioskId],
    );
    return row === undefined ? null : { layout: fromRow(row), assigned: row.assigned };
  }
}

async function named<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new WallLayoutNameTakenError(name);
    throw error;
  }
}

function fromRow(row: LayoutRow): StoredWallLayout {
  return {
    id: row.id,
    name: row.name,
    theme: row.theme,
    scenes: row.scenes,
    isDefault: row.is_default,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
    version: row.version,
  };
}
