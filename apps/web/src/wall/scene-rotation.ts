export interface ScenePosition {
  index: number;
  /** When the scene came up and when it gives way, epoch ms; a lone scene never does (Infinity). */
  startedAt: number;
  endsAt: number;
}

/**
 * Which scene is up at `now` when the rotation began at `since`, each shown for its own
 * duration in turn, round and round.
 */
export function scenePosition(durationsSeconds: readonly number[], since: number, now: number): ScenePosition {
  const durations = durationsSeconds.map((seconds) => Math.max(1, seconds) * 1_000);
  const cycle = durations.reduce((sum, duration) => sum + duration, 0);
  if (durations.length <= 1) return { index: 0, startedAt: since, endsAt: Infinity };
  const elapsed = Math.max(0, now - since);
  let startedAt = now - (elapsed % cycle);
  for (const [index, duration] of durations.entries()) {
    if (now < startedAt + duration) return { index, startedAt, endsAt: startedAt + duration };
    startedAt += duration;
  }
  // Unreachable: the elapsed time within a cycle falls in one of its scenes.
  return { index: 0, startedAt: now, endsAt: now + (durations[0] ?? 1_000) };
}

/** A `?scene=<index>` pin, if it names one of the scenes. */
export function pinnedScene(param: string | null, sceneCount: number): number | null {
  if (param === null || !/^\d+$/.test(param)) return null;
  const index = Number(param);
  return index < sceneCount ? index : null;
}
