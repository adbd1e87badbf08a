import { Bar, ComposedChart, ResponsiveContainer } from 'recharts';
import type { WallCrisis } from '@watchfloor/contracts';
import { calendarMarks } from '../../calendar/calendar-marks';
import type { CalendarEventView } from '@watchfloor/contracts';
import { minuteChartFrame } from '../chart-style';
import { STALE_AFTER_MS } from '../panel-freshness';
import { Panel } from '../panels/Panel';
import { useWallPalette } from '../wall-palette';

interface CrisisTimelineProps {
  crisis: WallCrisis;
  asOf: number;
  live: boolean;
  calendar: CalendarEventView[];
}

/** The crisis issue's last hour, minute by minute: negative at the bottom of each bar, the rest above. */
export function CrisisTimelinePanel({ crisis, asOf, live, calendar }: CrisisTimelineProps) {
  const palette = useWallPalette();
  const data = crisis.timeline.map((point) => ({
    at: point.minute,
    negative: point.negative,
    other: Math.max(0, point.volume - point.negative),
  }));
  const first = data[0]?.at ?? asOf;
  const last = data[data.length - 1]?.at ?? asOf;
  return (
    <Panel
      testId="panel-crisis-timeline"
      title="The issue, last hour"
      dataAt={asOf}
      staleAfterMs={STALE_AFTER_MS.crises}
      live={live}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          {minuteChartFrame(palette, { first, last })}
          <Bar
            dataKey="negative"
            name="negative"
            stackId="volume"
            fill={palette.sentiment.negative}
            isAnimationActive={false}
          />
          <Bar
            dataKey="other"
            name="other mentions"
            stackId="volume"
            fill={palette.sentiment.neutral}
            isAnimationActive={false}
          />
          {calendarMarks(calendar)}
        </ComposedChart>
      </ResponsiveContainer>
    </Panel>
  );
}
