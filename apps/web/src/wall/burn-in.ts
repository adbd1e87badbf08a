/** A new position every three minutes, eight around a circle: a full turn in 24 minutes. */
const STEP_MS = 3 * 60_000;
const POSITIONS = 8;
/** Enough to move every edge off its pixels, too little for anyone to notice. */
const RADIUS_PX = 4;

/** Where the whole wall sits at `now`, so static edges (headers, borders) do not burn into the panel. */
export function burnInOffset(now: number): { x: number; y: number } {
  const step = Math.floor(now / STEP_MS) % POSITIONS;
  const angle = (step / POSITIONS) * 2 * Math.PI;
  return { x: Math.round(Math.cos(angle) * RADIUS_PX), y: Math.round(Math.sin(angle) * RADIUS_PX) };
}

export const BURN_IN_STEP_MS = STEP_MS;
export const BURN_IN_RADIUS_PX = RADIUS_PX;
