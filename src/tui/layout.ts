// Sizes from the terminal: the frame stays at least one row shorter than the terminal (Ink redraws
// in place only then). Room beyond 80x24 goes to the charts first, then to the event log.

export interface Layout {
  columns: number;
  rows: number;
  panelWidth: number;
  chartRows: number;
  logRows: number;
  hintRows: number;
}

export const PANEL_VALUE_ROWS = 2;
/** The smallest terminal the screen is laid out for (smaller ones get this, and scroll). */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 18;

export function layoutFor(columns: number, rows: number): Layout {
  const cols = Math.max(MIN_COLUMNS, columns || 80);
  const rws = Math.max(MIN_ROWS, rows || 24);
  const panelWidth = Math.floor((cols - 2) / 3);
  const hintRows = cols >= 110 ? 1 : 2;
  // header, log title, status, hints, and one row spare below.
  const fixed = 1 + 1 + 1 + hintRows + 1;
  const room = rws - fixed;
  // The log keeps a quarter of the room (3 rows at least); the two rows of panels share the rest.
  const minLog = Math.max(3, Math.floor(room / 4));
  const chartRows = Math.max(1, Math.min(16, Math.floor((room - minLog) / 2) - 1 - PANEL_VALUE_ROWS));
  const logRows = room - 2 * (1 + PANEL_VALUE_ROWS + chartRows);
  return { columns: cols, rows: rws, panelWidth, chartRows, logRows, hintRows };
}
