// Resolves a table's rowspan/colspan rows into a rectangular grid of references to source cells.
import type { TableBlock, TableCell } from './types';

export interface GridSlot {
  cell: TableCell;
  /** True only at the top-left slot of the cell; the other slots a span covers are copies. */
  origin: boolean;
}

/** Grid of slots, rows × cols; slots not covered by any cell are null. */
export type Grid = (GridSlot | null)[][];

const MAX_SPAN = 1000;

export function buildGrid(table: TableBlock): Grid {
  const grid: Grid = [];
  table.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row) {
      const line = grid[r]!;
      while (line[c]) c++;
      const rs = clampSpan(cell.rowSpan);
      const cs = clampSpan(cell.colSpan);
      for (let dr = 0; dr < rs; dr++) {
        // A rowspan cannot reach past the table's last row (browsers clip it the same way).
        if (r + dr >= table.rows.length) break;
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) {
          if (!target[c + dc]) target[c + dc] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += cs;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
}

function clampSpan(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_SPAN) : 1;
}
