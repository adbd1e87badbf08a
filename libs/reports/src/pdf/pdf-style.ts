import type { CalendarEventKind, SentimentCounts } from '@watchfloor/contracts';

/** Only the standard PDF fonts: nothing to embed or ship, and every reader has them. */
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold' } as const;

/** A4 in points, with the margin pdfkit lays text within. */
export const PAGE = { width: 595.28, height: 841.89, margin: 48 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const CONTENT_BOTTOM = PAGE.height - PAGE.margin;

/** The wall's sentiment colours, darkened where needed to read on white paper. */
export const SENTIMENT_COLOURS: Record<keyof SentimentCounts, string> = {
  positive: '#1f9d5c',
  neutral: '#8f9bb3',
  negative: '#d64545',
  unsupported: '#c5ccd8',
};

export const CALENDAR_COLOURS: Record<CalendarEventKind, string> = {
  launch: '#7b3fe4',
  press_release: '#0b7bc1',
  webinar: '#d98200',
  ad_flight: '#c2185b',
  other: '#5d6b80',
};

export const INK = { text: '#1b2330', muted: '#5d6b80', rule: '#d5dbe5' } as const;

/**
 * The standard fonts encode WinAnsi only: a character outside Latin-1 (an emoji in an issue title)
 * would print as garbage, so it becomes '?' instead.
 */
export function printable(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff]/gu, '?');
}
