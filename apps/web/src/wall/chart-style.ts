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
