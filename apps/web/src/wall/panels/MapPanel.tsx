import { placeTotals } from '../minute-totals';
import { STALE_AFTER_MS } from '../panel-freshness';
import { useWallPalette } from '../wall-palette';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { streamDataAt } from './panel-inputs';
import { LAND_PATH, MAP_HEIGHT, MAP_WIDTH, mapProjection } from './world-outline';

/** Dots beyond this are too small to matter and cost the screen. */
const MAX_DOTS = 300;
const MIN_RADIUS = 3;
const MAX_RADIUS = 18;

/** Where the hour's geotagged mentions came from: dot size by count, colour by negative share. */
export function MapPanel(inputs: PanelInputs) {
  const palette = useWallPalette();
  const places = placeTotals(inputs.wall.minutes).slice(0, MAX_DOTS);
  const most = places[0]?.count ?? 0;
  const colourOf = (share: number) =>
    share >= 0.5 ? palette.sentiment.negative : share >= 0.25 ? palette.warning : palette.sentiment.positive;
  return (
    <Panel
      testId="panel-map"
      title="Where, last hour"
      dataAt={streamDataAt(inputs)}
      staleAfterMs={STALE_AFTER_MS.stream}
      live={inputs.live}
    >
      <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          preserveAspectRatio="xMidYMid meet"
          style={{ flex: 1, minHeight: 0, width: '100%' }}
          role="img"
          aria-label="map of mentions"
        >
          <path d={LAND_PATH} fill={palette.quietFill} stroke={palette.mutedText} strokeWidth={0.3} />
          {/* Largest first, so small dots stay visible on top. */}
          {places.map((place) => {
            const point = mapProjection([place.lon, place.lat]);
            if (point === null) return null;
            const share = place.count === 0 ? 0 : place.negative / place.count;
            return (
              <circle
                key={`${place.lat},${place.lon}`}
                data-testid="map-dot"
                data-count={place.count}
                cx={point[0]}
                cy={point[1]}
                r={MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(place.count / Math.max(1, most))}
                fill={colourOf(share)}
                fillOpacity={0.75}
                stroke={palette.background}
                strokeWidth={1}
              />
            );
          })}
        </svg>
        <p style={{ margin: 0, fontSize: palette.type.small, color: palette.mutedText, display: 'flex', gap: '1.2vw' }}>
          <span>{places.reduce((sum, place) => sum + place.count, 0).toLocaleString()} geotagged</span>
          <span style={{ color: palette.sentiment.positive }}>● under 25% negative</span>
          <span style={{ color: palette.warning }}>● 25–50%</span>
          <span style={{ color: palette.sentiment.negative }}>● over half negative</span>
        </p>
      </div>
    </Panel>
  );
}
