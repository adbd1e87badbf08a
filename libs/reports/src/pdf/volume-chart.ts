import type { CalendarEventView, PeriodSummary, SentimentCounts } from '@watchfloor/contracts';
import { formatCount } from '../format';
import { CALENDAR_COLOURS, CONTENT_WIDTH, FONT, INK, PAGE, SENTIMENT_COLOURS, printable } from './pdf-style';

const STACK: (keyof SentimentCounts)[] = ['negative', 'neutral', 'positive', 'unsupported'];
const AXIS_WIDTH = 36;
const BUCKET_MS = { hour: 3_600_000, day: 86_400_000 } as const;

/** Mentions per bucket as bars stacked by sentiment, calendar events drawn over them; returns the height used. */
export function drawVolumeChart(doc: PDFKit.PDFDocument, summary: PeriodSummary, top: number, height: number): number {
  const from = Date.parse(summary.period.from);
  const to = Date.parse(summary.period.to);
  const left = PAGE.margin + AXIS_WIDTH;
  const width = CONTENT_WIDTH - AXIS_WIDTH;
  const x = (time: number) => left + ((Math.min(Math.max(time, from), to) - from) / (to - from)) * width;
  const bottom = top + height;
  const totals = summary.volume.map((bucket) => STACK.reduce((sum, key) => sum + bucket[key], 0));
  const ceiling = niceCeiling(Math.max(1, ...totals));
  const y = (count: number) => bottom - (count / ceiling) * height;

  doc.font(FONT.regular).fontSize(7).fillColor(INK.muted);
  for (const step of [0, 0.5, 1]) {
    const value = ceiling * step;
    doc
      .moveTo(left, y(value))
      .lineTo(left + width, y(value))
      .lineWidth(0.5)
      .strokeColor(INK.rule)
      .stroke();
    doc.text(formatCount(value), PAGE.margin, y(value) - 3, { width: AXIS_WIDTH - 4, align: 'right' });
  }

  const bucketMs = BUCKET_MS[summary.period.bucket];
  for (const bucket of summary.volume) {
    const start = Date.parse(bucket.at);
    const barLeft = x(start);
    const barWidth = Math.max(0.5, (x(start + bucketMs) - barLeft) * 0.8);
    let stacked = 0;
    for (const key of STACK) {
      if (bucket[key] === 0) continue;
      doc
        .rect(barLeft, y(stacked + bucket[key]), barWidth, y(stacked) - y(stacked + bucket[key]))
        .fill(SENTIMENT_COLOURS[key]);
      stacked += bucket[key];
    }
  }

  summary.calendar.forEach((event, index) => drawEventMark(doc, event, index, { x, top, bottom }));

  doc.font(FONT.regular).fontSize(7).fillColor(INK.muted);
  doc.text(summary.period.from.slice(0, 16).replace('T', ' '), left, bottom + 3);
  doc.text(summary.period.to.slice(0, 16).replace('T', ' '), left, bottom + 3, { width, align: 'right' });
  let legendX = left;
  for (const key of [...STACK].reverse()) {
    doc.rect(legendX, bottom + 16, 8, 8).fill(SENTIMENT_COLOURS[key]);
    doc.fillColor(INK.text).text(key, legendX + 11, bottom + 17);
    legendX += 70;
  }
  return height + 30;
}

function drawEventMark(
  doc: PDFKit.PDFDocument,
  event: CalendarEventView,
  index: number,
  chart: { x: (time: number) => number; top: number; bottom: number },
): void {
  const colour = CALENDAR_COLOURS[event.kind];
  const start = chart.x(Date.parse(event.startsAt));
  doc.save();
  if (event.endsAt === null) {
    doc
      .moveTo(start, chart.top)
      .lineTo(start, chart.bottom)
      .lineWidth(1)
      .dash(3, { space: 2 })
      .strokeColor(colour)
      .stroke();
  } else {
    const end = Math.max(chart.x(Date.parse(event.endsAt)), start + 1);
    doc
      .rect(start, chart.top, end - start, chart.bottom - chart.top)
      .fillOpacity(0.12)
      .fill(colour);
  }
  doc.restore();
  // Labels step down in three rows so neighbouring events stay legible.
  doc.font(FONT.bold).fontSize(6.5).fillColor(colour);
  doc.text(printable(event.title), start + 2, chart.top + 2 + (index % 3) * 8, { lineBreak: false, width: 120 });
}

/** 1, 2 or 5 times a power of ten: axis labels a reader can take in at a glance. */
export function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? 10 * power;
}
