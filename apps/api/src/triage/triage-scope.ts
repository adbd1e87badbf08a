import type { Principal } from '@watchfloor/access';

/** The teams whose items a principal may see: admins every team (null), others their own. */
export function teamScopeOf(principal: Principal): readonly string[] | null {
  if (principal.kind !== 'user') return [];
  return principal.role === 'admin' ? null : principal.teamIds;
}

export function mayWorkOnTeam(principal: Principal, teamId: string): boolean {
  const scope = teamScopeOf(principal);
  return scope === null || scope.includes(teamId);
}
