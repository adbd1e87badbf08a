import type { DataSource } from 'typeorm';
import type { Role, UserPrincipal } from '@watchfloor/access';
import { changedRows } from '../data-source';
import type { Queryable } from '../data-source';

export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(userId: string, tokenHash: string, expiresAt: Date): Promise<{ id: string }> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO user_session (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`,
      [userId, tokenHash, expiresAt.toISOString()],
    );
    return row!;
  }

  /** The signed-in user behind a session token, if the session is live and the account enabled. */
  async findPrincipal(tokenHash: string): Promise<UserPrincipal | null> {
    const rows = await this.dataSource.query<
      {
        session_id: string;
        expires_at: Date;
        user_id: string;
        email: string;
        display_name: string;
        role: Role;
        team_ids: string[];
      }[]
    >(
      `SELECT s.id AS session_id, s.expires_at, u.id AS user_id, u.email, u.display_name, u.role,
              coalesce(array_agg(m.team_id) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
       FROM user_session s
       JOIN app_user u ON u.id = s.user_id
       LEFT JOIN team_member m ON m.user_id = u.id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL
       GROUP BY s.id, u.id`,
      [tokenHash],
    );
    const row = rows[0];
    if (row === undefined) return null;
    return {
      kind: 'user',
      sessionId: row.session_id,
      expiresAt: row.expires_at.toISOString(),
      userId: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      teamIds: row.team_ids,
    };
  }

  async revoke(sessionId: string, db: Queryable = this.dataSource): Promise<void> {
    await db.query(`UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /**
   * Ends every session of a user (disabled, role changed, password changed, signed out
   * everywhere), but `except` if given (the one changing its own password): returns the ids it ended.
   */
  async revokeAllOfUser(userId: string, db: Queryable = this.dataSource, except?: string): Promise<string[]> {
    const rows = await changedRows<{ id: string }>(
      db,
      `UPDATE user_session SET revoked_at = now()
       WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid) RETURNING id`,
      [userId, except ?? null],
    );
    return rows.map((row) => row.id);
  }
}
