// Places text runs into the cells of a ruled table skeleton, cutting runs that cross a drawn column rule.
import type { Skeleton } from './ruled-tables';
import { cellText, splitRunAt } from './text-runs';
import type { GridCell, PageTable, TextRun } from './types';

const EDGE = 1.5;

function indexIn(bounds: number[], v: number): number {
  for (let i = 0; i < bounds.length - 1; i++) if (v < bounds[i + 1]!) return i;
  return bounds.length - 2;
}

function inside(run: TextRun, box: [number, number, number, number]): boolean {
  const cx = (run.x0 + run.x1) / 2;
  const cy = (run.y0 + run.y1) / 2;
  return cx >= box[0] - EDGE && cx <= box[2] + EDGE && cy >= box[1] - EDGE && cy <= box[3] + EDGE;
}

/** Which cell covers each grid slot. */
function slotMap(sk: Skeleton): number[][] {
  const rows = sk.ys.length - 1;
  const cols = sk.xs.length - 1;
  const slots = Array.from({ length: rows }, () => Array<number>(cols).fill(-1));
  sk.cells.forEach((cell, i) => {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) for (let c = cell.col; c < cell.col + cell.colSpan; c++) slots[r]![c] = i;
  });
  return slots;
}

/**
 * Fills a skeleton with the runs whose centre falls inside it and returns the table and the runs left over.
 * A run crossing a cell's left edge (two values the PDF wrote as one string) is cut there, never across a number
 * that sits inside one cell: cuts only happen where the grid has a cell boundary on that row.
 */
export function fillTable(sk: Skeleton, runs: TextRun[], page: number): { table: PageTable; rest: TextRun[] } {
  const slots = slotMap(sk);
  const perCell: TextRun[][] = sk.cells.map(() => []);
  const rest: TextRun[] = [];
  for (const run of runs) {
    if (!inside(run, sk.box)) {
      rest.push(run);
      continue;
    }
    const r = indexIn(sk.ys, (run.y0 + run.y1) / 2);
    const row = slots[r] ?? [];
    const cuts = [...new Set(row.filter((ci) => ci >= 0).map((ci) => sk.cells[ci]!.box[0]))];
    for (const piece of splitRunAt(run, cuts)) {
      const c = indexIn(sk.xs, (piece.x0 + piece.x1) / 2);
      const ci = row[c] ?? -1;
      if (ci >= 0) perCell[ci]!.push(piece);
    }
  }
  const cells: GridCell[] = sk.cells.map((cell, i) => ({ ...cell, text: cellText(perCell[i]!) }));
  return { table: { page, box: sk.box, xs: sk.xs, ys: sk.ys, cells }, rest };
}

/** True when no cell has any text: an empty frame (a form, a decoration) is not worth a table block. */
export function isEmptyTable(table: PageTable): boolean {
  return table.cells.every((c) => !c.text);
}
