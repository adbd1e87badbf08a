import type { ReactElement } from 'react';
import { CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import { MINUTE_MS } from '@watchfloor/wall';

/**
 * Recharts takes font sizes in pixels: derive them from the screen width so axis labels stay
 * legible from across the room on a 4K panel as on a laptop (about 0.75vw, at least 12 px).
 */
export function chartFontPx(): number {
  return Math.max(12, Math.round(window.innerWidth * 0.0075));
}

export function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * The grid, minute time axis, count axis and legend every per-minute wall chart shares. Recharts
 * finds axes only among a chart's direct children, so these are elements to spread in, not a component.
 */
export function minuteChartFrame(
  palette: { panelBorder: string; mutedText: string; text: string },
  range: { first: number; last: number },
): ReactElement[] {
  const fontSize = chartFontPx();
  const tick = { fill: palette.mutedText, fontSize };
  return [
    <CartesianGrid key="grid" stroke={palette.panelBorder} vertical={false} />,
    <XAxis
      key="time"
      dataKey="at"
      type="number"
      scale="time"
      domain={[range.first - MINUTE_MS / 2, range.last + MINUTE_MS / 2]}
      tickFormatter={clockTime}
      tick={tick}
      stroke={palette.panelBorder}
      minTickGap={fontSize * 3}
    />,
    <YAxis key="count" width={fontSize * 3.5} tick={tick} stroke={palette.panelBorder} allowDecimals={false} />,
    <Legend key="legend" wrapperStyle={{ color: palette.text, fontSize }} />,
  ];
}
