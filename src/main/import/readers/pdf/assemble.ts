// Joins tables continued across pages and turns laid-out pages into source-document blocks.
import type { Block, TableBlock, TableCell } from '../../../../shared/document/types';
import type { PageItem, PageLayout } from './page-layout';
import type { GridCell, PageTable } from './types';

/** Column boundaries of two table parts may differ by this much and still be one table. */
const COLUMN_TOLERANCE = 4;

/** A table part with the page of each of its rows, so cells keep their own page in anchors. */
export interface JoinedTable {
  parts: PageTable[];
}

/** Columns rebuilt from text move with the widths of the values printed in them, so they match more loosely. */
const TEXT_COLUMN_TOLERANCE = 10;

/**
 * Two parts continue one table when their columns line up. For tables rebuilt from text only the value columns must
 * match: the label side may split into a different number of columns on each page.
 */
export function sameColumns(a: PageTable, b: PageTable): boolean {
  if (a.labelCols === undefined || b.labelCols === undefined) {
    // A part may lack a rule the other has (a column split only in rows that fell on the other page): the outer edges
    // must agree and nearly every boundary of one must be a boundary of the other.
    const near = (x: number, list: number[]) => list.some((y) => Math.abs(x - y) <= COLUMN_TOLERANCE);
    const edges =
      Math.abs(a.xs[0]! - b.xs[0]!) <= COLUMN_TOLERANCE && Math.abs(a.xs[a.xs.length - 1]! - b.xs[b.xs.length - 1]!) <= COLUMN_TOLERANCE;
    const missA = a.xs.filter((x) => !near(x, b.xs)).length;
    const missB = b.xs.filter((x) => !near(x, a.xs)).length;
    const shorter = Math.min(a.xs.length, b.xs.length);
    const matched = Math.min(a.xs.length - missA, b.xs.length - missB);
    return edges && shorter >= 3 && missA <= 2 && missB <= 2 && matched >= shorter * 0.75;
  }
  // Inner value boundaries only: the outer edges follow whatever text is widest on each page.
  const va = a.xs.slice(a.labelCols + 1, -1);
  const vb = b.xs.slice(b.labelCols + 1, -1);
  return va.length > 0 && va.length === vb.length && va.every((x, i) => Math.abs(x - vb[i]!) <= TEXT_COLUMN_TOLERANCE);
}

/** All column boundaries of the ruled parts of a table, near-equal ones taken once. */
function unionColumns(parts: PageTable[]): number[] {
  const all = parts.flatMap((p) => p.xs).sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of all) if (!out.length || x - out[out.length - 1]! > COLUMN_TOLERANCE) out.push(x);
  return out;
}

/**
 * A row cut by the page break leaves its rest at the top of the next part: label text and no values. That rest is
 * appended to the cells above it instead of standing as a row of its own.
 */
export function mergeSplitRow(prev: PageTable, next: PageTable): PageTable {
  const first = next.cells.filter((c) => c.row === 0);
  const filled = first.filter((c) => c.text);
  const lastRow = prev.ys.length - 2;
  if (!filled.length || filled.length * 2 > first.length || filled.some((c) => c.rowSpan > 1) || next.ys.length < 3) return next;
  for (const c of filled) {
    const x = (c.box[0] + c.box[2]) / 2;
    const above = prev.cells.find((p) => p.row <= lastRow && p.row + p.rowSpan > lastRow && p.box[0] <= x && p.box[2] >= x);
    if (!above) return next;
    above.text = above.text ? `${above.text}\n${c.text}` : c.text;
  }
  return dropRows(next, 1);
}

/** Re-expresses a ruled part on a finer set of column boundaries: a cell spans every column between its edges. */
function onColumns(part: PageTable, xs: number[]): PageTable {
  if (part.labelCols !== undefined || xs.length === part.xs.length) return part;
  const index = (x: number) => xs.reduce((best, y, i) => (Math.abs(y - x) < Math.abs(xs[best]! - x) ? i : best), 0);
  const cells = part.cells.map((c) => {
    const col = index(part.xs[c.col]!);
    const end = index(part.xs[c.col + c.colSpan]!);
    return { ...c, col, colSpan: Math.max(1, end - col) };
  });
  return { ...part, xs, cells };
}

/** Gives a part fewer label columns than its siblings by widening its first column, so every row has one width. */
function widenLabels(part: PageTable, labelCols: number): PageTable {
  const extra = labelCols - (part.labelCols ?? labelCols);
  if (extra <= 0) return part;
  const cells = part.cells.map((c) => (c.col === 0 ? { ...c, colSpan: c.colSpan + extra } : { ...c, col: c.col + extra }));
  return { ...part, cells, labelCols };
}

function rowTexts(t: PageTable, row: number): string {
  return t.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => `${c.col}:${c.colSpan}:${c.text.replace(/\s+/g, '')}`)
    .join('|');
}

/** How many leading rows of `next` repeat the header of `first` (0 when none). */
export function repeatedHeaderRows(first: PageTable, next: PageTable): number {
  let n = 0;
  const max = Math.min(first.ys.length, next.ys.length) - 1;
  while (n < max && n < 4) {
    const a = rowTexts(first, n);
    if (!a || a !== rowTexts(next, n) || !/[^\d|:\s.]/.test(a)) break;
    // Header rows hold labels, not values: a row of equal numbers is data that happens to repeat.
    n++;
  }
  // Never drop a row that a cell of the kept rows spans into.
  while (n > 0 && next.cells.some((c) => c.row < n && c.row + c.rowSpan > n)) n--;
  return n;
}

/** Removes the first `n` rows of a table part (a repeated header). */
export function dropRows(t: PageTable, n: number): PageTable {
  if (n <= 0) return t;
  return {
    ...t,
    ys: t.ys.slice(n),
    box: [t.box[0], t.ys[n]!, t.box[2], t.box[3]],
    // A cell reaching past the dropped rows keeps its lower part.
    cells: t.cells
      .filter((c) => c.row + c.rowSpan > n)
      .map((c) =>
        c.row >= n
          ? { ...c, row: c.row - n }
          : { ...c, row: 0, rowSpan: c.row + c.rowSpan - n, text: c.row + c.rowSpan - n > 0 ? c.text : '' },
      ),
  };
}

/**
 * Puts consecutive table parts together: a table that ends its page and one that starts the next page with the same
 * columns are one table (page numbers and running headers were already removed from the flow).
 */
export function joinAcrossPages(pages: PageLayout[]): (PageItem | { kind: 'joined'; parts: PageTable[] })[] {
  const out: (PageItem | { kind: 'joined'; parts: PageTable[] })[] = [];
  for (const page of pages) {
    page.items.forEach((item, i) => {
      const last = out[out.length - 1];
      if (i === 0 && item.kind === 'table' && last?.kind === 'joined') {
        const prev = last.parts[last.parts.length - 1]!;
        if (prev.page === item.page - 1 && sameColumns(prev, item.table)) {
          const rest = dropRows(item.table, repeatedHeaderRows(last.parts[0]!, item.table));
          last.parts.push(mergeSplitRow(prev, rest));
          return;
        }
      }
      out.push(item.kind === 'table' ? { kind: 'joined', parts: [item.table] } : item);
    });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function toCell(c: GridCell, page: number): TableCell {
  return {
    text: c.text,
    rowSpan: c.rowSpan,
    colSpan: c.colSpan,
    anchor: { kind: 'pdf', page, box: [round(c.box[0]), round(c.box[1]), round(c.box[2]), round(c.box[3])] },
  };
}

/** A joined table as an HTML-style row list; rows of later parts follow those of earlier parts. */
export function toTableBlock(parts: PageTable[]): TableBlock {
  const rows: TableCell[][] = [];
  const labelCols = Math.max(0, ...parts.map((p) => p.labelCols ?? 0));
  const finest = unionColumns(parts);
  for (const part of parts.map((p) => onColumns(widenLabels(p, labelCols), finest))) {
    const count = part.ys.length - 1;
    for (let r = 0; r < count; r++) {
      rows.push(
        part.cells
          .filter((c) => c.row === r)
          .sort((a, b) => a.col - b.col)
          .map((c) => toCell(c, part.page)),
      );
    }
  }
  const first = parts[0]!;
  const anchor = { kind: 'pdf' as const, page: first.page, box: first.box.map(round) as [number, number, number, number] };
  // Tables rebuilt from text positions carry labelCols; their slots are inferred, so the parser checks them harder.
  return { kind: 'table', rows, anchor, ...(parts.some((p) => p.labelCols !== undefined) ? { inferred: true } : {}) };
}

export function toBlocks(pages: PageLayout[]): Block[] {
  return joinAcrossPages(pages).map((item): Block => {
    if (item.kind === 'joined') return toTableBlock(item.parts);
    if (item.kind === 'table') return toTableBlock([item.table]);
    return {
      kind: item.kind,
      text: item.text,
      anchor: { kind: 'pdf', page: item.page, box: item.box.map(round) as [number, number, number, number] },
    };
  });
}
