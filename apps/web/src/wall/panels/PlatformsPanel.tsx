import { platformTotals } from '../minute-totals';
import { STALE_AFTER_MS } from '../panel-freshness';
import { PLATFORM_NAMES } from '../platform-names';
import { useWallPalette } from '../wall-palette';
import { BarRow } from './BarRow';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { streamDataAt } from './panel-inputs';

/** Mentions per platform over the hour the wall holds, the busiest first. */
export function PlatformsPanel(inputs: PanelInputs) {
  const palette = useWallPalette();
  const totals = platformTotals(inputs.wall.minutes);
  const most = totals[0]?.count ?? 0;
  return (
    <Panel
      testId="panel-platforms"
      title="Platforms, last hour"
      dataAt={streamDataAt(inputs)}
      staleAfterMs={STALE_AFTER_MS.stream}
      live={inputs.live}
    >
      {totals.length === 0 && (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>No mentions this hour.</p>
      )}
      {totals.map(({ platform, count }) => (
        <BarRow
          key={platform}
          testId="platform-bar"
          data={{ 'data-platform': platform, 'data-count': count }}
          label={PLATFORM_NAMES[platform]}
          fraction={most === 0 ? 0 : count / most}
          figure={count.toLocaleString()}
          colour={palette.accent}
        />
      ))}
    </Panel>
  );
}
