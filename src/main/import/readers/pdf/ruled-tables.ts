// Rebuilds table grids from ruling segments: merges collinear pieces, groups connected rules, finds merged cells.
import type { Box, GridCell, Segment } from './types';

/** Rules closer than this (points) are one rule: double strokes, anti-aliasing offsets, thin boxes. */
const SNAP = 2;
/** A gap this small inside a rule is a drawing artefact (cell-by-cell borders), not a missing rule. */
const JOIN_GAP = 2.5;
/** A boundary counts as drawn when rules cover at least this share of it. */
const MIN_COVER = 0.6;
const MIN_CELL = 3;
const MAX_RULES = 3000;

/** A table skeleton: boundaries and the cells they make, before text is placed. */
export interface Skeleton {
  box: Box;
  xs: number[];
  ys: number[];
  cells: Omit<GridCell, 'text'>[];
}

/** Merges rules that lie on the same line and touch or overlap. */
export function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const dir of ['h', 'v'] as const) {
    const list = segments.filter((s) => s.dir === dir).sort((a, b) => a.at - b.at || a.from - b.from);
    let i = 0;
    while (i < list.length) {
      const first = list[i]!;
      let j = i;
      while (j < list.length && list[j]!.at - first.at <= SNAP) j++;
      const group = list.slice(i, j).sort((a, b) => a.from - b.from);
      const at = group.reduce((sum, s) => sum + s.at, 0) / group.length;
      let cur: Segment | undefined;
      for (const s of group) {
        if (cur && s.from <= cur.to + JOIN_GAP) cur.to = Math.max(cur.to, s.to);
        else {
          if (cur) out.push(cur);
          cur = { dir, at, from: s.from, to: s.to };
        }
      }
      if (cur) out.push(cur);
      i = j;
    }
  }
  return out;
}

function crosses(h: Segment, v: Segment): boolean {
  return v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
}

/** Groups rules into connected sets: each set is one table's frame. */
function connectedGroups(segments: Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < segments.length; i++) {
    for (let j = i + 1; j < segments.length; j++) {
      const a = segments[i]!;
      const b = segments[j]!;
      if (a.dir === b.dir) continue;
      if (crosses(a.dir === 'h' ? a : b, a.dir === 'h' ? b : a)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(s);
    groups.set(root, list);
  });
  return [...groups.values()];
}

/** Sorted distinct positions, values within SNAP of a cluster's first value folded into it. */
export function clusterPositions(values: number[], snap = SNAP): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[0]! > snap) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Share of [from, to] covered by rules of one direction lying at `at`. */
function coverage(rules: Segment[], at: number, from: number, to: number): number {
  const span = to - from;
  if (span <= 0) return 1;
  const pieces = rules
    .filter((s) => Math.abs(s.at - at) <= SNAP && s.to > from && s.from < to)
    .map((s) => [Math.max(s.from, from), Math.min(s.to, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = from;
  for (const [a, b] of pieces) {
    if (b <= end) continue;
    covered += b - Math.max(a, end);
    end = b;
  }
  return covered / span;
}

/** Cells of a grid given which inner boundaries are drawn; an undrawn boundary merges its two neighbours. */
export function spanCells(
  xs: number[],
  ys: number[],
  hasV: (k: number, r: number) => boolean,
  hasH: (k: number, c: number) => boolean,
): Omit<GridCell, 'text'>[] {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const taken: boolean[][] = Array.from({ length: rows }, () => Array<boolean>(cols).fill(false));
  const cells: Omit<GridCell, 'text'>[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (taken[r]![c]) continue;
      let cs = 1;
      // Grow right while the rule between this column and the next is missing at this row.
      while (c + cs < cols && !taken[r]![c + cs] && !hasV(c + cs, r)) cs++;
      let rs = 1;
      // Grow down while the rule under every spanned column is missing.
      while (r + rs < rows && rangeOpen(c, cs, (cc) => !hasH(r + rs, cc) && !taken[r + rs]![cc])) rs++;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) taken[r + dr]![c + dc] = true;
      cells.push({ row: r, col: c, rowSpan: rs, colSpan: cs, box: [xs[c]!, ys[r]!, xs[c + cs]!, ys[r + rs]!] });
    }
  }
  return cells;
}

function rangeOpen(c: number, cs: number, open: (col: number) => boolean): boolean {
  for (let k = c; k < c + cs; k++) if (!open(k)) return false;
  return true;
}

/** One connected frame of rules as a table skeleton, or nothing when it is not a grid (a lone underline, a box). */
function skeletonOf(group: Segment[]): Skeleton | undefined {
  const hs = group.filter((s) => s.dir === 'h');
  const vs = group.filter((s) => s.dir === 'v');
  if (hs.length < 2 || vs.length < 2) return undefined;
  const left = Math.min(...hs.map((s) => s.from));
  const right = Math.max(...hs.map((s) => s.to));
  const top = Math.min(...vs.map((s) => s.from));
  const bottom = Math.max(...vs.map((s) => s.to));
  // Outer edges without a drawn rule (open-sided tables) still bound the grid.
  const xs = dropThin(clusterPositions([left, right, ...vs.map((s) => s.at)]));
  const ys = dropThin(clusterPositions([top, bottom, ...hs.map((s) => s.at)]));
  if (xs.length < 2 || ys.length < 2) return undefined;
  const cells = spanCells(
    xs,
    ys,
    (k, r) => coverage(vs, xs[k]!, ys[r]!, ys[r + 1]!) >= MIN_COVER,
    (k, c) => coverage(hs, ys[k]!, xs[c]!, xs[c + 1]!) >= MIN_COVER,
  );
  // A frame around a single box (a text frame, a stamp) is not a table.
  if (cells.length < 2) return undefined;
  return { box: [xs[0]!, ys[0]!, xs[xs.length - 1]!, ys[ys.length - 1]!], xs, ys, cells };
}

/** Drops boundaries closer than a minimal cell to the previous one (slivers from rules that nearly meet). */
function dropThin(values: number[]): number[] {
  const out: number[] = [];
  for (const v of values) if (!out.length || v - out[out.length - 1]! >= MIN_CELL) out.push(v);
  return out;
}

/** Every table frame the rules of a page draw, top to bottom. */
export function findSkeletons(segments: Segment[]): Skeleton[] {
  const merged = mergeSegments(segments);
  // Grouping is quadratic; a page with this many distinct rules is a drawing or a hostile file, not a report table.
  if (merged.length > MAX_RULES) return [];
  return connectedGroups(merged)
    .map(skeletonOf)
    .filter((s): s is Skeleton => s !== undefined)
    .sort((a, b) => a.box[1] - b.box[1]);
}
