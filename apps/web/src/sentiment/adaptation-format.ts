import type { HeldBackFigures, SentimentAdaptationVersion } from '@watchfloor/contracts';

/** One decimal: held-back slices are small, and 91.7% against 91.2% is a difference an admin should see. */
export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** "62.5% → 91.7%", or a dash for a failed training. */
export function change(
  before: HeldBackFigures | null,
  after: HeldBackFigures | null,
  figure: keyof HeldBackFigures,
): string {
  return before === null || after === null ? '—' : `${percent(before[figure])} → ${percent(after[figure])}`;
}

export type VersionTone = 'active' | 'good' | 'worse' | 'failed' | 'stale';

/** What the list says of a version, and in which colour. */
export function versionStatus(version: SentimentAdaptationVersion): { text: string; tone: VersionTone } {
  if (version.status === 'failed') return { text: `Failed: ${version.error ?? 'unknown error'}`, tone: 'failed' };
  if (version.active) return { text: 'Active', tone: 'active' };
  if (!version.usable) return { text: `Trained on another model (${version.baseModelId})`, tone: 'stale' };
  const { before, after } = version;
  if (before !== null && after !== null && after.accuracy < before.accuracy) {
    return { text: 'Kept off: worse than the bundled model on held-back corrections', tone: 'worse' };
  }
  return { text: 'Inactive', tone: 'good' };
}

/** The button a version offers: activating one older than the active one is a rollback. None for the active, failed or unusable. */
export function activationLabel(
  version: SentimentAdaptationVersion,
  activeId: number | null,
): 'Activate' | 'Roll back' | null {
  if (version.active || !version.usable) return null;
  return activeId !== null && version.id < activeId ? 'Roll back' : 'Activate';
}
