import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf } from '@watchfloor/access';
import type { Principal, Role } from '@watchfloor/access';
import { AuditRepository, SessionRepository, UserRepository, createUser } from '@watchfloor/persistence';
import type { NewUser, UserRecord } from '@watchfloor/persistence';
import { LiveGateway } from '../live/live.gateway';

export interface UserChanges {
  role?: Role;
  displayName?: string;
  disabled?: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly live: LiveGateway,
  ) {}

  list(): Promise<UserRecord[]> {
    return this.users.list();
  }

  create(input: NewUser, by: Principal): Promise<UserRecord> {
    return createUser({ users: this.users, audit: this.audit }, input, actorOf(by));
  }

  /**
   * Changes a user. A new role or a disabled account ends the user's sessions, so nobody keeps
   * powers they no longer have until their session runs out.
   */
  async update(id: string, changes: UserChanges, by: Principal): Promise<UserRecord> {
    const { after, endedSessions } = await this.audit.audited(async (db, audit) => {
      const before = await this.users.findById(id, db);
      if (before === null) throw new NotFoundException(`No user ${id}`);
      const stopsBeingAdmin =
        before.role === 'admin' &&
        !before.disabled &&
        (changes.disabled === true || (changes.role ?? 'admin') !== 'admin');
      if (stopsBeingAdmin && (await this.users.countActiveAdmins(db)) <= 1) {
        throw new ConflictException('This is the last active admin: make someone else admin first');
      }
      const updated = (await this.users.update(id, changes, db))!;
      const losesAccess = updated.disabled || updated.role !== before.role;
      const ended = losesAccess ? await this.sessions.revokeAllOfUser(id, db) : [];
      await audit({ actor: actorOf(by), action: 'user.updated', target: { type: 'user', id }, before, after: updated });
      return { after: updated, endedSessions: ended };
    });
    for (const sessionId of endedSessions)
      this.live.revoke({ kind: 'session', id: sessionId }, 'your account was changed');
    await this.live.recheckUsers([id]);
    return after;
  }
}
