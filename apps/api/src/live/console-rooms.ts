import { Permission, hasPermission } from '@watchfloor/access';
import type { UserPrincipal } from '@watchfloor/access';
import { LiveRoom, teamRoom } from '@watchfloor/contracts';

/**
 * The triage rooms a user's sockets hear: their teams' (admins: every team's), and only with
 * console access. A viewer in a team sees the wall, not the team's inbox and who is at which item.
 */
export function consoleRoomsOf(principal: UserPrincipal): string[] {
  if (!hasPermission(principal, Permission.UseConsole)) return [];
  const rooms = principal.teamIds.map(teamRoom);
  if (principal.role === 'admin') rooms.push(LiveRoom.TriageAll);
  return rooms;
}

/** Whether a room is one `consoleRoomsOf` hands out: the ones a re-check may take away. */
export function isConsoleRoom(room: string): boolean {
  return room === String(LiveRoom.TriageAll) || room.startsWith(teamRoom(''));
}
