import { hashPassword, hashToken, newSecretToken } from '@watchfloor/access';
import type { Actor, Role } from '@watchfloor/access';
import type { AuditRepository } from './audit.repository';
import type { KioskRecord, KioskTokenRepository } from './kiosk-token.repository';
import type { UserRecord, UserRepository } from './user.repository';

// Changes made the same way by the API and the command line, each with its audit entry.

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export async function createUser(
  deps: { users: UserRepository; audit: AuditRepository },
  input: NewUser,
  actor: Actor,
): Promise<UserRecord> {
  const passwordHash = await hashPassword(input.password);
  return deps.audit.audited(async (db, audit) => {
    const user = await deps.users.create(
      { email: input.email, displayName: input.displayName, role: input.role, passwordHash },
      db,
    );
    await audit({ actor, action: 'user.created', target: { type: 'user', id: user.id }, before: null, after: user });
    return user;
  });
}

/** A new kiosk screen. Its token is returned once, inside the wall URL; only its hash is kept. */
export function createKioskToken(
  deps: { kiosks: KioskTokenRepository; audit: AuditRepository; publicUrl: string },
  name: string,
  actor: Actor,
): Promise<{ kiosk: KioskRecord; wallUrl: string }> {
  const token = newSecretToken();
  return deps.audit.audited(async (db, audit) => {
    const kiosk = await deps.kiosks.create(name, hashToken(token), actor.type === 'user' ? actor.id : null, db);
    await audit({
      actor,
      action: 'kiosk.created',
      target: { type: 'kiosk', id: kiosk.id },
      before: null,
      after: kiosk,
    });
    return { kiosk, wallUrl: `${deps.publicUrl}/wall?kiosk=${token}` };
  });
}
