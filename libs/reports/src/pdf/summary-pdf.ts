import PDFDocument from 'pdfkit';
import type { PeriodSummary } from '@watchfloor/contracts';
import { formatCount, formatInstant, formatMinutes, formatSentiment, formatShare } from '../format';
import { drawTable } from './pdf-table';
import { CONTENT_BOTTOM, CONTENT_WIDTH, FONT, INK, PAGE, printable } from './pdf-style';
import { drawShareOfVoice } from './share-of-voice-bars';
import { drawVolumeChart } from './volume-chart';

/** The period report as a PDF: headline figures and charts first, the tables after, pages as needed. */
export function periodSummaryPdf(summary: PeriodSummary): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: `Watchfloor report ${summary.period.from} to ${summary.period.to}`, Creator: 'Watchfloor' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font(FONT.bold).fontSize(20).fillColor(INK.text).text('Watchfloor period report');
  doc.font(FONT.regular).fontSize(10).fillColor(INK.muted);
  doc.text(`${formatInstant(summary.period.from)} to ${formatInstant(summary.period.to)}`);
  doc.text(`Generated ${formatInstant(summary.generatedAt)}`);
  doc.moveDown();
  drawHeadlineFigures(doc, summary);

  heading(doc, `Volume by sentiment (per ${summary.period.bucket})`, 200);
  doc.y += drawVolumeChart(doc, summary, doc.y + 4, 150) + 8;

  heading(doc, 'Share of voice', 40);
  drawShareOfVoice(doc, summary.shareOfVoice);

  heading(doc, 'Response times (items flagged in the period)', 60);
  drawTable(
    doc,
    [
      { header: 'Team', width: 0.26 },
      { header: 'Items', width: 0.1, align: 'right' },
      { header: 'Responded', width: 0.12, align: 'right' },
      { header: 'Median 1st reply', width: 0.16, align: 'right' },
      { header: 'P90 1st reply', width: 0.14, align: 'right' },
      { header: 'Resolved', width: 0.1, align: 'right' },
      { header: 'Breaches', width: 0.12, align: 'right' },
    ],
    summary.responseTimes.map((team) => [
      team.teamName,
      formatCount(team.items),
      formatCount(team.responded),
      formatMinutes(team.medianFirstResponseMinutes),
      formatMinutes(team.p90FirstResponseMinutes),
      formatCount(team.resolved),
      formatCount(team.slaBreaches),
    ]),
    'No items were flagged in this period.',
  );

  heading(doc, 'Top issues', 60);
  drawTable(
    doc,
    [
      { header: 'Issue', width: 0.46 },
      { header: 'Status', width: 0.12 },
      { header: 'Mentions', width: 0.14, align: 'right' },
      { header: 'Negative', width: 0.14, align: 'right' },
      { header: 'Reach', width: 0.14, align: 'right' },
    ],
    summary.topIssues.map((issue) => [
      issue.title,
      issue.status,
      formatCount(issue.volume),
      formatShare(issue.negativeShare),
      formatCount(Math.round(issue.reach)),
    ]),
    'No issues in this period.',
  );

  heading(doc, 'Marketing calendar', 60);
  drawTable(
    doc,
    [
      { header: 'Event', width: 0.4 },
      { header: 'Kind', width: 0.16 },
      { header: 'Starts', width: 0.22 },
      { header: 'Ends', width: 0.22 },
    ],
    summary.calendar.map((event) => [
      event.title,
      event.kind.replace('_', ' '),
      formatInstant(event.startsAt),
      event.endsAt === null ? '-' : formatInstant(event.endsAt),
    ]),
    'No calendar events in this period.',
  );

  numberPages(doc);
  doc.end();
  return done;
}

function drawHeadlineFigures(doc: PDFKit.PDFDocument, summary: PeriodSummary): void {
  const { totals } = summary;
  const figures: [string, string][] = [
    ['Mentions', formatCount(totals.mentions)],
    ['Positive', formatCount(totals.positive)],
    ['Neutral', formatCount(totals.neutral)],
    ['Negative', formatCount(totals.negative)],
    ['Mean sentiment', formatSentiment(totals.meanSentiment)],
    ['Flagged items', formatCount(totals.flaggedItems)],
    ['Resolved', formatCount(totals.resolvedItems)],
    ['SLA breaches', formatCount(totals.slaBreaches)],
  ];
  const columns = 4;
  const cellWidth = CONTENT_WIDTH / columns;
  const top = doc.y;
  figures.forEach(([label, value], index) => {
    const x = PAGE.margin + (index % columns) * cellWidth;
    const y = top + Math.floor(index / columns) * 46;
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(INK.muted)
      .text(label.toUpperCase(), x, y, { width: cellWidth - 8 });
    doc
      .font(FONT.bold)
      .fontSize(18)
      .fillColor(INK.text)
      .text(value, x, y + 11, { width: cellWidth - 8 });
  });
  doc.x = PAGE.margin;
  doc.y = top + Math.ceil(figures.length / columns) * 46 + 6;
}

/** A section heading, on a new page when fewer than `keepWith` points would follow it here. */
function heading(doc: PDFKit.PDFDocument, text: string, keepWith: number): void {
  if (doc.y + 20 + keepWith > CONTENT_BOTTOM) doc.addPage();
  doc.x = PAGE.margin;
  doc
    .font(FONT.bold)
    .fontSize(12)
    .fillColor(INK.text)
    .text(printable(text), PAGE.margin, doc.y + 8);
  doc.y += 4;
}

function numberPages(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would make pdfkit open another page: lift the margin while writing.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.font(FONT.regular).fontSize(7).fillColor(INK.muted);
    doc.text(`Page ${index + 1} of ${count}`, PAGE.margin, PAGE.height - PAGE.margin / 2, {
      width: CONTENT_WIDTH,
      align: 'right',
    });
    doc.page.margins = margins;
  }
}
