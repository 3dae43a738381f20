// Lays a sheet out into A4 pages before Chromium does, from the text and the form's fixed geometry, so a batch printed as
// one document can still number each sheet's own pages (第 x 页 共 y 页): CSS alone numbers pages only across the whole
// document. The estimate is deliberately generous (CJK text is one em per character, and wraps predictably); the
// printer checks the page count Chromium produced against this plan and falls back to printing sheets one by one.

const PT = 25.4 / 72; // mm per point
/** The page area inside the @page margins (A4 297 × 210 mm, margins 20/18/20/20 mm), less a safety margin. */
export const PAGE_HEIGHT_MM = 257 - 5;
const CONTENT_WIDTH_MM = 172;
const BORDER = 0.75 * PT;
const CELL_PAD_V = 2 * 1.2;
const CELL_PAD_H = 2 * 1.6;

const lineMm = (pt: number, lh = 1.45): number => pt * PT * lh;

/** Width of one character in ems: CJK and full-width forms are one em, the rest counted generously. */
function em(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x80) return ch === ' ' ? 0.33 : 0.6;
  return 1;
}

/** Lines a text takes in a box `widthMm` wide at `pt` points (explicit newlines kept), at least one. */
export function linesOf(text: string, widthMm: number, pt: number): number {
  const capacity = widthMm / (pt * PT) - 0.6; // a character pushed over by line-breaking rules (，。） never start a line)
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    let n = 1;
    for (const ch of para) {
      const w = em(ch);
      if (used + w > capacity) {
        n++;
        used = 0;
      }
      used += w;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Column widths of the items table (mm), as in the page's <colgroup>. */
export const ITEM_COLS = { no: 11, title: 52, max: 12, points: 17 } as const;
const REASON_WIDTH = CONTENT_WIDTH_MM - ITEM_COLS.no - ITEM_COLS.title - ITEM_COLS.max - ITEM_COLS.points;

const row = (contentMm: number): number => contentMm + CELL_PAD_V + BORDER;

/** One item row: its title at 10.5 pt, its reason lines at 9.5 pt. */
export function itemRowMm(title: string, reasonParts: readonly string[]): number {
  const t = linesOf(title, ITEM_COLS.title - CELL_PAD_H, 10.5) * lineMm(10.5);
  const r = reasonParts.reduce((s, p) => s + linesOf(p, REASON_WIDTH - CELL_PAD_H, 9.5), 0) * lineMm(9.5, 1.4);
  return row(Math.max(t, r, lineMm(10.5)));
}

export const groupRowMm = (title: string): number => row(linesOf(title, ITEM_COLS.title - CELL_PAD_H, 10.5) * lineMm(10.5));
export const TABLE_HEAD_MM = row(lineMm(10.5)) + BORDER;

/** Title, subtitle, the unconfirmed notice (when there is one) and the header table. */
export function headMm(unit: string, notice: string | null, published: string): number {
  let h = lineMm(18) + 2 + lineMm(12) + 4;
  if (notice) {
    const width = CONTENT_WIDTH_MM - 6 - 2 * 1.5 * PT;
    const n = linesOf(`未经确认的建议分\u3000${notice}`, width, 10);
    h += 4 + 2 * 1.5 * PT + lineMm(12) + (n - 1) * lineMm(10) + 3;
  }
  const valueWide = CONTENT_WIDTH_MM - 17 - CELL_PAD_H;
  const valueNarrow = (CONTENT_WIDTH_MM - 2 * 17) / 2 - CELL_PAD_H;
  h += row(linesOf(unit, valueWide, 10.5) * lineMm(10.5));
  h += row(lineMm(10.5));
  h += row(linesOf(published, valueNarrow, 10.5) * lineMm(10.5));
  return h + BORDER + 3;
}

/** Totals, the overall comment box, the signature lines and the small print: kept together on the last page. */
export function tailMm(comment: string, notes: string): number {
  const totals = 3 + row(lineMm(13));
  const text = comment ? linesOf(comment, CONTENT_WIDTH_MM - 6 - 2 * BORDER, 10.5) * lineMm(10.5) : 0;
  const opinion = 3 + Math.max(34, 4 + lineMm(10.5) + 1 + text) + 2 * BORDER;
  const signatures = 10 + lineMm(11);
  const small = 3 + linesOf(notes, CONTENT_WIDTH_MM, 8.5) * lineMm(8.5);
  return totals + opinion + signatures + small;
}

export interface Block {
  /** Height in mm. */
  mm: number;
  /** Must stay on the same page as the next block (a group's heading row with its first item). */
  keepWithNext?: boolean;
}

export interface PagePlan {
  /** Index range of the rows on this page, [from, to). */
  from: number;
  to: number;
  head: boolean;
  tail: boolean;
}

/** Splits the rows over pages: the head on the first, the table header on every page with rows, the tail on the last. */
export function paginate(headHeight: number, rows: readonly Block[], tailHeight: number, limit = PAGE_HEIGHT_MM): PagePlan[] {
  const pages: PagePlan[] = [];
  let cur: PagePlan = { from: 0, to: 0, head: true, tail: false };
  let h = headHeight + TABLE_HEAD_MM;
  let i = 0;
  while (i < rows.length) {
    // The unit that must not be split: a heading row and the rows it keeps with.
    let j = i;
    let unit = 0;
    do unit += rows[j]!.mm;
    while (rows[j++]!.keepWithNext && j < rows.length);
    if (h + unit > limit && cur.to > cur.from) {
      pages.push(cur);
      cur = { from: i, to: i, head: false, tail: false };
      h = TABLE_HEAD_MM;
    }
    h += unit;
    cur.to = j;
    i = j;
  }
  if (h + tailHeight > limit && (cur.to > cur.from || cur.head)) {
    pages.push(cur);
    cur = { from: rows.length, to: rows.length, head: false, tail: true };
  } else cur.tail = true;
  pages.push(cur);
  return pages;
}
