import type { DataSource } from 'typeorm';
import type { Queryable } from '../data-source';
import { changedRows } from '../data-source';

export interface ResponseTemplateRecord {
  id: string;
  name: string;
  body: string;
  /** Null: every team may use it. */
  teamId: string | null;
}

export class TemplateNameTakenError extends Error {
  constructor(readonly templateName: string) {
    super(`a template named "${templateName}" already exists`);
  }
}

interface TemplateRow {
  id: string;
  name: string;
  body: string;
  team_id: string | null;
}

export class ResponseTemplateRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<ResponseTemplateRecord[]> {
    const rows = await this.dataSource.query<TemplateRow[]>(
      `SELECT id, name, body, team_id FROM response_template ORDER BY name`,
    );
    return rows.map(toRecord);
  }

  async create(template: Omit<ResponseTemplateRecord, 'id'>, db: Queryable): Promise<ResponseTemplateRecord> {
    try {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO response_template (name, body, team_id) VALUES ($1, $2, $3) RETURNING id`,
        [template.name, template.body, template.teamId],
      );
      return { id: row!.id, ...template };
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new TemplateNameTakenError(template.name);
      throw error;
    }
  }

  /** Returns the removed template, or null if there was none. */
  async remove(id: string, db: Queryable): Promise<ResponseTemplateRecord | null> {
    const [row] = await changedRows<TemplateRow>(
      db,
      `DELETE FROM response_template WHERE id = $1 RETURNING id, name, body, team_id`,
      [id],
    );
    return row === undefined ? null : toRecord(row);
  }
}

function toRecord(row: TemplateRow): ResponseTemplateRecord {
  return { id: row.id, name: row.name, body: row.body, teamId: row.team_id };
}
