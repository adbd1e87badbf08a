import type { Role, UserPrincipal } from '@watchfloor/access';
import { consoleRoomsOf, isConsoleRoom } from './console-rooms';

const someone = (role: Role, teamIds: string[]): UserPrincipal => ({
  kind: 'user',
  userId: 'u',
  email: 'u@example.com',
  displayName: 'U',
  role,
  teamIds,
  sessionId: 's',
  expiresAt: '2030-01-01T00:00:00.000Z',
});

describe('console rooms', () => {
  it('puts console users in their teams’ rooms, and admins in every team’s too', () => {
    expect(consoleRoomsOf(someone('agent', ['care', 'legal']))).toEqual(['team:care', 'team:legal']);
    expect(consoleRoomsOf(someone('admin', ['care']))).toEqual(['team:care', 'triage:all']);
  });

  it('keeps a viewer out of the rooms of the team they belong to: no console, no inbox', () => {
    expect(consoleRoomsOf(someone('viewer', ['care']))).toEqual([]);
  });

  it('tells the rooms a re-check may take away from the ones it leaves alone', () => {
    expect(['team:care', 'triage:all', 'wall', 'wall:frames', 'session:s', 'user:u'].filter(isConsoleRoom)).toEqual([
      'team:care',
      'triage:all',
    ]);
  });
});
