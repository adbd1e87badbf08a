/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * a random wait in [0, min(cap, base·2^attempt)], so clients cut off together do not all return
 * together. `attempt` counts from 0.
 */
export function backoffDelayMs(attempt: number, baseMs = 1_000, capMs = 60_000, random = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling * random());
}
