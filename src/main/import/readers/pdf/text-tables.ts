// Rebuilds tables drawn without rules from the positions of text: aligned numeric columns over several lines.
import { bodyMetrics, type BodyMetrics } from './paragraphs';
import { cellText, joinRuns, splitRunAt, type TextLine } from './text-runs';
import type { GridCell, PageTable, TextRun } from './types';

/** A gap wider than this share of the font size separates two cells on a line. */
const CELL_GAP = 0.6;
/** A value column sits at least this far (in ems) from the text before it; prose never leaves such holes. */
const VALUE_GAP = 1.5;
const MAX_HEADER_LINES = 8;
const MAX_INNER_LINES = 4;
const VALUE = /^[-−+]?\d[\d,，]*(\.\d+)?%?$|^[—–\-－/／]$|^无$/;
const SECTION_HEADING = /^([一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)\S{2,}情况/;

/** Pieces of a line separated by wide gaps: the would-be cells. */
export interface Chunk {
  runs: TextRun[];
  x0: number;
  x1: number;
  text: string;
}

export function chunksOf(line: TextLine): Chunk[] {
  const chunks: Chunk[] = [];
  let current: TextRun[] = [];
  for (const run of line.runs) {
    const prev = current[current.length - 1];
    if (prev && run.x0 - prev.x1 > Math.min(prev.size, run.size) * CELL_GAP) {
      chunks.push(makeChunk(current));
      current = [];
    }
    current.push(run);
  }
  if (current.length) chunks.push(makeChunk(current));
  return chunks;
}

function makeChunk(runs: TextRun[]): Chunk {
  return { runs, x0: Math.min(...runs.map((r) => r.x0)), x1: Math.max(...runs.map((r) => r.x1)), text: joinRuns(runs) };
}

const isValue = (c: Chunk) => VALUE.test(c.text.replace(/\s/g, ''));

/** A line that reads as a table row: a label or values, with at least one value standing well apart. */
function isDataLine(line: TextLine, chunks: Chunk[]): boolean {
  if (chunks.length < 2) return false;
  let apart = 0;
  for (let i = 1; i < chunks.length; i++) {
    if (isValue(chunks[i]!) && chunks[i]!.x0 - chunks[i - 1]!.x1 >= line.size * VALUE_GAP) apart++;
  }
  return apart >= 1 && chunks.filter(isValue).length >= 1;
}

/** Lines that may sit inside or above a table without being prose: short, or split into several cells. */
function isTableish(line: TextLine, chunks: Chunk[], m: BodyMetrics): boolean {
  if (SECTION_HEADING.test(line.text)) return false;
  const bodyWidth = Math.max(1, m.right - m.left);
  return chunks.length >= 2 || line.x1 - line.x0 < bodyWidth * 0.6;
}

interface Row {
  lines: TextLine[];
  chunks: Chunk[];
  data: boolean;
}

/** Column bands from the cells of data lines: overlapping x-ranges are one column. */
export function columnBands(chunks: Chunk[]): [number, number][] {
  const sorted = [...chunks].sort((a, b) => a.x0 - b.x0);
  const bands: [number, number][] = [];
  for (const c of sorted) {
    const last = bands[bands.length - 1];
    if (last && c.x0 <= last[1] + 1) last[1] = Math.max(last[1], c.x1);
    else bands.push([c.x0, c.x1]);
  }
  return bands;
}

/** Candidate blocks: runs of data lines with only a few table-like lines between them. */
function findBlocks(lines: TextLine[], chunks: Chunk[][], m: BodyMetrics): [number, number][] {
  const blocks: [number, number][] = [];
  let start = -1;
  let lastData = -1;
  for (let i = 0; i < lines.length; i++) {
    const data = isDataLine(lines[i]!, chunks[i]!);
    if (data) {
      if (start < 0) start = i;
      lastData = i;
    } else if (start >= 0 && (!isTableish(lines[i]!, chunks[i]!, m) || i - lastData > MAX_INNER_LINES)) {
      blocks.push([start, lastData]);
      start = -1;
    }
  }
  if (start >= 0) blocks.push([start, lastData]);
  return blocks.filter(([a, b]) => {
    const dataLines = lines.slice(a, b + 1).filter((l, k) => isDataLine(l, chunks[a + k]!));
    const values = chunks.slice(a, b + 1).reduce((n, cs) => n + cs.filter(isValue).length, 0);
    // One line of five or more spaced values (表四 has a single data row) is a table too; prose never reads so.
    return (dataLines.length >= 2 && values >= 4) || (dataLines.length === 1 && values >= 5);
  });
}

/** Header lines above the first data line: table-like lines up to a heading, prose, or a wide vertical gap. */
function headerStart(lines: TextLine[], chunks: Chunk[][], first: number, floor: number, m: BodyMetrics): number {
  let k = first;
  while (k - 1 > floor && first - (k - 1) <= MAX_HEADER_LINES) {
    const line = lines[k - 1]!;
    const gap = lines[k]!.y0 - line.y1;
    if (!isTableish(line, chunks[k - 1]!, m) || gap > Math.max(m.pitch, line.size) * 4) break;
    if (chunks[k - 1]!.length < 2 && /^(第[一二三四五六七八九十]|表[一二三四五六七八九十\d])/.test(line.text)) break;
    k--;
  }
  return k;
}

/** Groups the lines of a block into rows: each data line is a row; a label-only line joins the nearest data row. */
function groupRows(lines: TextLine[], chunks: Chunk[][], firstData: number, valueLeft: number, pitch: number): Row[] {
  const rows: Row[] = lines.map((l, i) => ({ lines: [l], chunks: chunks[i]!, data: i >= firstData && isDataLine(l, chunks[i]!) }));
  const dataRows = rows.filter((r) => r.data);
  const out: Row[] = [];
  for (const row of rows) {
    const line = row.lines[0]!;
    const labelOnly = row.chunks.every((c) => c.x1 <= valueLeft);
    if (!row.data && labelOnly) {
      let best: Row | undefined;
      for (const d of dataRows) if (!best || Math.abs(d.lines[0]!.base - line.base) < Math.abs(best.lines[0]!.base - line.base)) best = d;
      // Above the first data line only a close line is a wrapped label; further up it is header text.
      const reach = line.base < (dataRows[0]?.lines[0]?.base ?? 0) ? pitch * 1.05 : pitch * 1.3;
      if (best && Math.abs(best.lines[0]!.base - line.base) <= reach) {
        best.lines.push(line);
        best.chunks = [...best.chunks, ...row.chunks];
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

/**
 * Cells of a data row: each run goes to the column of its centre. The column boundaries here are inferred, so a run
 * is divided only at its own spaces — never inside a word or a number ("75394432.52" must not become two cells).
 */
function dataRowCells(row: Row, r: number, xs: number[], ys: number[]): GridCell[] {
  const perCol: TextRun[][] = xs.slice(1).map(() => []);
  for (const run of row.chunks.flatMap((c) => c.runs)) {
    for (const piece of splitAtSpaces(run)) perCol[columnAt(xs, (piece.x0 + piece.x1) / 2)]!.push(piece);
  }
  return perCol.map((runs, c) => ({
    row: r,
    col: c,
    rowSpan: 1,
    colSpan: 1,
    box: [xs[c]!, ys[r]!, xs[c + 1]!, ys[r + 1]!],
    text: cellText(runs),
  }));
}

/** A run cut at its inner spaces, each piece placed by its estimated position. */
function splitAtSpaces(run: TextRun): TextRun[] {
  if (!/\S\s+\S/.test(run.str)) return [run];
  const cuts: number[] = [];
  const chars = [...run.str];
  const step = (run.x1 - run.x0) / Math.max(1, chars.length);
  chars.forEach((ch, i) => {
    if (/\s/.test(ch)) cuts.push(run.x0 + (i + 0.5) * step);
  });
  return splitRunAt(run, cuts);
}

/** Cells of a header row: a cell spans the columns whose centres it covers (a wide "法人或其他组织" over five). */
function headerRowCells(row: Row, r: number, xs: number[], ys: number[]): GridCell[] {
  const cols = xs.length - 1;
  const centres = xs.slice(1).map((x, i) => (xs[i]! + x) / 2);
  const owner: number[] = Array<number>(cols).fill(-1);
  // Placed chunk by chunk: producers cut runs mid-word ("第二十条第（五" + "）项"), so runs are no unit of meaning.
  const runsOf: TextRun[][] = row.chunks.map(() => []);
  row.chunks.forEach((chunk, k) => {
    const covered = centres.map((c, i) => (c >= chunk.x0 && c <= chunk.x1 ? i : -1)).filter((i) => i >= 0);
    const targets = covered.length ? covered : [columnAt(xs, (chunk.x0 + chunk.x1) / 2)];
    const taken = targets.map((t) => owner[t]!).find((o) => o >= 0);
    if (taken !== undefined) runsOf[taken]!.push(...chunk.runs);
    else {
      runsOf[k]!.push(...chunk.runs);
      for (const t of targets) owner[t] = k;
    }
  });
  const cells: GridCell[] = [];
  for (let c = 0; c < cols;) {
    const k = owner[c]!;
    let span = 1;
    while (k >= 0 && c + span < cols && owner[c + span] === k) span++;
    const text = k >= 0 ? cellText(runsOf[k]!) : '';
    cells.push({ row: r, col: c, rowSpan: 1, colSpan: span, box: [xs[c]!, ys[r]!, xs[c + span]!, ys[r + 1]!], text });
    c += span;
  }
  return cells;
}

function columnAt(xs: number[], x: number): number {
  for (let i = 1; i < xs.length - 1; i++) if (x < xs[i]!) return i - 1;
  return xs.length - 2;
}

function boundaries(spans: [number, number][]): number[] {
  const out = [spans[0]![0]];
  for (let i = 1; i < spans.length; i++) out.push((spans[i - 1]![1] + spans[i]![0]) / 2);
  out.push(spans[spans.length - 1]![1]);
  return out;
}

/**
 * Joins neighbouring value bands that no line ever fills both of: one column whose values are aligned differently from
 * row to row (left in one, right in the next, as Word-made pages often do) rather than two columns.
 */
export function mergeExclusiveBands(bands: [number, number][], rows: Chunk[][]): [number, number][] {
  const out: [number, number][] = [];
  const hits = (band: [number, number], row: Chunk[]) => row.some((c) => c.x0 >= band[0] - 0.5 && c.x1 <= band[1] + 0.5);
  for (const band of bands) {
    const last = out[out.length - 1];
    const together = last && rows.some((row) => hits(last, row) && hits(band, row));
    if (last && !together) last[1] = band[1];
    else out.push([band[0], band[1]]);
  }
  return out;
}

/** Value columns from the value cells of data lines, then label columns from what lies left of the first value column. */
function tableBands(dataRows: Chunk[][]): { bands: [number, number][]; labelCols: number } | undefined {
  const dataChunks = dataRows.flat();
  const valueRows = dataRows.map((row) => row.filter(isValue));
  const valueBands = mergeExclusiveBands(columnBands(valueRows.flat()), valueRows);
  if (!valueBands.length) return undefined;
  const valueLeft = valueBands[0]![0];
  // A label may touch the first value ("文件62" in a table without padding): only its part left of the values counts.
  const labelPieces = dataChunks
    .filter((c) => !isValue(c))
    .flatMap((c) => c.runs.flatMap((r) => splitRunAt(r, [valueLeft - 0.5])))
    .filter((r) => r.x1 <= valueLeft)
    .map((r) => ({ runs: [r], x0: r.x0, x1: r.x1, text: r.str }));
  const labelBands = columnBands(labelPieces);
  return { bands: [...labelBands, ...valueBands], labelCols: labelBands.length };
}

function buildTable(lines: TextLine[], chunks: Chunk[][], firstData: number, page: number): PageTable | undefined {
  const dataRows = lines.flatMap((l, i) => (i >= firstData && isDataLine(l, chunks[i]!) ? [chunks[i]!] : []));
  const found = tableBands(dataRows);
  if (!found || found.bands.length < 2) return undefined;
  const { bands, labelCols } = found;
  const pitches = lines
    .slice(1)
    .map((l, i) => l.base - lines[i]!.base)
    .sort((a, b) => a - b);
  const pitch = pitches[Math.floor(pitches.length / 2)] ?? lines[0]!.size * 1.5;
  // A wrapped label may end a little inside the first value column when the table has no cell padding.
  const rows = groupRows(lines, chunks, firstData, bands[labelCols]![0] + 3, pitch);
  rows.sort((a, b) => Math.min(...a.lines.map((l) => l.y0)) - Math.min(...b.lines.map((l) => l.y0)));
  const xs = boundaries([
    [Math.min(bands[0]![0], ...lines.map((l) => l.x0)), bands[0]![1]],
    ...bands.slice(1, -1),
    [bands[bands.length - 1]![0], Math.max(bands[bands.length - 1]![1], ...lines.map((l) => l.x1))],
  ]);
  const ys = boundaries(rows.map((r) => [Math.min(...r.lines.map((l) => l.y0)), Math.max(...r.lines.map((l) => l.y1))]));
  const cells = rows.flatMap((row, r) => (row.data ? dataRowCells(row, r, xs, ys) : headerRowCells(row, r, xs, ys)));
  return { page, box: [xs[0]!, ys[0]!, xs[xs.length - 1]!, ys[ys.length - 1]!], xs, ys, cells, labelCols };
}

/** Finds tables laid out with spaces instead of rules; the lines they use are taken out of the prose. */
export function findTextTables(
  lines: TextLine[],
  m: BodyMetrics = bodyMetrics(lines),
  page = 0,
): { tables: PageTable[]; rest: TextLine[] } {
  const sorted = [...lines].sort((a, b) => a.base - b.base);
  const chunks = sorted.map(chunksOf);
  const used = new Set<number>();
  const tables: PageTable[] = [];
  let floor = -1;
  for (const [a, b] of findBlocks(sorted, chunks, m)) {
    const start = headerStart(sorted, chunks, a, floor, m);
    const table = buildTable(sorted.slice(start, b + 1), chunks.slice(start, b + 1), a - start, page);
    if (!table) continue;
    tables.push(table);
    for (let i = start; i <= b; i++) used.add(i);
    floor = b;
  }
  return { tables, rest: sorted.filter((_, i) => !used.has(i)) };
}
