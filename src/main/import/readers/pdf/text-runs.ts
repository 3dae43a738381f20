// Text-run hygiene and line building: fake-bold duplicates, splitting a run at column rules, joining runs into lines.
import type { TextRun } from './types';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const CJK_SPACE =
  /([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])[ \t\u00a0\u3000]+(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])/g;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Removes spaces between two CJK characters (letter-spaced headings "商 业 企 业"), collapses other runs of spaces. */
export function tidy(text: string): string {
  return text
    .replace(CJK_SPACE, '$1')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/** Estimated advance of a character in ems: full width for CJK, about half for Latin letters and digits. */
function charWeight(ch: string): number {
  return isCjk(ch) ? 1 : 0.55;
}

/**
 * A run whose characters are each doubled ("1100" for a fake-bold "10") and whose width fits the single string.
 * A real "11" is as wide as two digits; a doubled "1" is one digit wide plus the small bold offset.
 */
function undoubled(run: TextRun): string | undefined {
  const s = [...run.str];
  if (s.length < 2 || s.length % 2) return undefined;
  for (let i = 0; i < s.length; i += 2) if (s[i] !== s[i + 1]) return undefined;
  const half = s.filter((_, i) => i % 2 === 0);
  const halfWidth = half.reduce((w, ch) => w + charWeight(ch), 0) * run.size;
  const width = run.x1 - run.x0;
  return width > 0 && width < halfWidth * 1.35 + 1.5 ? half.join('') : undefined;
}

/** Drops fake-bold copies: the same string drawn again less than a point away. */
export function dedupeRuns(runs: TextRun[]): TextRun[] {
  const sorted = runs.map((r) => {
    const single = undoubled(r);
    return single ? { ...r, str: single } : r;
  });
  sorted.sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const kept: TextRun[] = [];
  for (const run of sorted) {
    let dup = false;
    // Only runs within a point of baseline can be copies; kept is ordered by baseline, so look back a little.
    for (let k = kept.length - 1; k >= 0; k--) {
      const other = kept[k]!;
      if (run.base - other.base > 1) break;
      if (other.str === run.str && Math.abs(other.x0 - run.x0) < 1 && Math.abs(other.base - run.base) < 1) {
        dup = true;
        break;
      }
    }
    if (!dup) kept.push(run);
  }
  return kept;
}

/** Cuts a run into pieces at the given x positions, placing each character by its estimated centre. */
export function splitRunAt(run: TextRun, cuts: number[]): TextRun[] {
  const inside = cuts.filter((x) => x > run.x0 + 0.5 && x < run.x1 - 0.5).sort((a, b) => a - b);
  if (!inside.length) return [run];
  const chars = [...run.str];
  const weights = chars.map(charWeight);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const scale = (run.x1 - run.x0) / total;
  const pieces: TextRun[] = [];
  let x = run.x0;
  let current: { str: string; x0: number; x1: number; zone: number } | undefined;
  chars.forEach((ch, i) => {
    const w = weights[i]! * scale;
    const centre = x + w / 2;
    const zone = inside.filter((c) => c <= centre).length;
    if (current && current.zone === zone) {
      current.str += ch;
      current.x1 = x + w;
    } else {
      if (current) pieces.push({ ...run, str: current.str, x0: current.x0, x1: current.x1 });
      current = { str: ch, x0: x, x1: x + w, zone };
    }
    x += w;
  });
  if (current) pieces.push({ ...run, str: current.str, x0: current.x0, x1: current.x1 });
  return pieces.filter((p) => p.str.trim());
}

/** A line of text: runs sharing a baseline, left to right. */
export interface TextLine {
  runs: TextRun[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  base: number;
  size: number;
  text: string;
}

function makeLine(runs: TextRun[]): TextLine {
  runs.sort((a, b) => a.x0 - b.x0);
  const size = Math.max(...runs.map((r) => r.size));
  return {
    runs,
    x0: Math.min(...runs.map((r) => r.x0)),
    x1: Math.max(...runs.map((r) => r.x1)),
    y0: Math.min(...runs.map((r) => r.y0)),
    y1: Math.max(...runs.map((r) => r.y1)),
    base: runs.reduce((s, r) => s + r.base, 0) / runs.length,
    size,
    text: joinRuns(runs),
  };
}

/** Joins runs of one line; a visible gap becomes one space (CJK letter-spacing is removed later by tidy). */
export function joinRuns(runs: TextRun[]): string {
  let out = '';
  let prev: TextRun | undefined;
  for (const r of runs) {
    if (prev) {
      const gap = r.x0 - prev.x1;
      if (gap > Math.min(prev.size, r.size) * 0.3) out += ' ';
    }
    out += r.str;
    prev = r;
  }
  return tidy(out);
}

/** Groups runs into lines by baseline: runs whose baselines differ by less than ~40% of the font size share a line. */
export function groupLines(runs: TextRun[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: TextRun[][] = [];
  let current: TextRun[] = [];
  let base = 0;
  for (const r of sorted) {
    if (current.length && Math.abs(r.base - base) > Math.max(1.5, Math.min(r.size, current[0]!.size) * 0.4)) {
      lines.push(current);
      current = [];
    }
    if (!current.length) base = r.base;
    current.push(r);
  }
  if (current.length) lines.push(current);
  return lines.map(makeLine);
}

/** Text of a table cell: its lines joined with "\n". */
export function cellText(runs: TextRun[]): string {
  return groupLines(runs)
    .map((l) => l.text)
    .filter(Boolean)
    .join('\n');
}
