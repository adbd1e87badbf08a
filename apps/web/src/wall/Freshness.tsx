import { panelFreshness } from './panel-freshness';
import { useNow } from '../use-now';
import { useWallPalette } from './wall-palette';

export interface FreshnessProps {
  /** When the data shown was current, epoch ms; null before any arrived. */
  dataAt: number | null;
  staleAfterMs: number;
  live: boolean;
}

/** "updated 3 s ago", and a STALE marker nobody can miss once the data is old or the feed is down. */
export function Freshness({ dataAt, staleAfterMs, live }: FreshnessProps) {
  const palette = useWallPalette();
  const { label, stale } = panelFreshness(dataAt, useNow(), staleAfterMs, live);
  return (
    <span
      data-testid="freshness"
      data-stale={String(stale)}
      style={{ fontSize: palette.type.small, color: stale ? palette.warning : palette.mutedText, whiteSpace: 'nowrap' }}
    >
      {stale && (
        <strong
          style={{
            background: palette.warning,
            color: '#000',
            padding: '0 0.4vw',
            marginRight: '0.5vw',
            borderRadius: 4,
          }}
        >
          STALE
        </strong>
      )}
      {label}
    </span>
  );
}
