import type { SourceFreshnessState } from '@watchfloor/contracts';
import type { Platform } from '@watchfloor/domain';
import { lastHeardByPlatform } from '../minute-totals';
import { STALE_AFTER_MS, ageText } from '../panel-freshness';
import { PLATFORM_NAMES } from '../platform-names';
import type { Palette } from '../../theme';
import { useWallPalette } from '../wall-palette';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';

/** Words that say what the silence of a source means, so nobody reads it as calm. */
export const SOURCE_STATE_WORDS: Record<SourceFreshnessState, string> = {
  fresh: 'OK',
  quiet: 'QUIET: nothing new for a while',
  stale: 'STALE: no successful read lately',
  failing: 'FAILING: its last read failed',
  disabled: 'OFF: disabled',
};

export function sourceStateColour(state: SourceFreshnessState, palette: Palette): string {
  switch (state) {
    case 'fresh':
      return palette.sentiment.positive;
    case 'quiet':
      return palette.warning;
    case 'stale':
    case 'failing':
      return palette.sentiment.negative;
    case 'disabled':
      return palette.mutedText;
  }
}

/** Every configured source and how fresh it is, and when the wall last heard from each platform. */
export function SourcesPanel({ wall, live }: PanelInputs) {
  const palette = useWallPalette();
  const sources = wall.sources?.value ?? [];
  const heard = lastHeardByPlatform(wall.minutes);
  return (
    <Panel
      testId="panel-sources"
      title="Sources"
      dataAt={wall.sources?.asOf ?? null}
      staleAfterMs={STALE_AFTER_MS.sources}
      live={live}
    >
      {sources.length === 0 && (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: '0 0 1vh' }}>
          No sources configured.
        </p>
      )}
      {sources.map((source) => (
        <div
          key={source.sourceId}
          data-testid="source-row"
          data-state={source.state}
          style={{
            display: 'grid',
            gridTemplateColumns: '1fr auto',
            gap: '1vw',
            fontSize: palette.type.body,
            padding: '0.5vh 0',
            borderBottom: `1px solid ${palette.panelBorder}`,
          }}
        >
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {source.name} <span style={{ color: palette.mutedText }}>· {PLATFORM_NAMES[source.platform]}</span>
          </span>
          <strong style={{ color: sourceStateColour(source.state, palette) }}>
            {SOURCE_STATE_WORDS[source.state]}
          </strong>
        </div>
      ))}
      <h3 style={{ fontSize: palette.type.small, color: palette.mutedText, margin: '1.5vh 0 0.5vh' }}>
        Last heard on the wall
      </h3>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5vh 2vw', fontSize: palette.type.body }}>
        {(Object.keys(PLATFORM_NAMES) as Platform[]).map((platform) => {
          const minute = heard[platform];
          return (
            <span key={platform} data-testid="platform-heard" data-platform={platform} data-heard={minute ?? ''}>
              {PLATFORM_NAMES[platform]}:{' '}
              <strong style={{ color: minute === undefined ? palette.mutedText : palette.text }}>
                {minute === undefined ? 'not this hour' : minuteAgo(wall.at, minute)}
              </strong>
            </span>
          );
        })}
      </div>
    </Panel>
  );
}

/** The counts are per minute: say "this minute" rather than a precision they do not have. */
function minuteAgo(now: number, minute: number): string {
  return now - minute < 60_000 ? 'this minute' : ageText(now - minute);
}
