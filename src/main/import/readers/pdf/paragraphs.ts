// Turns the free text lines of a page into paragraphs and headings, and drops running headers and footers.
import { isCjk, tidy, type TextLine } from './text-runs';
import type { Box } from './types';

export interface TextItem {
  kind: 'heading' | 'paragraph';
  text: string;
  box: Box;
}

const PAGE_NUMBER = [
  /^[-—–－_~\s]*\d{1,4}[-—–－_~\s]*$/, // "- 3 -", "3"
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/, // "第 3 页", "第3页 共6页"
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // "3 / 6"
  /^(page\s*)?\d{1,4}(\s*of\s*\d{1,4})?$/i,
];
/** Only lines in the top or bottom margin band can be running headers or footers. */
const MARGIN_SHARE = 0.1;

export function isPageNumberText(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** Drops page numbers printed in the top or bottom margin. */
export function dropPageFurniture(lines: TextLine[], pageHeight: number): TextLine[] {
  return lines.filter((l) => {
    const inMargin = l.y1 < pageHeight * MARGIN_SHARE || l.y0 > pageHeight * (1 - MARGIN_SHARE);
    return !(inMargin && isPageNumberText(l.text));
  });
}

const HEADING = /^([一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章节部分])/;
const ITEM_START =
  /^([一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|\([一二三四五六七八九十]{1,3}\)|\d{1,2}[.、．]|第[一二三四五六七八九十]{1,3}[章节部分条])/;

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = values[0] ?? 0;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

/** The body geometry of a page: left edge, right edge, usual font size and line pitch. */
export interface BodyMetrics {
  left: number;
  right: number;
  size: number;
  pitch: number;
}

export function bodyMetrics(lines: TextLine[]): BodyMetrics {
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!.base - lines[i - 1]!.base;
    if (d > 0) pitches.push(d);
  }
  const rights = lines.map((l) => l.x1).sort((a, b) => a - b);
  return {
    left: mode(lines.map((l) => l.x0)),
    right: rights[Math.floor(rights.length * 0.9)] ?? 0,
    size: mode(lines.map((l) => l.size)),
    pitch: median(pitches),
  };
}

/** True when `line` starts a new paragraph after `prev`. */
function startsParagraph(prev: TextLine, line: TextLine, m: BodyMetrics): boolean {
  const size = Math.max(prev.size, line.size);
  if (Math.abs(prev.size - line.size) > size * 0.15) return true;
  if (m.pitch > 0 && line.base - prev.base > m.pitch * 1.6) return true;
  if (line.x0 > m.left + size * 1.2) return true; // first-line indent
  if (prev.x1 < m.right - size * 2) return true; // the previous line stopped short
  return ITEM_START.test(line.text);
}

function joinLines(a: string, b: string): string {
  const last = a.at(-1);
  const first = b[0];
  return isCjk(last) || isCjk(first) || !last || !first ? a + b : `${a} ${b}`;
}

function isHeading(lines: TextLine[], text: string, m: BodyMetrics): boolean {
  if (lines.length !== 1 || text.length > 40) return false;
  if (HEADING.test(text) && !/[。；;]$/.test(text)) return true;
  return lines[0]!.size >= m.size * 1.15 && text.length >= 2;
}

/** Groups consecutive lines into paragraphs; a single short numbered or larger-type line is a heading. */
export function buildParagraphs(lines: TextLine[], m: BodyMetrics): TextItem[] {
  const items: TextItem[] = [];
  let group: TextLine[] = [];
  const flush = () => {
    if (!group.length) return;
    const text = tidy(group.map((l) => l.text).reduce(joinLines));
    if (text) {
      const box: Box = [
        Math.min(...group.map((l) => l.x0)),
        group[0]!.y0,
        Math.max(...group.map((l) => l.x1)),
        group[group.length - 1]!.y1,
      ];
      items.push({ kind: isHeading(group, text, m) ? 'heading' : 'paragraph', text, box });
    }
    group = [];
  };
  for (const line of lines) {
    const prev = group[group.length - 1];
    if (prev && startsParagraph(prev, line, m)) flush();
    group.push(line);
  }
  flush();
  return items;
}
