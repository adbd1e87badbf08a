import type { DataSource } from 'typeorm';
import type { CalendarEventKind, CalendarEventView } from '@watchfloor/contracts';
import type { Queryable } from '../data-source';
import { changedRows } from '../data-source';

export interface CalendarEventInput {
  title: string;
  kind: CalendarEventKind;
  startsAt: Date;
  endsAt: Date | null;
  notes: string;
}

interface CalendarEventRow {
  id: string;
  title: string;
  kind: CalendarEventKind;
  starts_at: Date;
  ends_at: Date | null;
  notes: string;
  created_by: string | null;
  created_by_name: string | null;
  updated_at: Date;
}

const SELECT_EVENT = `
  SELECT e.id, e.title, e.kind, e.starts_at, e.ends_at, e.notes, e.created_by,
         u.display_name AS created_by_name, e.updated_at
  FROM calendar_event e LEFT JOIN app_user u ON u.id = e.created_by`;

/** Events of the marketing calendar. */
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Events overlapping [from, to): a point event inside it, or a span that touches it. Oldest first. */
  async overlapping(from: Date, to: Date, db: Queryable = this.dataSource): Promise<CalendarEventView[]> {
    const rows = await db.query<CalendarEventRow[]>(
      `${SELECT_EVENT}
       WHERE e.starts_at < $2 AND coalesce(e.ends_at, e.starts_at) >= $1
       ORDER BY e.starts_at, e.id`,
      [from, to],
    );
    return rows.map(toView);
  }

  async find(id: string, db: Queryable = this.dataSource): Promise<CalendarEventView | null> {
    const [row] = await db.query<CalendarEventRow[]>(`${SELECT_EVENT} WHERE e.id = $1`, [id]);
    return row === undefined ? null : toView(row);
  }

  async create(event: CalendarEventInput, createdBy: string | null, db: Queryable): Promise<CalendarEventView> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO calendar_event (title, kind, starts_at, ends_at, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [event.title, event.kind, event.startsAt, event.endsAt, event.notes, createdBy],
    );
    return (await this.find(row!.id, db))!;
  }

  /** Returns the updated event, or null if there was none. */
  async update(id: string, event: CalendarEventInput, db: Queryable): Promise<CalendarEventView | null> {
    const [row] = await changedRows<{ id: string }>(
      db,
      `UPDATE calendar_event SET title = $2, kind = $3, starts_at = $4, ends_at = $5, notes = $6, updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, event.title, event.kind, event.startsAt, event.endsAt, event.notes],
    );
    return row === undefined ? null : this.find(row.id, db);
  }

  /** Returns the removed event, or null if there was none. */
  async remove(id: string, db: Queryable): Promise<CalendarEventView | null> {
    const before = await this.find(id, db);
    if (before === null) return null;
    await db.query(`DELETE FROM calendar_event WHERE id = $1`, [id]);
    return before;
  }
}

function toView(row: CalendarEventRow): CalendarEventView {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at?.toISOString() ?? null,
    notes: row.notes,
    createdBy: row.created_by === null ? null : { id: row.created_by, name: row.created_by_name ?? '' },
    updatedAt: row.updated_at.toISOString(),
  };
}
