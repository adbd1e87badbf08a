import type { TriageStats } from '@watchfloor/contracts';

export interface StatsSummary {
  /** Minutes, for the team picked (responded-weighted across one's teams for "all"); null when unknown. */
  medianFirstResponseMinutes: number | null;
  /** Items open now in the team picked (or all one's teams); null when the API does not say. */
  open: number | null;
  /** This person's own median first response. */
  myMedianFirstResponseMinutes: number | null;
  /** Share of reviewed items whose analysis nobody corrected; null before any review. */
  accuracy: number | null;
  reviewed: number;
}

/** The stats strip's figures from GET /api/triage/stats. */
export function summarizeStats(
  stats: TriageStats,
  teamId: string | null,
  teamIds: readonly string[],
  selfId: string,
): StatsSummary {
  const teams =
    teamId !== null
      ? stats.teams.filter((team) => team.teamId === teamId)
      : stats.teams.filter((team) => teamIds.length === 0 || teamIds.includes(team.teamId));
  // A median of medians is not a median: across teams, weigh each team's by how many it answered.
  const measured = teams.filter((team) => team.medianFirstResponseMinutes !== null && team.responded > 0);
  const weight = measured.reduce((sum, team) => sum + team.responded, 0);
  const medianFirstResponseMinutes =
    measured.length === 1
      ? measured[0]!.medianFirstResponseMinutes
      : weight === 0
        ? null
        : measured.reduce((sum, team) => sum + team.medianFirstResponseMinutes! * team.responded, 0) / weight;
  const reviewed = stats.accuracy.reduce((sum, entry) => sum + entry.reviewed, 0);
  const corrected = stats.accuracy.reduce((sum, entry) => sum + entry.corrected, 0);
  const open = teams.every((team) => typeof team.open === 'number')
    ? teams.reduce((sum, team) => sum + (team.open ?? 0), 0)
    : null;
  return {
    medianFirstResponseMinutes,
    open,
    myMedianFirstResponseMinutes:
      stats.agents.find((agent) => agent.userId === selfId)?.medianFirstResponseMinutes ?? null,
    accuracy: reviewed === 0 ? null : (reviewed - corrected) / reviewed,
    reviewed,
  };
}

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 1) return `${Math.round(minutes * 60)}s`;
  const total = Math.round(minutes);
  if (total < 60) return `${total}m`;
  return `${Math.floor(total / 60)}h ${String(total % 60).padStart(2, '0')}m`;
}
