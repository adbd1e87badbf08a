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

export interface KioskDeps {
  kiosks: KioskTokenRepository;
  audit: AuditRepository;
  publicUrl: string;
  /** How long a new or rotated token works. */
  ttlDays: number;
}

function expiryIn(days: number): Date {
  return new Date(Date.now() + days * 86_400_000);
}

/** A new kiosk screen. Its token is returned once, inside the wall URL; only its hash is kept. */
export function createKioskToken(
  deps: KioskDeps,
  name: string,
  actor: Actor,
): Promise<{ kiosk: KioskRecord; wallUrl: string }> {
  const token = newSecretToken();
  return deps.audit.audited(async (db, audit) => {
    const kiosk = await deps.kiosks.create(
      {
        name,
        tokenHash: hashToken(token),
        createdBy: actor.type === 'user' ? actor.id : null,
        expiresAt: expiryIn(deps.ttlDays),
      },
      db,
    );
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

/**
 * A new token for a screen that is not revoked: a new wall URL, shown once, and a new expiry;
 * the old token is dead from the same commit. Null if there is no such screen. The caller
 * drops the screens still showing the old token.
 */
export function rotateKioskToken(
  deps: KioskDeps,
  id: string,
  actor: Actor,
): Promise<{ kiosk: KioskRecord; wallUrl: string } | null> {
  const token = newSecretToken();
  return deps.audit.audited(async (db, audit) => {
    const before = await deps.kiosks.findById(id, db);
    const kiosk = await deps.kiosks.rotate(id, hashToken(token), expiryIn(deps.ttlDays), db);
    if (kiosk === null) return null;
    await audit({ actor, action: 'kiosk.rotated', target: { type: 'kiosk', id }, before, after: kiosk });
    return { kiosk, wallUrl: `${deps.publicUrl}/wall?kiosk=${token}` };
  });
}
