import type { DataSource } from 'typeorm';
import type { BusinessHours } from '@watchfloor/rules';
import type { Queryable } from '../data-source';
import { toJsonbParameter } from './jsonb-parameter';

/** How a team works: its SLA clocks count its business hours (null: around the clock); no agent holds more than the capacity. */
export interface TeamSettings {
  id: string;
  name: string;
  businessHours: BusinessHours | null;
  capacityPerAgent: number;
}

export interface TeamRecord {
  id: string;
  name: string;
  memberIds: string[];
}

export class TeamNameTakenError extends Error {
  constructor(readonly teamName: string) {
    super(`a team named "${teamName}" already exists`);
  }
}

export class UnknownUsersError extends Error {
  constructor(readonly userIds: string[]) {
    super(`no such users: ${userIds.join(', ')}`);
  }
}

const SELECT_TEAM = `
  SELECT t.id, t.name, coalesce(array_agg(m.user_id ORDER BY m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS member_ids
  FROM team t LEFT JOIN team_member m ON m.team_id = t.id`;

export class TeamRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(name: string, db: Queryable = this.dataSource): Promise<TeamRecord> {
    try {
      const [row] = await db.query<{ id: string; name: string }[]>(
        `INSERT INTO team (name) VALUES ($1) RETURNING id, name`,
        [name],
      );
      return { ...row!, memberIds: [] };
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new TeamNameTakenError(name);
      throw error;
    }
  }

  async list(): Promise<TeamRecord[]> {
    const rows = await this.dataSource.query<{ id: string; name: string; member_ids: string[] }[]>(
      `${SELECT_TEAM} GROUP BY t.id ORDER BY t.name`,
    );
    return rows.map((row) => ({ id: row.id, name: row.name, memberIds: row.member_ids }));
  }

  async findById(id: string, db: Queryable = this.dataSource): Promise<TeamRecord | null> {
    const rows = await db.query<{ id: string; name: string; member_ids: string[] }[]>(
      `${SELECT_TEAM} WHERE t.id = $1 GROUP BY t.id`,
      [id],
    );
    const row = rows[0];
    return row === undefined ? null : { id: row.id, name: row.name, memberIds: row.member_ids };
  }

  /** Replaces the members of a team. */
  async setMembers(teamId: string, userIds: string[], db: Queryable = this.dataSource): Promise<void> {
    const known = await db.query<{ id: string }[]>(`SELECT id FROM app_user WHERE id = ANY($1::uuid[])`, [userIds]);
    const unknown = userIds.filter((id) => !known.some((row) => row.id === id));
    if (unknown.length > 0) throw new UnknownUsersError(unknown);
    await db.query(`DELETE FROM team_member WHERE team_id = $1`, [teamId]);
    await db.query(`INSERT INTO team_member (team_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
      teamId,
      userIds,
    ]);
  }

  async settings(db: Queryable = this.dataSource): Promise<TeamSettings[]> {
    return this.readSettings(`ORDER BY name`, [], db);
  }

  async settingsOf(teamId: string, db: Queryable = this.dataSource): Promise<TeamSettings | null> {
    return (await this.readSettings(`WHERE id = $1`, [teamId], db))[0] ?? null;
  }

  private async readSettings(clause: string, parameters: unknown[], db: Queryable): Promise<TeamSettings[]> {
    const rows = await db.query<
      { id: string; name: string; business_hours: BusinessHours | null; capacity_per_agent: number }[]
    >(`SELECT id, name, business_hours, capacity_per_agent FROM team ${clause}`, parameters);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      businessHours: row.business_hours,
      capacityPerAgent: row.capacity_per_agent,
    }));
  }

  async setSettings(
    teamId: string,
    settings: Pick<TeamSettings, 'businessHours' | 'capacityPerAgent'>,
    db: Queryable,
  ): Promise<void> {
    await db.query(`UPDATE team SET business_hours = $2::jsonb, capacity_per_agent = $3 WHERE id = $1`, [
      teamId,
      settings.businessHours === null ? null : toJsonbParameter(settings.businessHours),
      settings.capacityPerAgent,
    ]);
  }

  /**
   * Teams with the names of their active members in these roles: whom an item can be assigned to.
   * Null teams: every team.
   */
  async rosters(teamIds: readonly string[] | null, roles: readonly string[]): Promise<TeamRoster[]> {
    const rows = await this.dataSource.query<{ id: string; name: string; members: TeamRoster['members'] }[]>(
      `SELECT t.id, t.name,
              coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'name', u.display_name) ORDER BY u.display_name)
                       FILTER (WHERE u.id IS NOT NULL), '[]') AS members
       FROM team t
       LEFT JOIN team_member m ON m.team_id = t.id
       LEFT JOIN app_user u ON u.id = m.user_id AND u.disabled_at IS NULL AND u.role = ANY($2::text[])
       WHERE $1::uuid[] IS NULL OR t.id = ANY($1::uuid[])
       GROUP BY t.id ORDER BY t.name`,
      [teamIds, roles],
    );
    return rows;
  }
}

export interface TeamRoster {
  id: string;
  name: string;
  members: { id: string; name: string }[];
}
