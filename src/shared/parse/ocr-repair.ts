// The tables' arithmetic as the last reader of OCR'd cells. Every OCR'd cell keeps its confidence. A cell two models
// read alike is taken as read unless the arithmetic contradicts it; doubtful cells (readers that disagree, a
// low-confidence digit, a letter read for a digit, ink beside the digits or not read at all) are tried in every reading
// the readers gave and every reading of their doubtful digits; a reading is proposed (state number, marked repaired)
// only when it is the one that satisfies every identity R1–R4 of domain.md §5. Otherwise the cell is ambiguous: a
// confident wrong number must never come out of OCR.
import type { OcrCellInfo, SourceDocument } from '../document/types';
import type { ParsedCell } from '../model/report';
import { T3_COLUMNS, T4_COLUMNS, T4_GROUPS } from '../template/catalog';

/** A digit read with less confidence than this is doubtful (tesseract gives clean print 95–99). */
export const LOW_DIGIT_CONF = 90;
/** Readings tried per doubtful cell: at most this many doubtful digits are varied (10^n readings). */
const MAX_VARIED_DIGITS = 2;
/** Search bound: beyond this many partial assignments the doubtful cells stay ambiguous. */
const MAX_STEPS = 300_000;

const RESULT_ROW = /^(granted|partial|denied\.|unable\.|not_processed\.|other(\.|$))/;

type Cells = Record<string, ParsedCell>;

interface Doubt {
  id: string;
  candidates: number[];
  read: string;
}

function key(page: number | undefined, box: readonly number[] | undefined): string {
  return `${page ?? 0}|${(box ?? []).map((v) => Math.round(v)).join(',')}`;
}

/** OCR facts of every table cell of the document, by page and box (the anchor the parser copies into `source`). */
function ocrIndex(doc: SourceDocument): Map<string, OcrCellInfo> {
  const out = new Map<string, OcrCellInfo>();
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    for (const row of b.rows) for (const c of row) if (c.ocr && c.anchor?.kind === 'pdf') out.set(key(c.anchor.page, c.anchor.box), c.ocr);
  }
  return out;
}

/** Every reading of a value's doubtful digits, the read value first; undefined when too many digits are doubtful. */
export function readingsOf(raw: string, info: OcrCellInfo): number[] | undefined {
  const digits = raw.replace(/[^\d]/g, '');
  // The value must be exactly the cell's digits (one integer per cell) for positions to line up.
  if (!/^\d+$/.test(raw.trim()) || digits !== info.digits.map((d) => d.ch).join('')) return undefined;
  const low = info.digits.map((d, i) => (d.conf < LOW_DIGIT_CONF ? i : -1)).filter((i) => i >= 0);
  if (low.length > MAX_VARIED_DIGITS) return undefined;
  const out = new Set<number>([Number(digits)]);
  const n = 10 ** low.length;
  for (let k = 0; k < n; k++) {
    const chars = [...digits];
    let rest = k;
    for (const i of low) {
      chars[i] = String(rest % 10);
      rest = Math.floor(rest / 10);
    }
    // A leading zero is no printed count ("07"), except the single digit 0.
    if (chars.length > 1 && chars[0] === '0') continue;
    out.add(Number(chars.join('')));
  }
  return [...out];
}

/** The identities among the cells present: each is a list of [cell id, sign] whose signed sum is zero. */
function identities(cells: Cells): [string, number][][] {
  const ids = new Set(Object.keys(cells));
  const rows = [...new Set([...ids].filter((id) => id.startsWith('t3/')).map((id) => id.split('/')[1]!))];
  const out: [string, number][][] = [];
  const t3 = (r: string, c: string) => `t3/${r}/${c}`;
  if (rows.length) {
    for (const col of T3_COLUMNS.map((c) => c.id)) {
      out.push([
        [t3('new', col), 1],
        [t3('carried_in', col), 1],
        [t3('total', col), -1],
        [t3('carried_out', col), -1],
      ]);
      out.push([[t3('total', col), -1], ...rows.filter((r) => RESULT_ROW.test(r)).map((r): [string, number] => [t3(r, col), 1])]);
    }
    for (const r of rows) out.push([[t3(r, 'total'), -1], ...T3_COLUMNS.slice(0, 6).map((c): [string, number] => [t3(r, c.id), 1])]);
  }
  for (const g of T4_GROUPS) {
    out.push([[`t4/${g.id}/total`, -1], ...T4_COLUMNS.slice(0, 4).map((c): [string, number] => [`t4/${g.id}/${c.id}`, 1])]);
  }
  return out.filter((eq) => eq.every(([id]) => ids.has(id)));
}

/** The value a cell contributes to the arithmetic when it is not in doubt: blank and dash count 0 (domain.md §4.2). */
function fixedValue(c: ParsedCell): number | undefined {
  if (c.state === 'number') return c.value ?? undefined;
  if (c.state === 'blank' || c.state === 'dash') return 0;
  return undefined;
}

/**
 * All assignments of the doubtful cells that satisfy every identity whose cells are all known, as the set of values
 * each doubtful cell takes across them; undefined when the search is too large.
 */
function solve(cells: Cells, doubts: Doubt[], eqs: [string, number][][]): Map<string, Set<number>> | undefined {
  const index = new Map(doubts.map((d, i) => [d.id, i]));
  // An identity is checked once its last doubtful cell is assigned; identities with an unknown cell never.
  const usable = eqs.filter((eq) => eq.every(([id]) => index.has(id) || fixedValue(cells[id]!) !== undefined));
  const byLast = doubts.map(() => [] as [string, number][][]);
  const constant: [string, number][][] = [];
  for (const eq of usable) {
    const last = Math.max(-1, ...eq.map(([id]) => index.get(id) ?? -1));
    (last < 0 ? constant : byLast[last]!).push(eq);
  }
  const seen = doubts.map(() => new Set<number>());
  const pick: number[] = new Array<number>(doubts.length).fill(0);
  const value = (id: string): number => {
    const i = index.get(id);
    return i === undefined ? fixedValue(cells[id]!)! : pick[i]!;
  };
  const holds = (eq: [string, number][]) => eq.reduce((s, [id, sign]) => s + sign * value(id), 0) === 0;
  // Identities of confident cells only are the report's own (or a confident misreading, handled by distrust()).
  let steps = 0;
  const walk = (i: number): boolean => {
    if (++steps > MAX_STEPS) return false;
    if (i === doubts.length) {
      pick.forEach((v, j) => seen[j]!.add(v));
      return true;
    }
    for (const v of doubts[i]!.candidates) {
      pick[i] = v;
      if (byLast[i]!.every(holds) && !walk(i + 1) && steps > MAX_STEPS) return false;
    }
    return steps <= MAX_STEPS;
  };
  if (!walk(0) && steps > MAX_STEPS) return undefined;
  return new Map(doubts.map((d, i) => [d.id, seen[i]!]));
}

/**
 * The values a doubtful cell may hold: every reading of its doubtful digits, and what the page read gave when the cell
 * was read twice; undefined when there is nothing to try.
 */
function candidatesOf(c: ParsedCell, i: OcrCellInfo): number[] | undefined {
  const readings = c.state === 'number' && c.raw ? (readingsOf(c.raw, i) ?? []) : [];
  if (i.pageRead !== undefined) {
    const all = new Set(readings);
    if (c.state === 'number' && c.value !== null) all.add(c.value);
    for (const other of [i.secondRead ?? '', i.pageRead])
      if (/^\d+$/.test(other) && !(other.length > 1 && other.startsWith('0'))) all.add(Number(other));
    return all.size ? [...all] : undefined;
  }
  return readings.length ? readings : undefined;
}

function ambiguous(c: ParsedCell, note: string, info: OcrCellInfo): ParsedCell {
  return { ...c, value: null, state: 'ambiguous', note, ocr: { confidence: info.confidence, read: c.raw ?? '' } };
}

/**
 * Marks OCR'd cells and settles the doubtful ones by the arithmetic. Cells not read by OCR are returned unchanged.
 * A doubtful cell outside the identities (table 二) cannot be confirmed and is ambiguous.
 */
export function repairOcrCells(cells: Cells, doc: SourceDocument): Cells {
  const index = ocrIndex(doc);
  if (!index.size) return cells;
  const out: Cells = { ...cells };
  const info = new Map<string, OcrCellInfo>();
  for (const [id, c] of Object.entries(cells)) {
    const i = c.source?.box ? index.get(key(c.source.page, c.source.box)) : undefined;
    if (i) info.set(id, i);
  }
  // A blank or dash in a table on an OCR'd page may be a value the recogniser missed: never taken as read.
  const pages = new Set([...index.keys()].map((k) => Number(k.split('|')[0])));
  for (const [id, c] of Object.entries(cells)) {
    if ((c.state === 'blank' || c.state === 'dash') && c.source?.page !== undefined && pages.has(c.source.page) && !info.has(id))
      out[id] = { ...c, value: null, state: 'ambiguous', note: 'OCR 页面上的空白单元格，可能是未识别出的数值，请对照原件' };
  }
  const eqs = identities(cells);
  const inIdentity = new Set(eqs.flat().map(([id]) => id));
  const doubts: Doubt[] = [];
  for (const [id, i] of info) {
    const c = cells[id]!;
    out[id] = { ...c, ocr: { confidence: i.confidence } };
    // No ink (a blank as printed), or two readers agree: confirm() still asks that no identity fails.
    if (i.noInk || i.agreed) continue;
    const reread = i.pageRead !== undefined;
    // Ink nobody read, readers that disagree, a digit read with little confidence, or digits that did not become a number.
    const doubtful = reread || !!i.unread || i.digits.some((d) => d.conf < LOW_DIGIT_CONF) || (c.state !== 'number' && i.digits.length > 0);
    if (!doubtful) continue;
    const candidates = candidatesOf(c, i);
    if (!candidates || !inIdentity.has(id)) {
      out[id] = ambiguous(c, 'OCR 识别把握不足，且无法用表内勾稽关系确认，请对照原件', i);
      continue;
    }
    doubts.push({ id, candidates, read: c.raw ?? '' });
  }
  const settled = doubts.length ? settle(cells, out, doubts, info, eqs) : new Set<string>();
  return confirm(out, info, eqs, settled);
}

/**
 * A confident reading can still be wrong (a rule's remnant read as a 0, "11" read as "1" in a row and in its total
 * alike, so the row still adds up; in table 二 "26" read as "20" at 98 %). Cells two models read alike stay numbers
 * unless an identity they are in fails (and even then when both read them with confidence: the sum is the report's
 * own). Any other OCR'd number stays a number only when the arithmetic confirms it: the first model's reading kept
 * over the others needs one identity fully known and holding; any other reading, in table 三 its row (R3) and a
 * column (R1 or R2), in table 四 its group (R4). Table 二 has no identities: its numbers stand on agreement alone.
 */
function confirm(out: Cells, info: Map<string, OcrCellInfo>, eqs: [string, number][][], settled: Set<string>): Cells {
  const fails = new Set<string>();
  const rowHolds = new Set<string>();
  const colHolds = new Set<string>();
  for (const eq of eqs) {
    const values = eq.map(([id, sign]) => {
      const v = fixedValue(out[id]!);
      return v === undefined ? undefined : v * sign;
    });
    if (values.some((v) => v === undefined)) continue;
    const ok = values.reduce((sum: number, v) => sum + v!, 0) === 0;
    // A row identity has all its cells in one row (R3, R4); a column identity runs down a column (R1, R2).
    const rows = new Set(eq.map(([id]) => id.split('/').slice(0, 2).join('/')));
    for (const [id] of eq) {
      if (!ok) fails.add(id);
      else (rows.size === 1 ? rowHolds : colHolds).add(id);
    }
  }
  for (const [id, i] of info) {
    const c = out[id]!;
    // Two models reading the same digits with confidence, nothing beside them: a sum that fails with such cells is
    // the report's own (ARI checks report it), not a misreading, so they stay as read.
    if (i.agreed && c.state === 'number' && (!fails.has(id) || (i.confidence >= LOW_DIGIT_CONF && !i.stray))) continue;
    if (c.state !== 'number' || fails.has(id)) {
      if (c.state === 'number') out[id] = ambiguous(c, 'OCR 读数与表内勾稽关系不符，无法确认，请对照原件', i);
      continue;
    }
    // The first reader's reading, kept by the arithmetic over the other readers', needs one identity fully known and
    // holding; a reading other than the first reader's (a repair) needs a row and a column in table 三, as any
    // reading not settled by the arithmetic does: a glyph misread alike in a row and its total still adds up.
    const kept = settled.has(id) && !i.stray && c.raw != null && /^\d+$/.test(c.raw.trim()) && Number(c.raw.trim()) === c.value;
    const confirmed = kept
      ? rowHolds.has(id) || colHolds.has(id)
      : id.startsWith('t3/')
        ? rowHolds.has(id) && colHolds.has(id)
        : id.startsWith('t4/')
          ? rowHolds.has(id)
          : false;
    if (!confirmed) out[id] = ambiguous(c, 'OCR 读数无法用表内勾稽关系确认，请对照原件', i);
  }
  return out;
}

/**
 * The doubtful cells' values by the arithmetic. When no reading satisfies every identity, the identities that no
 * reading of their own doubtful cells can satisfy are set aside and the rest is solved again, so one unreadable cell
 * leaves only its own row and column in doubt, not the whole table; a doubtful cell left in no identity is ambiguous.
 */
function settle(cells: Cells, out: Cells, doubts: Doubt[], info: Map<string, OcrCellInfo>, eqs: [string, number][][]): Set<string> {
  const settled = new Set<string>();
  const index = new Set(doubts.map((d) => d.id));
  const usable = (eq: [string, number][]) => eq.every(([id]) => index.has(id) || fixedValue(cells[id]!) !== undefined);
  let live = eqs.filter(usable);
  let solved = solve(cells, doubts, live);
  for (let round = 0; solved && [...solved.values()].every((v) => v.size === 0) && round < 6; round++) {
    const bad = live.filter((eq) => {
      const own = doubts.filter((d) => eq.some(([id]) => id === d.id));
      return own.length > 0 && [...(solve(cells, own, [eq])?.values() ?? [])].every((v) => v.size === 0);
    });
    if (!bad.length) break;
    live = live.filter((eq) => !bad.includes(eq));
    solved = solve(cells, doubts, live);
  }
  const constrained = new Set(live.flat().map(([id]) => id));
  const unsolvable = new Set(doubts.filter((d) => !constrained.has(d.id)).map((d) => d.id));
  for (const d of doubts) {
    const c = cells[d.id]!;
    const i = info.get(d.id)!;
    const values = unsolvable.has(d.id) ? new Set<number>() : solved?.get(d.id);
    if (!values || values.size !== 1) {
      const why = !values ? '可能的读数过多' : values.size === 0 ? '没有一种读数能使表内勾稽关系成立' : '有多种读数都能使表内勾稽关系成立';
      out[d.id] = ambiguous(c, `OCR 识别把握不足，${why}，请对照原件`, i);
      continue;
    }
    const v = [...values][0]!;
    settled.add(d.id);
    // Readers that disagreed and were settled by the arithmetic are marked too, even when the reading kept is the cell's.
    const repaired = v !== c.value || i.pageRead !== undefined;
    const others = [i.secondRead, i.pageRead].filter((r): r is string => r !== undefined && r !== d.read);
    const why = others.length
      ? `（另读作「${others.map((r) => r || '空白').join('」「')}」）`
      : i.stray
        ? '（旁边还有未识别的笔画，可能是负号或漏读的数字）'
        : '';
    const read = `${d.read}」${why}`;
    out[d.id] = {
      ...c,
      value: v,
      state: 'number',
      ...(repaired ? { note: `OCR 读作「${read}，按表内勾稽关系确定为 ${v}，请核对` } : {}),
      ocr: { confidence: i.confidence, ...(repaired ? { repaired: true, read: d.read } : {}) },
    };
  }
  return settled;
}
