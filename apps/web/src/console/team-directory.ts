import type { TeamRoster, UserResponse } from './triage-client';

export interface TeamOption {
  id: string;
  name: string;
}

export interface Person {
  id: string;
  name: string;
}

export interface Directory {
  /** The teams whose inboxes the person may pick, by name. */
  teams: TeamOption[];
  nameOf: (userId: string) => string | undefined;
  /** Who an item of the team may be assigned to, oneself first. */
  membersOf: (teamId: string) => Person[];
}

export interface DirectorySources {
  /** GET /api/triage/teams: the teams whose inboxes the person sees (every team for an admin), with their active members. */
  rosters: readonly TeamRoster[];
  /** GET /api/users, or null when the person may not read it (users:read): it tells who may not work items. */
  users: readonly UserResponse[] | null;
  self: Person;
}

/** The roles with triage:work (libs/access ROLE_PERMISSIONS): an item can be given only to them. */
const WORKING_ROLES = new Set(['agent', 'manager', 'admin']);

/** Teams and people for the team picker, the assignee list and the timeline's names. */
export function buildDirectory({ rosters, users, self }: DirectorySources): Directory {
  const names = new Map<string, string>();
  for (const team of rosters) for (const member of team.members) names.set(member.id, member.name);
  for (const user of users ?? []) names.set(user.id, user.displayName);
  names.set(self.id, self.name);

  // The rosters leave disabled accounts out; the user list, where readable, also names members (analysts) who may not work items.
  const unassignable = new Set(
    (users ?? []).filter((user) => user.disabled || !WORKING_ROLES.has(user.role)).map((user) => user.id),
  );
  const byId = new Map(rosters.map((team) => [team.id, team]));
  const membersOf = (teamId: string): Person[] =>
    (byId.get(teamId)?.members ?? [])
      .filter((member) => !unassignable.has(member.id))
      .map((member) => ({ id: member.id, name: names.get(member.id) ?? member.name }))
      .sort((a, b) => (a.id === self.id ? -1 : b.id === self.id ? 1 : a.name.localeCompare(b.name)));

  const teams = rosters.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  return { teams, nameOf: (userId) => names.get(userId), membersOf };
}
