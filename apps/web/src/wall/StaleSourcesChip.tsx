import type { SourceFreshness } from '@watchfloor/contracts';
import { useWallPalette } from './wall-palette';

/** Sources that went silent for a reason other than calm: a quiet floor must not be mistaken for one. */
export function silentSources(sources: readonly SourceFreshness[]): SourceFreshness[] {
  return sources.filter((source) => source.state === 'quiet' || source.state === 'stale' || source.state === 'failing');
}

/** A warning in the header naming the silent sources, whatever scene is up. */
export function StaleSourcesChip({ sources }: { sources: readonly SourceFreshness[] }) {
  const palette = useWallPalette();
  const silent = silentSources(sources);
  if (silent.length === 0) return null;
  const failing = silent.some((source) => source.state !== 'quiet');
  return (
    <span
      data-testid="stale-sources"
      data-count={silent.length}
      title={silent.map((source) => `${source.name}: ${source.state}`).join('\n')}
      style={{
        background: failing ? palette.sentiment.negative : palette.warning,
        color: '#000',
        fontWeight: 700,
        fontSize: palette.type.small,
        padding: '0.3vh 0.8vw',
        borderRadius: 999,
        maxWidth: '30vw',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
      }}
    >
      ⚠ {silent.length === 1 ? '1 source' : `${silent.length} sources`} silent:{' '}
      {silent.map((source) => `${source.name} (${source.state})`).join(', ')}
    </span>
  );
}
