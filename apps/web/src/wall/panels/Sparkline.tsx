import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

/** A trend at a glance, no axes: mentions per minute, oldest first. */
export function Sparkline({ values, colour }: { values: readonly number[]; colour: string }) {
  const data = values.map((value, index) => ({ index, value }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, 'dataMax']} />
        <Line dataKey="value" stroke={colour} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
