// Linearises a source document into one normalised string with cell and row separators, so labels can be
// found across split cells and lines (F5, F7, F8) and the values between two labels read in order.
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
  inferred?: boolean;
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
  const push: Push = (raw, sep, anchor, tableCell, inferred) => {
    if (pos > 0 || sep === CELL) {
      parts.push(sep);
      pos += sep.length;
    }
    const { text, map } = normalizeWithMap(raw, traditional);
    units.push({ start: pos, end: pos + text.length, raw, map, anchor, tableCell, ...(inferred ? { inferred } : {}) });
    parts.push(text);
    pos += text.length;
  };
  for (const block of doc.blocks) pushBlock(block, push);
  const text = parts.join('');
  const { key, keyToText } = keyIndex(text);
  return { text, units, key, keyToText };
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
