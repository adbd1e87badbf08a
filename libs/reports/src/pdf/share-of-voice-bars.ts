import type { QueryShare } from '@watchfloor/contracts';
import { formatCount, formatShare } from '../format';
import { CONTENT_WIDTH, FONT, INK, PAGE, printable } from './pdf-style';

const KIND_COLOURS: Record<QueryShare['kind'], string> = { brand: '#0b7bc1', competitor: '#d98200' };
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 90;
const BAR_HEIGHT = 11;

/** One horizontal bar per listening query, brand and competitors told apart by colour. */
export function drawShareOfVoice(doc: PDFKit.PDFDocument, shares: QueryShare[]): void {
  if (shares.length === 0) {
    doc.font(FONT.regular).fontSize(9).fillColor(INK.muted).text('No listening queries.', PAGE.margin, doc.y);
    return;
  }
  const barWidth = CONTENT_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  for (const share of shares) {
    const top = doc.y;
    doc.font(FONT.regular).fontSize(9).fillColor(INK.text);
    doc.text(printable(`${share.name} (${share.kind})`), PAGE.margin, top + 1, {
      width: LABEL_WIDTH - 6,
      lineBreak: false,
      ellipsis: true,
    });
    doc.rect(PAGE.margin + LABEL_WIDTH, top, barWidth, BAR_HEIGHT).fill('#eef1f6');
    if (share.share > 0) {
      doc.rect(PAGE.margin + LABEL_WIDTH, top, barWidth * share.share, BAR_HEIGHT).fill(KIND_COLOURS[share.kind]);
    }
    doc
      .fillColor(INK.text)
      .text(
        `${formatCount(share.mentions)} (${formatShare(share.share)})`,
        PAGE.margin + LABEL_WIDTH + barWidth + 6,
        top + 1,
        {
          width: VALUE_WIDTH - 6,
          lineBreak: false,
        },
      );
    doc.x = PAGE.margin;
    doc.y = top + BAR_HEIGHT + 5;
  }
}
