import { STALE_AFTER_MS } from '../panel-freshness';
import { RECENT_MINUTES, trendingTerms } from '../trending';
import { useWallPalette } from '../wall-palette';
import { BarRow } from './BarRow';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { streamDataAt } from './panel-inputs';

const SHOWN = 8;

/** Words rising now against the hour before, with how often they were said and how much more than before. */
export function TrendingPanel(inputs: PanelInputs) {
  const palette = useWallPalette();
  const terms = trendingTerms(inputs.wall.minutes, inputs.wall.at, SHOWN);
  const most = Math.max(0, ...terms.map((term) => term.recent));
  return (
    <Panel
      testId="panel-trending"
      title={`Trending, last ${RECENT_MINUTES} minutes`}
      dataAt={streamDataAt(inputs)}
      staleAfterMs={STALE_AFTER_MS.stream}
      live={inputs.live}
    >
      {terms.length === 0 && (
        <p style={{ color: palette.mutedText, fontSize: palette.type.body, margin: 0 }}>Nothing is rising.</p>
      )}
      {terms.map((term) => (
        <BarRow
          key={term.term}
          testId="trending-term"
          data={{ 'data-term': term.term, 'data-count': term.recent }}
          label={term.term}
          fraction={most === 0 ? 0 : term.recent / most}
          figure={`${term.recent} · ${term.baseline === 0 ? 'new' : `×${term.lift.toFixed(1)}`}`}
          colour={palette.warning}
        />
      ))}
    </Panel>
  );
}
