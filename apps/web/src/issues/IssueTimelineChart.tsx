import { useMemo, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { calendarMarks } from '../calendar/calendar-marks';
import { useCalendarEvents } from '../calendar/use-calendar-events';
import { consoleStyles } from '../console/console-styles';
import { theme } from '../theme';
import { axisTime, percent } from './issue-format';
import { useIssueTimeline } from './use-issue-timeline';

const BUCKETS = [1, 5, 15, 60, 360] as const;
const tick = { fill: theme.mutedText, fontSize: 12 };

/**
 * Volume (bars), negative share and reach (lines) per bucket, with the marketing calendar drawn
 * behind so a spike reads against what the brand did. The x axis is epoch ms, as the marks expect.
 */
export function IssueTimelineChart({ issueId }: { issueId: string }) {
  const [bucketMinutes, setBucketMinutes] = useState<number>(5);
  const { timeline, problem } = useIssueTimeline(issueId, bucketMinutes);
  const points = useMemo(() => timeline?.points ?? [], [timeline]);
  const bucketMs = bucketMinutes * 60_000;
  const range = useMemo(
    () => ({ from: points[0]?.at ?? 0, to: (points[points.length - 1]?.at ?? 0) + bucketMs }),
    [points, bucketMs],
  );
  const events = useCalendarEvents(range);
  const span = range.to - range.from;
  return (
    <section style={consoleStyles.section}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h3 style={consoleStyles.sectionTitle}>Timeline</h3>
        <label style={consoleStyles.muted}>
          Bucket{' '}
          <select
            data-testid="issue-timeline-bucket"
            value={bucketMinutes}
            onChange={(event) => setBucketMinutes(Number(event.target.value))}
            style={consoleStyles.field}
          >
            {BUCKETS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes < 60 ? `${minutes} min` : `${minutes / 60} h`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem !== null && <p style={consoleStyles.muted}>Could not load the timeline: {problem}</p>}
      <div data-testid="issue-timeline" data-points={points.length} style={{ height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={theme.panelBorder} vertical={false} />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              // Half a bucket of room each side: a bar is centred on its bucket's start.
              domain={[range.from - bucketMs / 2, range.to - bucketMs / 2]}
              tickFormatter={(at: number) => axisTime(at, span)}
              tick={tick}
              stroke={theme.panelBorder}
            />
            <YAxis tick={tick} stroke={theme.panelBorder} allowDecimals={false} />
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 1]}
              tickFormatter={percent}
              tick={tick}
              stroke={theme.panelBorder}
            />
            <YAxis yAxisId="reach" hide />
            <Tooltip
              labelFormatter={(at) => new Date(Number(at)).toLocaleString()}
              contentStyle={{ background: theme.panel, border: `1px solid ${theme.panelBorder}`, fontSize: 12 }}
            />
            <Legend wrapperStyle={{ color: theme.text, fontSize: 12 }} />
            <Bar dataKey="volume" name="volume" fill={theme.accent} isAnimationActive={false} />
            <Line
              yAxisId="share"
              dataKey="negativeShare"
              name="negative share"
              stroke={theme.sentiment.negative}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              yAxisId="reach"
              dataKey="reach"
              name="reach"
              stroke={theme.warning}
              strokeWidth={2}
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
            />
            {calendarMarks(events)}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
