/**
 * How old a panel's data may get before it says so. The stream parts arrive with every frame,
 * and a frame goes out at least every 5 s (the worker's heartbeat); the slow parts are read
 * every 2 s (crises), 3 s (issues), 5 s (SLA) and 10 s (sources) — see the worker's slow panels.
 * Three missed beats or reads is no longer jitter.
 */
export const STALE_AFTER_MS = {
  stream: 15_000,
  crises: 6_000,
  issues: 9_000,
  sla: 15_000,
  sources: 30_000,
} as const;

export interface PanelFreshness {
  label: string;
  stale: boolean;
}

/**
 * What a panel says about the age of what it shows. With the connection down everything shown
 * is stale whatever its age: nobody can tell what changed since.
 */
export function panelFreshness(
  dataAt: number | null,
  now: number,
  staleAfterMs: number,
  live: boolean,
): PanelFreshness {
  if (dataAt === null) return { label: 'waiting for data', stale: !live };
  const age = Math.max(0, now - dataAt);
  return { label: `updated ${ageText(age)}`, stale: !live || age > staleAfterMs };
}

/** "3 s ago", "12 min ago", "2 h ago". */
export function ageText(ageMs: number): string {
  if (ageMs < 1_000) return 'just now';
  if (ageMs < 60_000) return `${Math.floor(ageMs / 1_000)} s ago`;
  if (ageMs < 3_600_000) return `${Math.floor(ageMs / 60_000)} min ago`;
  return `${Math.floor(ageMs / 3_600_000)} h ago`;
}

/** "12 min", "2 h 5 min": how long something has waited. */
export function waitingText(sinceMs: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - sinceMs) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
