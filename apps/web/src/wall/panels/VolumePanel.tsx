import { Bar, ComposedChart, Line, ResponsiveContainer, YAxis } from 'recharts';
import { MINUTE_MS, minuteOf } from '@watchfloor/wall';
import { calendarMarks } from '../../calendar/calendar-marks';
import { chartFontPx, minuteChartFrame } from '../chart-style';
import { STALE_AFTER_MS } from '../panel-freshness';
import { useWallPalette } from '../wall-palette';
import { Panel } from './Panel';
import type { PanelInputs } from './panel-inputs';
import { streamDataAt } from './panel-inputs';

const CHART_MINUTES = 30;
/** Negative at the bottom of each bar, where the eye reads first. */
const STACK_ORDER = ['negative', 'neutral', 'positive', 'unsupported'] as const;

/** Volume per minute by sentiment (stacked bars), mean sentiment (line) and the marketing calendar. */
export function VolumePanel(inputs: PanelInputs) {
  const palette = useWallPalette();
  const last = minuteOf(inputs.wall.at);
  const first = last - (CHART_MINUTES - 1) * MINUTE_MS;
  const byMinute = new Map(inputs.wall.minutes.map((entry) => [entry.minute, entry]));
  const data = Array.from({ length: CHART_MINUTES }, (_, index) => {
    const at = first + index * MINUTE_MS;
    const entry = byMinute.get(at);
    const scored = entry === undefined ? 0 : entry.positive + entry.neutral + entry.negative;
    return {
      at,
      positive: entry?.positive ?? 0,
      neutral: entry?.neutral ?? 0,
      negative: entry?.negative ?? 0,
      unsupported: entry?.unsupported ?? 0,
      sentiment: entry !== undefined && scored > 0 ? Math.round((entry.scoreSum / scored) * 100) / 100 : null,
    };
  });
  const fontSize = chartFontPx();
  const tick = { fill: palette.mutedText, fontSize };
  return (
    <Panel
      testId="panel-volume"
      title={`Volume and sentiment, last ${CHART_MINUTES} minutes`}
      dataAt={streamDataAt(inputs)}
      staleAfterMs={STALE_AFTER_MS.stream}
      live={inputs.live}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {minuteChartFrame(palette, { first, last })}
          <YAxis
            width={fontSize * 3}
            yAxisId="sentiment"
            orientation="right"
            domain={[-1, 1]}
            tick={tick}
            stroke={palette.panelBorder}
          />
          {STACK_ORDER.map((label) => (
            <Bar
              key={label}
              dataKey={label}
              stackId="volume"
              fill={palette.sentiment[label]}
              isAnimationActive={false}
            />
          ))}
          <Line
            yAxisId="sentiment"
            dataKey="sentiment"
            name="mean sentiment"
            stroke={palette.accent}
            strokeWidth={3}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
          {calendarMarks(inputs.calendar)}
        </ComposedChart>
      </ResponsiveContainer>
    </Panel>
  );
}
