import { panelGrid } from './panel-grid';

describe('panel grid', () => {
  it.each([
    [1, { columns: 1, rows: 1, firstPanelRows: 1 }],
    [2, { columns: 2, rows: 1, firstPanelRows: 1 }],
    [3, { columns: 2, rows: 2, firstPanelRows: 2 }],
    [4, { columns: 2, rows: 2, firstPanelRows: 1 }],
    [5, { columns: 3, rows: 2, firstPanelRows: 2 }],
    [6, { columns: 3, rows: 2, firstPanelRows: 1 }],
  ])('fits %i panels with no empty cell and no scrolling', (count, grid) => {
    expect(panelGrid(count)).toEqual(grid);
    // Every cell is used exactly once: the first panel's extra rows fill the spare ones.
    expect(grid.columns * grid.rows).toBe(count + grid.firstPanelRows - 1);
  });

  it('treats counts outside 1 to 6 as the nearest it can show', () => {
    expect(panelGrid(0)).toEqual(panelGrid(1));
    expect(panelGrid(9)).toEqual(panelGrid(6));
  });
});
