import type { SourceFreshnessState } from '@watchfloor/contracts';

export interface SourceHealthFacts {
  enabled: boolean;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  newestMentionAt: string | null;
}

export interface FreshnessThresholds {
  /** No successful read for this long: the source is stale, whatever it last said. */
  staleAfterMs: number;
  /** Reads succeed but nothing new for this long: quiet, which a wall must not show as calm. */
  quietAfterMs: number;
}

export const DEFAULT_FRESHNESS: FreshnessThresholds = { staleAfterMs: 10 * 60_000, quietAfterMs: 30 * 60_000 };

export function freshnessOf(
  facts: SourceHealthFacts,
  now: number,
  thresholds: FreshnessThresholds = DEFAULT_FRESHNESS,
): SourceFreshnessState {
  if (!facts.enabled) return 'disabled';
  const success = facts.lastSuccessAt === null ? null : Date.parse(facts.lastSuccessAt);
  const error = facts.lastErrorAt === null ? null : Date.parse(facts.lastErrorAt);
  if (error !== null && (success === null || error > success)) return 'failing';
  if (success === null || now - success > thresholds.staleAfterMs) return 'stale';
  const newest = facts.newestMentionAt === null ? null : Date.parse(facts.newestMentionAt);
  if (newest === null || now - newest > thresholds.quietAfterMs) return 'quiet';
  return 'fresh';
}
