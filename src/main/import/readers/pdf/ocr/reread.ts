// The second reading of a scanned page's table cells. The page read finds the tables (and drops many lone digits:
// tesseract's layout analysis takes a "0" in a ruled cell for noise); once the ruled grid is known, every cell is cut
// out and read on its own: value cells by the English model limited to digits (a second model, independent of the
// page's chi_sim; chi_sim reads the cell alone too where the two disagree), label cells again by chi_sim without their
// neighbours' lines and put back to the format's wording. A cell without ink is a blank as printed.
import type { Block, OcrCellInfo, TableCell } from '../../../../../shared/document/types';
import type { OcrEngine, OcrWord, StripMode } from './engine';
import { matchLabel, snapLabel } from './lexicon';
import { cropScaled, eraseUnderline, INK, stack, trimToInk, type Grey } from './image';
import { hasInk } from './annotate';
import { encodePng, fixBrackets, type OcrPage } from './page';

type Box = [number, number, number, number];

/** Pixels per point the digits are read at (300 dpi): tesseract's English model is at its best there. */
const DIGIT_SCALE = 300 / 72;
/** Cells per strip: a strip stays a few thousand pixels tall. */
const PER_STRIP = 48;
const GAP = 24;
const MARGIN = 16;

const CJK = /[\u3400-\u9fff]/g;
/** A dash as printed for "none" (－, —, 一 read by chi_sim): ink that is no digit. */
export const DASH_ONLY = /^[-－—–一~～]+$/;

interface Slot {
  block: number;
  row: number;
  col: number;
  crop: Grey;
}

interface Place {
  page: OcrPage;
  /** The cell's box in the deskewed page, points. */
  box: Box;
}

/** Where a table cell lies in its OCR'd page's image, or undefined for cells not on an OCR'd page. */
function placeOf(cell: TableCell, pages: Map<number, OcrPage>): Place | undefined {
  const a = cell.anchor;
  if (a?.kind !== 'pdf' || !a.box) return undefined;
  const page = pages.get(a.page);
  if (!page?.image) return undefined;
  const dx = page.dx ?? 0;
  return { page, box: [a.box[0] - dx, a.box[1], a.box[2] - dx, a.box[3]] };
}

/**
 * The inside of a cell, scaled by `f`: two pixels in from its rules (erased with a two-pixel halo already), since
 * values often stand right against a rule (left-aligned in a wide column).
 */
function cellCrop(place: Place, f: number): Grey {
  const { grey, scale } = place.page.image!;
  const [x0, y0, x1, y1] = place.box.map((v) => v * scale) as Box;
  return cropScaled(grey, x0 + 2, y0 + 2, x1 - 2, y1 - 2, f);
}

/**
 * True when a cell's crop (`ppp` pixels per point) holds a printed mark: pixels darker than light grey (scanned print
 * is often grey) over at least 1.5 pt², in at least 2.5 pt of rows (a digit is 6–7 pt tall; speckles are specks).
 */
export function inkIn(crop: Grey, ppp: number): boolean {
  let dark = 0;
  let rows = 0;
  for (let y = 0; y < crop.height; y++) {
    let inRow = 0;
    for (let x = 0; x < crop.width; x++) if (crop.data[y * crop.width + x]! < INK) inRow++;
    if (inRow >= 2) rows++;
    dark += inRow;
  }
  return dark >= 1.5 * ppp * ppp && rows >= 2.5 * ppp;
}

/** Text of a cell as read on the page, without spaces. */
const squeeze = (c: TableCell) => c.text.replace(/\s+/g, '');
const NUMERIC = /^[\d.]+$/;
const leftOf = (c: TableCell): number | undefined => (c.anchor?.kind === 'pdf' ? c.anchor.box?.[0] : undefined);

/** A row with a number after its first cell. */
const hasNumber = (cells: TableCell[]): boolean => cells.some((c, k) => k > 0 && NUMERIC.test(squeeze(c)));
const cjkIn = (c: TableCell): number => squeeze(c).match(CJK)?.length ?? 0;
const inValues = (c: TableCell, left: number | undefined): boolean => left !== undefined && (leftOf(c) ?? -Infinity) >= left - 3;

/**
 * A row of values: it has cells where the values stand and none of them is a header (three Chinese characters or
 * more: "上一年项目数量"), so a caption or header row between two blocks of table 二 is not one.
 */
export function isDataRow(cells: TableCell[], left: number | undefined): boolean {
  const there = cells.filter((c) => inValues(c, left));
  return there.length > 0 && there.every((c) => cjkIn(c) < 3);
}

/**
 * A row of values without a label (table 四's one row): no label in it and most of its cells empty or numbers, so every
 * cell of it is a value, the first too, even when the page read gave no number anywhere in the table.
 */
export function isBareRow(cells: TableCell[]): boolean {
  const plain = cells.filter((c) => !squeeze(c) || NUMERIC.test(squeeze(c))).length;
  return plain > 0 && plain * 2 >= cells.length && cells.every((c) => cjkIn(c) < 3);
}

/**
 * The left edge (points) of a table's value columns: the leftmost column (left edges within 4 pt) where numbers, or in
 * a row of values empty cells (values the page read missed), stand in two rows or more. A label misread as a digit,
 * or a first value column misread in most rows, does not move it. Undefined when no row has a number.
 */
export function valueLeft(rows: TableCell[][]): number | undefined {
  const rowsAt = new Map<number, Set<number>>();
  rows.forEach((cells, r) => {
    if (!hasNumber(cells)) return;
    cells.forEach((c, k) => {
      const left = k > 0 && (NUMERIC.test(squeeze(c)) || !squeeze(c)) ? leftOf(c) : undefined;
      if (left === undefined) return;
      const key = Math.round(left / 4);
      rowsAt.set(key, (rowsAt.get(key) ?? new Set()).add(r));
    });
  });
  const keys = [...rowsAt.keys()].sort((a, b) => a - b);
  if (!keys.length) return undefined;
  return (keys.find((k) => rowsAt.get(k)!.size >= 2) ?? keys[0]!) * 4 - 2;
}

/**
 * A value cell, to be read as digits; else a label, read again as text. Outside rows of values only a number is a
 * value (an empty header cell is no missed value). In a row of values, an empty cell or one or two Chinese characters
 * where the values stand are a misread value ("3001 | 四 | 0", "0" over an underline read as 吕), not a label.
 */
export function isValueCell(cell: TableCell, row: 'bare' | 'data' | 'other', left: number | undefined): boolean {
  const text = squeeze(cell);
  if (NUMERIC.test(text) || DASH_ONLY.test(text)) return true;
  const cjk = cjkIn(cell);
  if (row === 'other' || cjk > 2) return false;
  // A short label ("规章") may stand first in a row of numbers: Chinese there is a value only where values stand.
  return inValues(cell, left) || (row === 'bare' && (!cjk || left === undefined));
}

/** Words of a strip by slot: each slot's words in reading order (lines top to bottom, words left to right). */
function bySlot(words: OcrWord[], slots: [number, number][]): OcrWord[][] {
  const out = slots.map((): OcrWord[] => []);
  for (const w of words) {
    const cy = (w.box[1] + w.box[3]) / 2;
    const i = slots.findIndex(([top, bottom]) => cy >= top - GAP / 2 && cy < bottom + GAP / 2);
    if (i >= 0) out[i]!.push(w);
  }
  for (const list of out) list.sort((a, b) => (Math.abs(a.line[1] - b.line[1]) < 4 ? a.box[0] - b.box[0] : a.line[1] - b.line[1]));
  return out;
}

async function readStrips(engine: OcrEngine, slots: Slot[], mode: StripMode, dpi: number): Promise<OcrWord[][]> {
  const out: OcrWord[][] = [];
  for (let i = 0; i < slots.length; i += PER_STRIP) {
    const part = slots.slice(i, i + PER_STRIP);
    const strip = stack(
      part.map((s) => s.crop),
      GAP,
      MARGIN,
    );
    const words = await engine.recognizeStrip(await encodePng(strip.image), dpi, mode);
    // Boxes in each cell's own crop, for the ink they leave unread.
    bySlot(words, strip.slots).forEach((list, k) => {
      const [dx, dy] = [MARGIN, strip.slots[k]![0]];
      out.push(
        list.map((w) => ({
          ...w,
          symbols: w.symbols.map((c) => ({ ...c, box: [c.box[0] - dx, c.box[1] - dy, c.box[2] - dx, c.box[3] - dy] })),
        })),
      );
    });
  }
  return out;
}

/** The digits and decimal points a reader found in a cell, without a speck read as a point before or after them. */
function digitsOf(words: OcrWord[]): { ch: string; conf: number }[] {
  const chars = words.flatMap((w) => w.symbols.map((s) => ({ ch: s.text, conf: Math.round(s.conf) }))).filter((c) => /^[\d.]$/.test(c.ch));
  while (chars[0]?.ch === '.') chars.shift();
  while (chars[chars.length - 1]?.ch === '.') chars.pop();
  return chars;
}

/**
 * True when a cell's crop holds ink beside what was read: a run of inked columns no recognised character overlaps,
 * with at least 1 pt² of ink (`ppp` pixels per point), or a first digit's box wider than it is tall (a digit is narrower:
 * the reader took a minus sign and a 1 for one "1"). A minus sign or a leading digit the readers dropped ("-18" read as
 * 18, "118" as 18) is such ink; a speck is too small.
 */
export function strayInk(crop: Grey, words: OcrWord[], ppp: number): boolean {
  const boxes = words.flatMap((w) => w.symbols.map((c) => c.box));
  if (!boxes.length) return false;
  // A sign merges with the first digit only: a box there wider than tall holds more than one digit's ink.
  const first = words.flatMap((w) => w.symbols).find((c) => /\d/.test(c.text))?.box;
  if (first && first[2] - first[0] > first[3] - first[1]) return true;
  const covered = (x: number) => boxes.some((b) => x >= b[0] - 2 && x <= b[2] + 2);
  let run = 0;
  for (let x = 0; x <= crop.width; x++) {
    let dark = 0;
    if (x < crop.width && !covered(x)) for (let y = 0; y < crop.height; y++) if (crop.data[y * crop.width + x]! < INK) dark++;
    if (dark) run += dark;
    else if (run) {
      if (run >= ppp * ppp) return true;
      run = 0;
    }
  }
  return false;
}

/** The page read and the English cell reading give the same number: two models agree, chi_sim need not read it again. */
export function pageAgrees(pageRead: string, first: OcrWord[]): boolean {
  const reading = digitsOf(first)
    .map((c) => c.ch)
    .join('');
  return /\d/.test(reading) && pageRead.replace(/\s+/g, '') === reading;
}

/**
 * What the readers say of one value cell: the English digits reader on the cell alone, chi_sim limited to digits on
 * the cell alone (`second`, read only where the page read did not already give the English reading), and the page
 * read. The cell's text is the English reading; it counts as read alike when a second model gave the same digits.
 */
export function valueReading(pageRead: string, first: OcrWord[], second?: OcrWord[], stray = false): { text: string; ocr: OcrCellInfo } {
  const chars = digitsOf(first);
  const reading = chars.map((c) => c.ch).join('');
  const otherChars = digitsOf(second ?? []);
  const other = otherChars.map((c) => c.ch).join('');
  const page = pageRead.replace(/\s+/g, '');
  if (!chars.some((c) => /\d/.test(c.ch))) {
    // Ink, but no digit in it: a dash when the page read one and no reader saw a digit, else something unread.
    if (DASH_ONLY.test(page) && !other) return { text: pageRead, ocr: { confidence: 100, digits: [], pageRead: page, agreed: true } };
    // chi_sim alone saw digits (a thin lone "1" the English model dropped): its reading, in doubt, for the arithmetic.
    const seen = otherChars.filter((c) => /\d/.test(c.ch));
    if (seen.length) {
      const conf = Math.min(...otherChars.map((c) => c.conf));
      return { text: other, ocr: { confidence: conf, digits: seen, secondRead: '', pageRead: page, agreed: false } };
    }
    // What the page read there (a character for a digit: "四", "吕") is no value: the cell is left for the inspector.
    return { text: '', ocr: { confidence: 0, digits: [], unread: true, secondRead: other, pageRead: page, agreed: false } };
  }
  const digits = chars.filter((c) => /\d/.test(c.ch));
  const confidence = Math.min(...chars.map((c) => c.conf));
  // Ink beside the reading (a dropped sign or digit) leaves the cell in doubt, however the readers agree.
  const mark = stray ? { stray: true } : {};
  if (!second) return { text: reading, ocr: { confidence, digits, pageRead: page, agreed: !stray && page === reading, ...mark } };
  // The page read is the weakest (layout analysis runs cells together): it may only break a tie of low confidence.
  const sure = Math.min(confidence, ...otherChars.map((c) => c.conf)) >= 90;
  const agreed = !stray && other === reading && (sure || !/^[\d.]+$/.test(page) || page === reading);
  return { text: reading, ocr: { confidence, digits, secondRead: other, pageRead: page, agreed, ...mark } };
}

/** A label read alone, when it read as Chinese text; else what the page read gave. */
function labelText(pageRead: string, words: OcrWord[]): string {
  const lines: string[] = [];
  let lastTop = Number.NaN;
  for (const w of words) {
    if (Math.abs(w.line[1] - lastTop) < 4) lines[lines.length - 1] += w.text;
    else lines.push(w.text);
    lastTop = w.line[1];
  }
  const text = fixBrackets(lines.join(''));
  return snapLabel((text.match(CJK)?.length ?? 0) >= 2 ? text : pageRead);
}

/**
 * Reads every table cell of the OCR'd pages again, on its own, and returns the blocks with the cells' text and OCR
 * facts; `run` bounds each recognition (deadline, cancel).
 */
export async function rereadCells(
  blocks: Block[],
  pages: Map<number, OcrPage>,
  engine: OcrEngine,
  run: <T>(work: Promise<T>) => Promise<T>,
): Promise<Block[]> {
  const values: Slot[] = [];
  const labels: Slot[] = [];
  const out = blocks.map((b) => (b.kind === 'table' ? { ...b, rows: b.rows.map((r) => r.map((c) => ({ ...c }))) } : b));
  out.forEach((b, block) => {
    if (b.kind !== 'table') return;
    const left = valueLeft(b.rows);
    b.rows.forEach((cells, row) => {
      const kind = isBareRow(cells) ? 'bare' : isDataRow(cells, left) ? 'data' : 'other';
      cells.forEach((cell, col) => {
        const place = placeOf(cell, pages);
        if (!place) return;
        const text = squeeze(cell);
        if (!isValueCell(cell, kind, left)) {
          // A label the page read whole and right (or nearly) is taken as the format words it; the rest is read again.
          const known = matchLabel(text);
          if (known?.whole) cells[col] = { ...cell, text: known.part };
          else if (hasInk(place.page.ink, place.box)) labels.push({ block, row, col, crop: trimToInk(cellCrop(place, 1), 4) });
          return;
        }
        const f = DIGIT_SCALE / place.page.image!.scale;
        const crop = cellCrop(place, f);
        eraseUnderline(crop, DIGIT_SCALE);
        if (!inkIn(crop, DIGIT_SCALE) && !/\d/.test(text)) {
          // Nothing printed in the cell: a blank, whatever speckle the page read took for a mark.
          cells[col] = { ...cell, text: '', ocr: { confidence: 100, digits: [], noInk: true } };
          return;
        }
        // Only the ink and a little paper around it: the strip, and the recogniser's work, shrink with the white.
        values.push({ block, row, col, crop: trimToInk(crop, 6) });
      });
    });
  });
  const rowOf = (s: Slot) => (out[s.block] as Extract<Block, { kind: 'table' }>).rows[s.row]!;
  const cellAt = (s: Slot) => rowOf(s)[s.col]!;
  const digitWords = values.length ? await run(readStrips(engine, values, 'digits', 300)) : [];
  const stray = values.map((s, i) => strayInk(s.crop, digitWords[i] ?? [], DIGIT_SCALE));
  const again = values.map((_, i) => i).filter((i) => stray[i] || !pageAgrees(cellAt(values[i]!).text, digitWords[i] ?? []));
  const chiRead = again.length
    ? await run(
        readStrips(
          engine,
          again.map((i) => values[i]!),
          'digits-chi',
          300,
        ),
      )
    : [];
  const chiWords = new Map(again.map((i, k) => [i, chiRead[k] ?? []]));
  values.forEach((s, i) => {
    const cell = cellAt(s);
    const { text, ocr } = valueReading(cell.text, digitWords[i] ?? [], chiWords.get(i), stray[i]);
    rowOf(s)[s.col] = { ...cell, text, ocr };
  });
  const firstScale = [...pages.values()].find((p) => p.image)?.image?.scale ?? 200 / 72;
  const labelWords = labels.length ? await run(readStrips(engine, labels, 'text', firstScale * 72)) : [];
  labels.forEach((s, i) => {
    const cell = cellAt(s);
    rowOf(s)[s.col] = { ...cell, text: labelText(cell.text, labelWords[i] ?? []) };
  });
  return out;
}
