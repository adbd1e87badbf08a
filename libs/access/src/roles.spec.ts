import { Permission, ROLES, rolesWith } from './roles';
import { hasPermission } from './principal';
import type { Principal } from './principal';

const user = (role: (typeof ROLES)[number]): Principal => ({
  kind: 'user',
  userId: 'u',
  email: 'u@example.com',
  displayName: 'U',
  role,
  teamIds: [],
  sessionId: 's',
  expiresAt: '2030-01-01T00:00:00.000Z',
});
const kiosk: Principal = { kind: 'kiosk', kioskId: 'k', name: 'Lobby', expiresAt: '2030-01-01T00:00:00.000Z' };

describe('permissions', () => {
  it('gives admins everything', () => {
    for (const permission of Object.values(Permission)) expect(hasPermission(user('admin'), permission)).toBe(true);
  });

  it.each(ROLES)('lets a %s watch the wall and read mentions', (role) => {
    expect(hasPermission(user(role), Permission.ViewWall)).toBe(true);
    expect(hasPermission(user(role), Permission.ReadMentions)).toBe(true);
  });

  it('keeps user, screen, audit, queue and sentiment model management to admins', () => {
    for (const role of ROLES.filter((candidate) => candidate !== 'admin')) {
      expect(hasPermission(user(role), Permission.ManageSentimentModel)).toBe(false);
      expect(hasPermission(user(role), Permission.ManageUsers)).toBe(false);
      expect(hasPermission(user(role), Permission.ManageKiosks)).toBe(false);
      expect(hasPermission(user(role), Permission.ReadAudit)).toBe(false);
      expect(hasPermission(user(role), Permission.ManageQueues)).toBe(false);
    }
  });

  it('lets managers manage teams, agents and analysts use the console, viewers only watch', () => {
    expect(hasPermission(user('manager'), Permission.ManageTeams)).toBe(true);
    expect(hasPermission(user('agent'), Permission.ManageTeams)).toBe(false);
    expect(hasPermission(user('agent'), Permission.UseConsole)).toBe(true);
    expect(hasPermission(user('analyst'), Permission.UseConsole)).toBe(true);
    expect(hasPermission(user('viewer'), Permission.UseConsole)).toBe(false);
  });

  it('lets a kiosk screen watch the wall and nothing else: not even the mentions and issues behind it', () => {
    const allowed = Object.values(Permission).filter((permission) => hasPermission(kiosk, permission));
    expect(allowed).toEqual([Permission.ViewWall]);
  });

  it('names the roles that hold a permission: who may be assigned triage work', () => {
    expect(rolesWith(Permission.WorkTriage)).toEqual(['admin', 'manager', 'agent']);
  });
});
