import type { DataSource } from 'typeorm';
import type { Role } from '@watchfloor/access';
import { changedRows } from '../data-source';
import type { Queryable } from '../data-source';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  teamIds: string[];
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  disabled_at: Date | null;
  created_at: Date;
  team_ids: string[];
}

const SELECT_USER = `
  SELECT u.id, u.email, u.display_name, u.role, u.disabled_at, u.created_at,
         coalesce(array_agg(m.team_id) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
  FROM app_user u LEFT JOIN team_member m ON m.user_id = u.id`;

export class EmailTakenError extends Error {
  constructor(readonly email: string) {
    super(`a user with e-mail ${email} already exists`);
  }
}

export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    input: { email: string; displayName: string; role: Role; passwordHash: string },
    db: Queryable = this.dataSource,
  ): Promise<UserRecord> {
    try {
      const [row] = await db.query<{ id: string }[]>(
        `INSERT INTO app_user (email, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
        [input.email, input.displayName, input.role, input.passwordHash],
      );
      return (await this.findById(row!.id, db))!;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new EmailTakenError(input.email);
      throw error;
    }
  }

  async findById(id: string, db: Queryable = this.dataSource): Promise<UserRecord | null> {
    const rows = await db.query<UserRow[]>(`${SELECT_USER} WHERE u.id = $1 GROUP BY u.id`, [id]);
    return rows[0] === undefined ? null : fromRow(rows[0]);
  }

  /** What a login needs; null when there is no such account. */
  async findCredentials(email: string): Promise<{ id: string; passwordHash: string; disabled: boolean } | null> {
    const rows = await this.dataSource.query<{ id: string; password_hash: string; disabled_at: Date | null }[]>(
      `SELECT id, password_hash, disabled_at FROM app_user WHERE email = $1`,
      [email],
    );
    const row = rows[0];
    return row === undefined
      ? null
      : { id: row.id, passwordHash: row.password_hash, disabled: row.disabled_at !== null };
  }

  async list(): Promise<UserRecord[]> {
    const rows = await this.dataSource.query<UserRow[]>(`${SELECT_USER} GROUP BY u.id ORDER BY u.email`);
    return rows.map(fromRow);
  }

  async update(
    id: string,
    changes: { role?: Role; displayName?: string; disabled?: boolean },
    db: Queryable = this.dataSource,
  ): Promise<UserRecord | null> {
    await db.query(
      `UPDATE app_user SET
         role = coalesce($2, role),
         display_name = coalesce($3, display_name),
         disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at
                            WHEN $4 THEN coalesce(disabled_at, now()) ELSE NULL END
       WHERE id = $1`,
      [id, changes.role ?? null, changes.displayName ?? null, changes.disabled ?? null],
    );
    return this.findById(id, db);
  }

  /** Replaces the stored password hash: a change or a reset. False if there is no such user. */
  async setPasswordHash(id: string, passwordHash: string, db: Queryable = this.dataSource): Promise<boolean> {
    const rows = await changedRows<{ id: string }>(
      db,
      `UPDATE app_user SET password_hash = $2 WHERE id = $1 RETURNING id`,
      [id, passwordHash],
    );
    return rows.length > 0;
  }

  /**
   * Stores a stronger hash of the same password, unless the password changed meanwhile: a login
   * that upgrades must not put back a password someone has just replaced.
   */
  async upgradePasswordHash(id: string, from: string, to: string): Promise<void> {
    await this.dataSource.query(`UPDATE app_user SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, [
      id,
      from,
      to,
    ]);
  }

  /**
   * Locks the admins' rows while counting, so two concurrent demotions cannot both see another
   * admin left and leave none.
   */
  async countActiveAdmins(db: Queryable = this.dataSource): Promise<number> {
    const rows = await db.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE role = 'admin' AND disabled_at IS NULL FOR UPDATE`,
    );
    return rows.length;
  }

  async count(): Promise<number> {
    const [row] = await this.dataSource.query<{ count: string }[]>('SELECT count(*) AS count FROM app_user');
    return Number(row!.count);
  }
}

function fromRow(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    teamIds: row.team_ids,
  };
}
