export interface PanelGrid {
  columns: number;
  rows: number;
  /** Rows the first panel spans: with an odd count it takes the spare cell, so none stays empty. */
  firstPanelRows: number;
}

/**
 * How a scene's 1 to 6 panels share a 16:9 screen without scrolling: side by side up to two,
 * then two rows. Wider than tall, so columns come before rows.
 */
export function panelGrid(panelCount: number): PanelGrid {
  const count = Math.min(6, Math.max(1, Math.floor(panelCount)));
  switch (count) {
    case 1:
      return { columns: 1, rows: 1, firstPanelRows: 1 };
    case 2:
      return { columns: 2, rows: 1, firstPanelRows: 1 };
    case 3:
      return { columns: 2, rows: 2, firstPanelRows: 2 };
    case 4:
      return { columns: 2, rows: 2, firstPanelRows: 1 };
    case 5:
      return { columns: 3, rows: 2, firstPanelRows: 2 };
    default:
      return { columns: 3, rows: 2, firstPanelRows: 1 };
  }
}
