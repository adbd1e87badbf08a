import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { PasswordHasher, actorOf } from '@watchfloor/access';
import type { Principal, UserPrincipal } from '@watchfloor/access';
import { AuditRepository, SessionRepository, UserRepository } from '@watchfloor/persistence';
import { LiveGateway } from '../live/live.gateway';

/**
 * Passwords and sessions of an account: a change by its owner, a reset by an admin, and
 * signing out everywhere. Each ends sessions (and their live sockets, on every API instance),
 * so a stolen session or an old password stops working at once. Audited; no hash is recorded.
 */
@Injectable()
export class UserCredentialsService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly passwords: PasswordHasher,
    private readonly live: LiveGateway,
  ) {}

  /** The signed-in user's own change: the current password is required; their other sessions end. */
  async changeOwnPassword(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.users.findCredentials(principal.email);
    const check = await this.passwords.verify(currentPassword, account?.passwordHash ?? null);
    if (account === null || !check.valid) throw new UnauthorizedException('The current password is wrong');
    const passwordHash = await this.passwords.hash(newPassword);
    const ended = await this.audit.audited(async (db, audit) => {
      await this.users.setPasswordHash(principal.userId, passwordHash, db);
      const others = await this.sessions.revokeAllOfUser(principal.userId, db, principal.sessionId);
      await audit({
        actor: actorOf(principal),
        action: 'user.password_changed',
        target: { type: 'user', id: principal.userId },
        before: null,
        after: { endedSessions: others.length },
      });
      return others;
    });
    this.endLive(ended, 'your password was changed: sign in again');
  }

  /** An admin sets a new password for someone: every session of theirs ends. */
  async resetPassword(userId: string, newPassword: string, by: Principal): Promise<{ endedSessions: number }> {
    const passwordHash = await this.passwords.hash(newPassword);
    const ended = await this.audit.audited(async (db, audit) => {
      if (!(await this.users.setPasswordHash(userId, passwordHash, db)))
        throw new NotFoundException(`No user ${userId}`);
      const sessions = await this.sessions.revokeAllOfUser(userId, db);
      await audit({
        actor: actorOf(by),
        action: 'user.password_reset',
        target: { type: 'user', id: userId },
        before: null,
        after: { endedSessions: sessions.length },
      });
      return sessions;
    });
    this.endLive(ended, 'your password was reset by an admin: sign in again');
    return { endedSessions: ended.length };
  }

  /** Ends every session of a user, theirs to ask for or an admin's. */
  async signOutEverywhere(userId: string, by: Principal): Promise<{ endedSessions: number }> {
    const ended = await this.audit.audited(async (db, audit) => {
      if ((await this.users.findById(userId, db)) === null) throw new NotFoundException(`No user ${userId}`);
      const sessions = await this.sessions.revokeAllOfUser(userId, db);
      await audit({
        actor: actorOf(by),
        action: 'user.signed_out_everywhere',
        target: { type: 'user', id: userId },
        before: null,
        after: { endedSessions: sessions.length },
      });
      return sessions;
    });
    this.endLive(ended, 'you were signed out everywhere');
    return { endedSessions: ended.length };
  }

  private endLive(sessionIds: readonly string[], reason: string): void {
    for (const id of sessionIds) this.live.revoke({ kind: 'session', id }, reason);
  }
}
