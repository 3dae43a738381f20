// Finds a table's row labels in template order and cuts the stream into one value zone per row;
// rows whose labels were lost share the zone of the row before them (F2) and are split by position.
// A zone never runs past the end of its table, nor into a line of prose (Unit.zoneEnd); labels inside prose are no labels.
import { findLabel, zoneEndAt, type Hit, type Stream } from './stream';
import { tokenize, type Token } from './values';

export interface RowSpec {
  id: string;
  keys: readonly string[];
  /** Arabic enumerator printed before the label inside its group ("3." of "3.补正后…"), if any. */
  enumerator?: number;
  /** How many value cells the row has. */
  cells: number;
  /** Keys of the group label printed before this row when it is a group's first sub-row ("(三)不予公开"). */
  group?: readonly string[];
}

export interface LocatedRow {
  spec: RowSpec;
  hit: Hit | null;
  /** Tokens of this row, or null when the row shares a zone it could not be cut out of. */
  tokens: Token[] | null;
}

const CJK = /[\u3400-\u9fff"'“”]/;
/** How many later rows to look at before accepting a label hit: a hit after a later row's label is a false one. */
const LOOKAHEAD = 3;

export function locateRows(stream: Stream, specs: readonly RowSpec[], from: number, to: number): LocatedRow[] {
  const hits: (Hit | null)[] = [];
  let cursor = from;
  specs.forEach((spec, i) => {
    const hit = findLabel(stream, spec.keys, cursor, to);
    // Only the canonical key of a later row counts: short fallback keys also occur inside column headers.
    const later = specs.slice(i + 1, i + 1 + LOOKAHEAD).map((s) => findLabel(stream, s.keys.slice(0, 1), cursor, to));
    const overtaken = hit && later.some((h) => h && h.start < hit.start);
    const label = hit && !overtaken ? withEnumerator(stream, hit, spec.enumerator) : null;
    const grouped = spec.group ? withGroup(stream, spec.group, label, cursor, to, later) : label;
    hits.push(grouped);
    if (grouped) cursor = grouped.end;
  });
  const rows = cutZones(stream, specs, hits, to);
  const first = rows.findIndex((r) => r.hit);
  if (first >= 0) rows[first]!.tokens = withLeadingLine(tokenize(stream, from, rows[first]!.hit!.start), rows[first]!);
  rebalance(rows);
  return rows;
}

/**
 * Layout text centres a value vertically in a tall cell, so a row's first value line can float above its label
 * ("10" above "其他对外管理服务事项"). A separate last line of surplus values in one row that completes the next row
 * exactly belongs to that next row.
 */
function rebalance(rows: LocatedRow[]): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    const a = rows[i]!;
    const b = rows[i + 1]!;
    if (!a.tokens || !b.tokens || !b.hit) continue;
    const surplus = a.tokens.length - a.spec.cells;
    if (surplus <= 0 || b.tokens.length + surplus !== b.spec.cells) continue;
    const moved = a.tokens.slice(-surplus);
    const kept = a.tokens.slice(0, -surplus);
    if (!separateLine(kept, moved)) continue;
    a.tokens = kept;
    b.tokens = [...moved, ...b.tokens];
  }
}

/** The first row can take a value line printed just above its label (between the header and the label). */
function withLeadingLine(before: Token[], row: LocatedRow): Token[] | null {
  const tokens = row.tokens;
  if (!tokens) return tokens;
  const missing = row.spec.cells - tokens.length;
  if (missing <= 0 || before.length < missing) return tokens;
  const lead = before.slice(-missing);
  const lastLine = lead[0]!.row;
  const ownLine = lead.every((t) => t.row === lastLine && t.kind === 'num') && !before.slice(0, -missing).some((t) => t.row === lastLine);
  return ownLine ? [...lead, ...tokens] : tokens;
}

function separateLine(kept: Token[], moved: Token[]): boolean {
  const line = moved[0]!.row;
  return moved.every((t) => t.row === line && t.kind === 'num') && kept.every((t) => t.row < line);
}

/**
 * A group label ("(三)不予公开") ends the zone of the row before it, so numbers a report prints on the group line
 * itself (its own subtotal) are not read into that row. When the first sub-row's label was lost (F2), the group label
 * stands in for it and its values follow the group label.
 */
function withGroup(
  stream: Stream,
  keys: readonly string[],
  label: Hit | null,
  cursor: number,
  to: number,
  later: (Hit | null)[],
): Hit | null {
  const group = findLabel(stream, keys, cursor, label ? label.start : to);
  if (!group) return label;
  if (label) return { ...label, start: group.start, keyStart: group.keyStart };
  return later.some((h) => h && h.start < group.start) ? null : group;
}

/** Moves a label's start back over the words before its key and its enumerator, so they are not read as values. */
function withEnumerator(stream: Stream, hit: Hit, n: number | undefined): Hit {
  const key = stream.key;
  let j = hit.keyStart;
  while (j > 0 && hit.keyStart - j < 12 && CJK.test(key[j - 1]!)) j--;
  if (n !== undefined) {
    for (const e of [`${n}.`, `${n}、`, `(${n})`]) {
      if (key.slice(j - e.length, j) === e) {
        j -= e.length;
        break;
      }
    }
  }
  return { ...hit, keyStart: j, start: stream.keyToText[j]! };
}

function cutZones(stream: Stream, specs: readonly RowSpec[], hits: (Hit | null)[], to: number): LocatedRow[] {
  const out: LocatedRow[] = specs.map((spec, i) => ({ spec, hit: hits[i] ?? null, tokens: null }));
  for (let i = 0; i < specs.length; i++) {
    const hit = hits[i];
    if (!hit) continue;
    let j = i + 1;
    while (j < specs.length && !hits[j]) j++;
    const end = Math.min(j < specs.length ? hits[j]!.start : to, zoneEndAt(stream, hit.end));
    const tokens = tokenize(stream, hit.end, end);
    const covered = j - i; // this row and the lost ones after it
    if (covered === 1) {
      out[i]!.tokens = tokens;
      continue;
    }
    const perRow = splitByRows(tokens, covered);
    perRow?.forEach((ts, n) => (out[i + n]!.tokens = ts));
  }
  return out;
}

/**
 * Several rows in one zone: when the zone has exactly one line per row, each line is a row
 * (seed 000: sub-row labels lost, one line each). Otherwise nothing is cut: those rows stay unknown.
 */
function splitByRows(tokens: Token[], rows: number): Token[][] | null {
  const lines = new Map<number, Token[]>();
  for (const t of tokens) {
    const line = lines.get(t.row) ?? [];
    line.push(t);
    lines.set(t.row, line);
  }
  const filled = [...lines.values()].filter((ts) => ts.some((t) => t.kind !== 'blank'));
  return filled.length === rows ? filled : null;
}
