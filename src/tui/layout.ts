// Sizes from the terminal: the live region stays at least one row shorter than the terminal
// (Ink redraws in place only then; a taller frame scrolls and flickers).

export interface Layout {
  columns: number;
  rows: number;
  panelWidth: number;
  chartRows: number;
  logRows: number;
  hintRows: number;
}

export const PANEL_VALUE_ROWS = 2;

export function layoutFor(columns: number, rows: number): Layout {
  const cols = Math.max(60, columns || 80);
  const rws = Math.max(20, rows || 24);
  const panelWidth = Math.floor((cols - 2) / 3);
  const hintRows = cols >= 110 ? 1 : 2;
  const chartRows = Math.min(10, 3 + Math.floor(Math.max(0, rws - 24) / 4));
  const panelRows = 1 + PANEL_VALUE_ROWS + chartRows;
  // header, two rows of panels, log title, status, hints; one row spare below.
  const fixed = 1 + 2 * panelRows + 1 + 1 + hintRows + 1;
  const logRows = Math.max(2, rws - fixed - 1);
  return { columns: cols, rows: rws, panelWidth, chartRows, logRows, hintRows };
}
