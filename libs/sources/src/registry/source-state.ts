import type { SourceState } from '@watchfloor/contracts';
import { specOf } from './source-definition';
import type { SourceKind } from './source-kinds';

export type { SourceState };

/** What the health record holds that the state is judged from. */
export interface HealthFacts {
  lastActivityAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  blockedUntil: string | null;
  streamConnected: boolean | null;
  warnings: unknown[];
}

/** A poll that has not succeeded for this many of its intervals (and at least 15 minutes) is stale. */
const STALE_INTERVALS = 3;
const MIN_STALE_MS = 15 * 60_000;

/**
 * One word for a source's health, so nobody reads silence as calm: an error newer than the last
 * success, a rate-limit hold, a stream that is not connected, or polls that stopped succeeding.
 */
export function sourceStateOf(
  source: { kind: SourceKind; enabled: boolean; pollSeconds: number },
  health: HealthFacts | null,
  now: Date,
): SourceState {
  if (!source.enabled) return 'disabled';
  if (health === null || health.lastActivityAt === null) return 'never-run';
  const time = (value: string | null) => (value === null ? 0 : Date.parse(value));
  if (time(health.blockedUntil) > now.getTime()) return 'rate-limited';
  if (time(health.lastErrorAt) > time(health.lastSuccessAt)) return 'error';
  if (specOf(source.kind).run === 'stream') {
    if (health.streamConnected !== true) return 'stale';
  } else if (
    now.getTime() - time(health.lastSuccessAt) >
    Math.max(MIN_STALE_MS, STALE_INTERVALS * source.pollSeconds * 1000)
  ) {
    return 'stale';
  }
  return health.warnings.length > 0 ? 'warning' : 'ok';
}
