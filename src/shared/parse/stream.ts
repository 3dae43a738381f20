// Linearises a source document into one normalised string with cell and row separators, so labels can be
// found across split cells and lines (F5, F7, F8) and the values between two labels read in order. Each unit also
// says where a value zone starting in it must end: a table's zone ends with the table (the cells of the source), and
// a zone in free text ends at the next line of prose (issue 9: prose next to a table never spoils its cells).
import type { Block, SourceAnchor, SourceDocument } from '../document/types';
import { normalizeWithMap } from '../normalize/text';

/** Separators inside the stream: between cells of a row, and between rows or lines. */
export const CELL = '\t';
export const ROW = '\n';

export interface Unit {
  /** Offset of the unit's text in the stream. */
  start: number;
  end: number;
  raw: string;
  /** For each character of the unit's normalised text, its index in `raw`. */
  map: Int32Array;
  anchor?: SourceAnchor;
  /** True for a cell of a real table (an empty one is a blank value slot). */
  tableCell: boolean;
  /** The cell's table was rebuilt from text positions: its slot is a guess of the reader. */
  inferred: boolean;
  /** Free text that reads as a sentence (see isProse): its numbers are no values, its words no row labels. */
  prose: boolean;
  /**
   * Where a value zone that starts in this unit ends: for a table cell, the end of its table (consecutive table units,
   * across empty lines and page numbers); for free text, the start of the next line of prose.
   */
  zoneEnd: number;
}

export interface Stream {
  /** Normalised text; CELL and ROW separate units; spaces inside units are single ' '. */
  text: string;
  units: Unit[];
  /** The stream without spaces or separators, for label search, and its map back to stream offsets. */
  key: string;
  keyToText: Int32Array;
}

export function buildStream(doc: SourceDocument, traditional: boolean): Stream {
  const parts: string[] = [];
  const units: Unit[] = [];
  let pos = 0;
  // Lines still inside a parenthesis opened on an earlier line (a label's note wrapped over lines, F7).
  let inParen = 0;
  const push: Push = (raw, sep, anchor, tableCell, inferred) => {
    if (pos > 0 || sep === CELL) {
      parts.push(sep);
      pos += sep.length;
    }
    const { text, map } = normalizeWithMap(raw, traditional);
    // Every unit has the same fields (one object shape for the hot loops that read them).
    const unit: Unit = { start: pos, end: pos + text.length, raw, map, anchor, tableCell, inferred: !!inferred, prose: false, zoneEnd: 0 };
    if (!tableCell) {
      // The part of the line still inside a parenthesis carried in from the line before is a note, not a sentence.
      const close = inParen > 0 ? text.indexOf(')') : -1;
      const carried = inParen > 0 && close < 0;
      const body = carried ? '' : text.slice(close + 1);
      if (isProse(body)) unit.prose = true;
      inParen = carried ? inParen - 1 : opensParen(body) ? PAREN_LINES : 0;
    } else inParen = 0;
    units.push(unit);
    parts.push(text);
    pos += text.length;
  };
  for (const block of doc.blocks) pushBlock(block, push);
  const text = parts.join('');
  setZoneEnds(units, text);
  const { key, keyToText } = keyIndex(text);
  return { text, units, key, keyToText };
}

/** A page number printed between two parts of a table ("-3-", "第 3 页", "3/6"): layout, not a value. */
export const PAGE_MARK =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d+)$/i;

const CJK_ONE = /[\u3400-\u9fff]/;
const CJK_FOUR = /(?:[\u3400-\u9fff][^\u3400-\u9fff]*){4}/;
/** A sentence ends here (NFKC makes ；！？ half-width in the stream). */
const SENTENCE_END = /[。;!?；！？]/;
/** A comma between words (，→, in the stream); not the comma of "1,234". */
const CJK_COMMA = /[\u3400-\u9fff][,，]|[,，][\u3400-\u9fff]/;
/** A year ("2024年") or a count with its measure word ("3件", "15篇"): what a sentence states, not what a cell holds. */
const STATEMENT = /(?:19|20)\d{2} ?年|\d ?(?:件|个|次|篇|场|家|名|起|条)/;

/** How many lines after an unclosed "(" are still taken as inside it. */
const PAREN_LINES = 2;

/** The text ends inside a parenthesis it opened. */
function opensParen(text: string): boolean {
  return text.lastIndexOf('(') > text.lastIndexOf(')');
}

/**
 * A number standing alone, as a table prints it: not a year, date, count or amount of a sentence ("2024年", "12件",
 * "3.5万元"), not an enumerator ("1.", "第3"). A flattened page holds a table's rows on one line ("规章000规范性文件898989",
 * "行政许可 25 行政处罚 7"): many such numbers.
 */
const BARE_NUMBER =
  /(?<![第\d.,])\d+(?:[.,]\d+)*(?![\d.,、]| ?(?:件|个|次|篇|场|家|名|起|条|年|月|日|号|%|元|万|亿|人|项|天|期|届|余|多|批|份|位|户|部|类|种|台|套))/g;
/** More bare numbers than a sentence holds: the line carries table values. */
const MAX_BARE = 3;

/**
 * A line of free text that is a sentence of prose: it ends a sentence ("。"), or it goes on with a comma and states a
 * year or a count ("1.2024年，本局…15篇"). Parenthesised notes are left out first: table labels and headers carry
 * commas inside them ("(二)部分公开(区分处理的，只计这一情形…)", "(本列数据的勾稽关系为：…)"), also when a line wrap
 * cut the note open; a label with a bare comma ("逾期不补正，行政机关不再处理…") states no year or count. A line that
 * also carries a table's bare values (a page flattened to one line) is not prose.
 */
export function isProse(text: string): boolean {
  // Most lines of a table have neither a sentence end nor a comma: decided without building anything.
  if (text.length < 2 || (!SENTENCE_END.test(text) && !CJK_COMMA.test(text))) return false;
  const bare = /[()（）]/.test(text)
    ? text
        .replace(/[(（][^()（）]*[)）]/g, '')
        .replace(/[(（][^)）]*$/, '')
        .replace(/^[^(（]*[)）]/, '')
    : text;
  const sentence = SENTENCE_END.test(bare) && CJK_ONE.test(bare);
  if (!sentence && !(CJK_FOUR.test(bare) && CJK_COMMA.test(bare) && STATEMENT.test(bare))) return false;
  let n = 0;
  BARE_NUMBER.lastIndex = 0;
  while (BARE_NUMBER.exec(text)) if (++n > MAX_BARE) return false;
  return true;
}

/** Fills every unit's zoneEnd in one backward pass. */
function setZoneEnds(units: Unit[], text: string): void {
  let nextProse = text.length;
  // End of the table run the next substantial unit belongs to, or -1 when that unit is free text.
  let runEnd = -1;
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i]!;
    if (u.tableCell) {
      if (runEnd < 0) runEnd = u.end;
      u.zoneEnd = runEnd;
      continue;
    }
    u.zoneEnd = nextProse;
    if (u.prose) nextProse = u.start;
    // Empty lines and page numbers between two parts of a table do not end it; any other line does.
    if (runEnd >= 0) {
      const body = text.slice(u.start, u.end).trim();
      if (body !== '' && !PAGE_MARK.test(body)) runEnd = -1;
    }
  }
}

type Push = (raw: string, sep: string, anchor: SourceAnchor | undefined, tableCell: boolean, inferred?: boolean) => void;

function pushBlock(block: Block, push: Push): void {
  if (block.kind !== 'table') {
    // Lines inside a paragraph stay one unit: a line break inside a cell is not a cell boundary.
    push(block.text, ROW, block.anchor, false);
    return;
  }
  for (const row of block.rows) {
    row.forEach((cell, i) => push(cell.text, i === 0 ? ROW : CELL, cell.anchor ?? block.anchor, true, block.inferred));
  }
}

function keyIndex(text: string): { key: string; keyToText: Int32Array } {
  const map = new Int32Array(text.length + 1);
  let key = '';
  let k = 0;
  const chars: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === ' ' || ch === CELL || ch === ROW) continue;
    chars.push(ch);
    map[k++] = i;
  }
  map[k] = text.length;
  key = chars.join('');
  return { key, keyToText: map.slice(0, k + 1) };
}

/** First key index whose stream offset is at or after `textPos`. */
export function keyIndexAt(stream: Stream, textPos: number): number {
  const map = stream.keyToText;
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < textPos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Hit {
  /** Stream offsets of the first character and just after the last one. */
  start: number;
  end: number;
  keyStart: number;
  keyEnd: number;
}

/** Finds `needle` (a key: no spaces) in the stream between two stream offsets, ignoring spaces and separators. */
export function findKey(stream: Stream, needle: string, from: number, to = stream.text.length): Hit | null {
  if (!needle) return null;
  const kFrom = keyIndexAt(stream, from);
  const k = stream.key.indexOf(needle, kFrom);
  if (k < 0) return null;
  const kEnd = k + needle.length;
  const start = stream.keyToText[k]!;
  const end = stream.keyToText[kEnd - 1]! + 1;
  if (end > to) return null;
  return { start, end, keyStart: k, keyEnd: kEnd };
}

/**
 * Finds a row label: the first of several keys outside prose. A table's words inside a sentence ("全年新收政府信息公开申请
 * 12件", "主动公开行政处罚决定7件") are not the table's labels.
 */
export function findLabel(stream: Stream, needles: readonly string[], from: number, to?: number): Hit | null {
  let at = from;
  for (;;) {
    const hit = findAny(stream, needles, at, to);
    if (!hit) return null;
    const unit = unitAt(stream, hit.start);
    if (!unit?.prose) return hit;
    at = unit.end + 1;
  }
}

/** Where a value zone that starts at a stream offset ends (see Unit.zoneEnd). */
export function zoneEndAt(stream: Stream, pos: number): number {
  return unitAt(stream, pos)?.zoneEnd ?? stream.text.length;
}

/** Finds the first of several keys (earliest position wins). */
export function findAny(stream: Stream, needles: readonly string[], from: number, to?: number): Hit | null {
  let best: Hit | null = null;
  for (const n of needles) {
    const h = findKey(stream, n, from, to);
    if (h && (!best || h.start < best.start)) best = h;
  }
  return best;
}

/** The unit that contains a stream offset (for anchors). */
export function unitAt(stream: Stream, pos: number): Unit | undefined {
  const u = stream.units;
  let lo = 0;
  let hi = u.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (u[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return u[lo];
}

/** The printed text behind a stream range, unit by unit (line breaks between units), as the document shows it. */
export function rawText(stream: Stream, from: number, to: number): string {
  const parts: string[] = [];
  for (const u of stream.units) {
    if (u.end <= from || u.start >= to) continue;
    const a = Math.max(from, u.start) - u.start;
    const b = Math.min(to, u.end) - u.start;
    if (b <= a) continue;
    const rawStart = u.map[a] ?? 0;
    const rawEnd = b >= u.map.length ? u.raw.length : (u.map[b] ?? u.raw.length);
    parts.push(u.raw.slice(rawStart, rawEnd));
  }
  return parts.join('\n');
}
