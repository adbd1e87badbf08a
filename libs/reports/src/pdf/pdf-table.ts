import { CONTENT_BOTTOM, CONTENT_WIDTH, FONT, INK, PAGE, printable } from './pdf-style';

export interface TableColumn {
  header: string;
  /** Fraction of the content width. */
  width: number;
  align?: 'left' | 'right';
}

const ROW_HEIGHT = 16;
const FONT_SIZE = 9;

/** A plain table that continues on a new page, header repeated, when it reaches the bottom. */
export function drawTable(doc: PDFKit.PDFDocument, columns: TableColumn[], rows: string[][], emptyText: string): void {
  drawRow(
    doc,
    columns,
    columns.map((column) => column.header),
    FONT.bold,
  );
  if (rows.length === 0) {
    doc
      .font(FONT.regular)
      .fontSize(FONT_SIZE)
      .fillColor(INK.muted)
      .text(emptyText, PAGE.margin, doc.y + 4);
    doc.moveDown();
    return;
  }
  for (const row of rows) {
    if (doc.y + ROW_HEIGHT > CONTENT_BOTTOM) {
      doc.addPage();
      drawRow(
        doc,
        columns,
        columns.map((column) => column.header),
        FONT.bold,
      );
    }
    drawRow(doc, columns, row, FONT.regular);
  }
  doc.y += 8;
}

function drawRow(doc: PDFKit.PDFDocument, columns: TableColumn[], cells: string[], font: string): void {
  const top = doc.y;
  let x = PAGE.margin;
  doc.font(font).fontSize(FONT_SIZE).fillColor(INK.text);
  columns.forEach((column, index) => {
    const width = column.width * CONTENT_WIDTH;
    doc.text(printable(cells[index] ?? ''), x + 2, top + 4, {
      width: width - 4,
      align: column.align ?? 'left',
      lineBreak: false,
      ellipsis: true,
      height: ROW_HEIGHT,
    });
    x += width;
  });
  doc
    .moveTo(PAGE.margin, top + ROW_HEIGHT)
    .lineTo(PAGE.margin + CONTENT_WIDTH, top + ROW_HEIGHT)
    .lineWidth(0.5)
    .strokeColor(INK.rule)
    .stroke();
  doc.x = PAGE.margin;
  doc.y = top + ROW_HEIGHT;
}
