import { Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PeriodSummary } from '@watchfloor/contracts';
import { calendarMarks } from '../calendar/calendar-marks';
import { theme } from '../theme';

const STACK_ORDER = ['negative', 'neutral', 'positive', 'unsupported'] as const;
const BUCKET_MS = { hour: 3_600_000, day: 86_400_000 } as const;

/** Volume per bucket stacked by sentiment on an epoch-ms axis, with the period's calendar events. */
export function ReportVolumeChart({ summary }: { summary: PeriodSummary }) {
  const from = Date.parse(summary.period.from);
  const to = Date.parse(summary.period.to);
  // Bars sit in the middle of their bucket, so a bucket's bar lines up with the events inside it.
  const half = BUCKET_MS[summary.period.bucket] / 2;
  const data = summary.volume.map((bucket) => ({ ...bucket, time: Date.parse(bucket.at) + half }));
  const tickText = (time: number) =>
    summary.period.bucket === 'hour'
      ? new Date(time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : new Date(time).toLocaleDateString([], { month: 'short', day: 'numeric' });
  return (
    <div style={{ height: 320 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke={theme.panelBorder} vertical={false} />
          <XAxis
            type="number"
            dataKey="time"
            domain={[from, to]}
            scale="time"
            tickFormatter={tickText}
            tick={{ fill: theme.mutedText }}
            stroke={theme.panelBorder}
          />
          <YAxis allowDecimals={false} tick={{ fill: theme.mutedText }} stroke={theme.panelBorder} />
          <Tooltip labelFormatter={(time) => new Date(Number(time)).toLocaleString()} />
          <Legend />
          {STACK_ORDER.map((label) => (
            <Bar key={label} dataKey={label} stackId="volume" fill={theme.sentiment[label]} isAnimationActive={false} />
          ))}
          {calendarMarks(summary.calendar)}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
