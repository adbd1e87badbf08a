import type { PresenceEntry, TriageItemView } from '@watchfloor/contracts';
import type { TeamResponse, UserResponse } from './triage-client';

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
  /** GET /api/teams, or null when it could not be read (it asks for users:read). */
  teams: readonly TeamResponse[] | null;
  /** GET /api/users, or null (users:read). */
  users: readonly UserResponse[] | null;
  items: readonly TriageItemView[];
  /** Teams items came from, id to name. */
  seenTeams: Readonly<Record<string, string>>;
  /** Who is at each item now, by item id. */
  presence: Readonly<Record<string, readonly PresenceEntry[]>>;
  self: { id: string; name: string; seesAllTeams: boolean };
}

/** The roles with triage:work (libs/access ROLE_PERMISSIONS): an item can be given only to them. */
const WORKING_ROLES = new Set(['agent', 'manager', 'admin']);

function memberIdsOf(team: TeamResponse): string[] | null {
  if (Array.isArray(team.members)) return team.members.map((member) => member.id);
  return Array.isArray(team.memberIds) ? team.memberIds : null;
}

/**
 * Teams and people, from what the person may read: the team and user lists when their role
 * allows, and otherwise what the inbox itself tells (each item names its team and assignee).
 */
export function buildDirectory({ teams, users, items, seenTeams, presence, self }: DirectorySources): Directory {
  const names = new Map<string, string>();
  for (const item of items) if (item.assignee !== null) names.set(item.assignee.id, item.assignee.name);
  for (const people of Object.values(presence)) for (const person of people) names.set(person.userId, person.name);
  for (const team of teams ?? []) {
    for (const member of team.members ?? []) {
      const name = member.displayName ?? member.name;
      if (name !== undefined) names.set(member.id, name);
    }
  }
  for (const user of users ?? []) names.set(user.id, user.displayName);
  names.set(self.id, self.name);

  const byId = new Map<string, TeamOption>();
  for (const team of teams ?? []) {
    if (self.seesAllTeams || (memberIdsOf(team) ?? []).includes(self.id))
      byId.set(team.id, { id: team.id, name: team.name });
  }
  // Items come only from one's own teams: their names fill in what the team list could not say.
  for (const [id, name] of Object.entries(seenTeams)) if (!byId.has(id)) byId.set(id, { id, name });
  const teamOptions = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));

  // Disabled accounts, and members (analysts) who may not work items, cannot be assigned one.
  const unassignable = new Set(
    (users ?? [])
      .filter((user) => user.disabled === true || (user.role !== undefined && !WORKING_ROLES.has(user.role)))
      .map((user) => user.id),
  );
  const membersOf = (teamId: string): Person[] => {
    const team = teams?.find((candidate) => candidate.id === teamId);
    const listed = team === undefined ? null : memberIdsOf(team);
    // Without the member list: oneself, and whoever the team's items show working on them or looking at them.
    const ids = listed ?? [
      self.id,
      ...items.flatMap((item) => {
        if (item.teamId !== teamId) return [];
        const present = (presence[item.id] ?? []).map((person) => person.userId);
        return item.assignee === null ? present : [item.assignee.id, ...present];
      }),
    ];
    const people = [...new Set(ids)]
      .filter((id) => !unassignable.has(id))
      .map((id) => ({ id, name: names.get(id) ?? `user ${id.slice(0, 8)}` }));
    return people.sort((a, b) => (a.id === self.id ? -1 : b.id === self.id ? 1 : a.name.localeCompare(b.name)));
  };
  return { teams: teamOptions, nameOf: (userId) => names.get(userId), membersOf };
}
