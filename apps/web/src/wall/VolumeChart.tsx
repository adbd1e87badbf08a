import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { theme } from '../theme';
import type { MinuteVolume } from './wall-store';

/** Negative at the bottom of each bar, where the eye reads first. */
const STACK_ORDER = ['negative', 'neutral', 'positive', 'unsupported'] as const;

function clock(minute: number): string {
  return new Date(minute).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Volume per minute by sentiment (stacked bars) and mean sentiment (line), last 15 minutes. */
export function VolumeChart({ minutes }: { minutes: MinuteVolume[] }) {
  const data = minutes.map((entry) => {
    const total = entry.positive + entry.neutral + entry.negative;
    return {
      time: clock(entry.minute),
      positive: entry.positive,
      neutral: entry.neutral,
      negative: entry.negative,
      unsupported: entry.unsupported,
      sentiment: total > 0 ? Math.round((entry.scoreSum / total) * 100) / 100 : null,
    };
  });
  const tick = { fill: theme.mutedText, fontSize: 14 };
  return (
    <section data-testid="panel-volume" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <h2 style={{ fontSize: theme.type.title, margin: '0 0 1vh', color: theme.text }}>
        Volume and sentiment, last 15 minutes
      </h2>
      <div style={{ flex: 1, minHeight: 200 }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid stroke={theme.panelBorder} vertical={false} />
            <XAxis dataKey="time" tick={tick} stroke={theme.panelBorder} minTickGap={24} />
            <YAxis yAxisId="volume" tick={tick} stroke={theme.panelBorder} allowDecimals={false} />
            <YAxis yAxisId="sentiment" orientation="right" domain={[-1, 1]} tick={tick} stroke={theme.panelBorder} />
            <Legend wrapperStyle={{ color: theme.text, fontSize: 14 }} />
            {STACK_ORDER.map((label) => (
              <Bar
                key={label}
                yAxisId="volume"
                dataKey={label}
                stackId="volume"
                fill={theme.sentiment[label]}
                isAnimationActive={false}
              />
            ))}
            <Line
              yAxisId="sentiment"
              dataKey="sentiment"
              name="mean sentiment"
              stroke={theme.accent}
              strokeWidth={3}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
