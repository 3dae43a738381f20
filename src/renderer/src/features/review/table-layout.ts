// Which rows of tables 二/三/四 a report shows (2021, 2019 or a mix, decided by the cells it has), their order, and cell labels.
import type { CellView } from '../../../../shared/ipc/contract';
import type { TemplateVersion } from '../../../../shared/model/report';
import { LOW_DIGIT_CONF } from '../../../../shared/parse/ocr-repair';
import {
  T2_V2019,
  T2_V2021,
  T3_COLUMNS,
  T3_V2019,
  T3_V2021,
  T4_CELLS,
  T4_COLUMNS,
  T4_GROUPS,
  cellId,
} from '../../../../shared/template/catalog';
import type { RowDef, T2Block } from '../../../../shared/template/catalog';

export interface Layout {
  t2: T2Block[];
  t3: RowDef[];
  /** Every cell id in reading order (table 二, 三, 四; row by row): the order of "next uncertain cell". */
  order: string[];
  labels: Map<string, string>;
}

const T2_ITEMS = ['一', '五', '六', '八', '九'];

function present(block: T2Block, cells: Record<string, CellView>): number {
  return block.rows.reduce((n, r) => n + r.cols.filter((c) => cells[cellId('t2', r.id, c.id)] !== undefined).length, 0);
}

/** Per caption item, the version whose cells the report actually has; the template decides a tie. */
function t2Blocks(template: TemplateVersion, cells: Record<string, CellView>): T2Block[] {
  const prefer2019 = template === 'v2019';
  const out: T2Block[] = [];
  for (const item of T2_ITEMS) {
    const b21 = T2_V2021.find((b) => b.item === item);
    const b19 = T2_V2019.find((b) => b.item === item);
    const n21 = b21 ? present(b21, cells) : 0;
    const n19 = b19 ? present(b19, cells) : 0;
    const pick = n19 > n21 ? b19 : n21 > n19 ? b21 : prefer2019 ? b19 : b21;
    if (pick) out.push(pick);
  }
  return out;
}

function t3Rows(template: TemplateVersion, cells: Record<string, CellView>): RowDef[] {
  const has = (rowId: string): boolean => T3_COLUMNS.some((c) => cells[cellId('t3', rowId, c.id)] !== undefined);
  if (has('other.no_correction') || has('other.other')) return T3_V2021;
  if (has('other')) return T3_V2019;
  return template === 'v2019' ? T3_V2019 : T3_V2021;
}

export function layoutFor(template: TemplateVersion, cells: Record<string, CellView>): Layout {
  const t2 = t2Blocks(template, cells);
  const t3 = t3Rows(template, cells);
  const labels = new Map<string, string>();
  const order: string[] = [];
  for (const b of t2) {
    for (const r of b.rows) {
      for (const c of r.cols) {
        const id = cellId('t2', r.id, c.id);
        order.push(id);
        const unit = c.domain === 'amount' ? '（万元）' : '';
        labels.set(id, `表二 第二十条第（${b.item}）项 · ${r.label} · ${c.labels[0] ?? c.id}${unit}`);
      }
    }
  }
  for (const r of t3) {
    for (const c of T3_COLUMNS) {
      const id = cellId('t3', r.id, c.id);
      order.push(id);
      labels.set(id, `表三 · ${r.label} · ${c.labels[0] ?? c.id}`);
    }
  }
  for (const c of T4_CELLS) {
    order.push(c.id);
    const g = T4_GROUPS.find((x) => x.id === c.row);
    const col = T4_COLUMNS.find((x) => x.id === c.col);
    labels.set(c.id, `表四 · ${g?.label ?? c.row} · ${col?.labels[0] ?? c.col}`);
  }
  return { t2, t3, order, labels };
}

/** The value and state the inspector sees: the correction when there is one, the parsed cell otherwise. */
export function effective(cell: CellView | undefined): { value: number | null; state: CellView['state']; corrected: boolean } {
  if (!cell) return { value: null, state: 'missing', corrected: false };
  if (cell.corrected) return { value: cell.corrected.value, state: cell.corrected.state, corrected: true };
  return { value: cell.value, state: cell.state, corrected: false };
}

export function isUncertain(cell: CellView | undefined): boolean {
  const e = effective(cell);
  return !e.corrected && (e.state === 'ambiguous' || e.state === 'missing');
}

/** An OCR'd cell whose lowest character confidence is under this is "low confidence" (the repair's doubtful digit). */
export const LOW_OCR_CONFIDENCE = LOW_DIGIT_CONF;

/** How an OCR'd cell is marked: proposed by the tables' arithmetic, read with little confidence, or simply read by OCR. */
export type OcrKind = 'repaired' | 'low' | 'read';

export function ocrKind(cell: CellView | undefined): OcrKind | null {
  if (!cell?.ocr) return null;
  if (cell.ocr.repaired) return 'repaired';
  return cell.ocr.confidence < LOW_OCR_CONFIDENCE ? 'low' : 'read';
}

/**
 * Where a cell stands in the queue of "下一个待核", corrections aside: 0 a value proposed by the arithmetic, 1 an OCR
 * reading of low confidence, 2 any other OCR'd, ambiguous or missing cell; null for a cell that needs no check.
 */
function reviewRank(cell: CellView | undefined): number | null {
  const kind = ocrKind(cell);
  if (kind === 'repaired') return 0;
  if (kind === 'low') return 1;
  if (kind === 'read') return 2;
  const state = cell?.state ?? 'missing';
  return state === 'ambiguous' || state === 'missing' ? 2 : null;
}

/** A cell the inspector still has to check: uncertain, or read by OCR, and not corrected yet. */
export function needsReview(cell: CellView | undefined): boolean {
  return !cell?.corrected && (isUncertain(cell) || cell?.ocr !== undefined);
}

/**
 * The next cell to check after `from`, wrapping around; null when there is none. Cells not corrected yet that are
 * ambiguous, missing or read by OCR, visited by kind (values proposed by the arithmetic first, then low-confidence OCR
 * readings, then the others) and in reading order within a kind. A cell just corrected keeps its place in the queue,
 * so `n` goes on from there; from a cell outside the queue, `n` goes to the next cell of the first kind there is.
 */
export function nextUncertain(layout: Layout, cells: Record<string, CellView>, from: string | null): string | null {
  const queue = layout.order
    .map((id, index) => ({ id, index, rank: reviewRank(cells[id]) }))
    .filter((q): q is { id: string; index: number; rank: number } => q.rank !== null && needsReview(cells[q.id]))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const head = queue[0];
  if (!head) return null;
  const index = from === null ? -1 : layout.order.indexOf(from);
  if (index < 0) return head.id;
  const rank = reviewRank(cells[from ?? '']) ?? head.rank;
  const after = queue.find((q) => q.rank > rank || (q.rank === rank && q.index > index));
  return (after ?? head).id;
}

/** Where an uncertain digit run is shared by several cells of a row: the first of them shows the run, the others "?". */
export interface RunPlace {
  head: boolean;
  size: number;
}

/** The ambiguous cells of a row that were read from one printed digit run (same raw text, same anchor). */
export function sharedRuns(layout: Layout, cells: Record<string, CellView>): Map<string, RunPlace> {
  const byKey = new Map<string, string[]>();
  for (const id of layout.order) {
    const c = cells[id];
    if (!c || c.corrected || c.state !== 'ambiguous' || !c.raw) continue;
    const row = id.slice(0, id.lastIndexOf('/'));
    const key = `${row}|${c.raw}|${JSON.stringify(c.source)}`;
    const list = byKey.get(key) ?? [];
    list.push(id);
    byKey.set(key, list);
  }
  const out = new Map<string, RunPlace>();
  for (const ids of byKey.values()) {
    if (ids.length < 2) continue;
    ids.forEach((id, i) => out.set(id, { head: i === 0, size: ids.length }));
  }
  return out;
}
