import { KIOSK_PERMISSIONS, ROLE_PERMISSIONS } from './roles';
import type { Permission, Role } from './roles';

/** Someone signed in. */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  teamIds: string[];
  sessionId: string;
  expiresAt: string;
}

/** A wall screen holding a kiosk token. */
export interface KioskPrincipal {
  kind: 'kiosk';
  kioskId: string;
  name: string;
  /** When the screen's token stops working, unless it is rotated first. */
  expiresAt: string;
}

export type Principal = UserPrincipal | KioskPrincipal;

export function permissionsOf(principal: Principal): readonly Permission[] {
  return principal.kind === 'kiosk' ? KIOSK_PERMISSIONS : ROLE_PERMISSIONS[principal.role];
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return permissionsOf(principal).includes(permission);
}

/** How the audit log names whoever acted. */
export interface Actor {
  type: 'user' | 'kiosk' | 'system' | 'cli';
  id: string | null;
  label: string;
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId, label: principal.email }
    : { type: 'kiosk', id: principal.kioskId, label: principal.name };
}
