// Finds tables 二/三/四 in the stream, decides the template of each part, and reads every cell.
import {
  SHAPE_2019,
  SHAPE_2021,
  T2_V2019,
  T2_V2021,
  T3_COLUMNS,
  T3_GROUPS,
  T3_V2019,
  T3_V2021,
  T4_COLUMNS,
  T4_GROUPS,
  cellId,
  type RowDef,
  type T2Block,
  type Version,
} from '../template/catalog';
import type { TemplateVersion } from '../model/report';
import { findAny, findKey, findLabel, keyIndexAt, zoneEndAt, type Stream } from './stream';
import { locateRows, type LocatedRow, type RowSpec } from './rows';
import { agreed, fitRow, tokenize, type Reading, type Val } from './values';
import { solveT3 } from './t3-identities';
import { proseFilter } from './prose-assist';

/** A cell's outcome before it becomes a ParsedCell: a value, unknown (ambiguous), or not found. */
export type CellOutcome =
  { kind: 'value'; val: Val } | { kind: 'ambiguous'; raw: string | null; pos: number | null; note: string } | { kind: 'missing' };

export interface TablesResult {
  template: TemplateVersion;
  cells: Map<string, CellOutcome>;
}

interface Regions {
  t2: [number, number] | null;
  t3: [number, number] | null;
  t4: [number, number] | null;
}

export function readTables(stream: Stream): TablesResult {
  const regions = findRegions(stream);
  const t2Blocks = regions.t2 ? t2Shape(stream, regions.t2) : [];
  const t3Version = regions.t3 ? t3Shape(stream, regions.t3) : null;
  const versions = new Set<Version>(t2Blocks.map((b) => b.version));
  if (t3Version) versions.add(t3Version);
  const template: TemplateVersion =
    versions.size === 0 ? (regions.t4 ? 'v2021' : 'unknown') : versions.size === 1 ? [...versions][0]! : 'hybrid';
  const cells = new Map<string, CellOutcome>();
  if (template === 'unknown') return { template, cells };

  const base = template === 'v2019' ? SHAPE_2019 : SHAPE_2021;
  const blocks = t2Blocks.length ? t2Blocks.map((b) => b.block) : base.t2;
  readT2(stream, regions.t2, blocks, cells);
  readT3(stream, regions.t3, t3Version === 'v2019' ? T3_V2019 : t3Version === 'v2021' ? T3_V2021 : base.t3, cells);
  readT4(stream, regions.t4, cells);
  return { template, cells };
}

// ---- regions ----

function findRegions(stream: Stream): Regions {
  const end = stream.text.length;
  const t2Start = findKey(stream, '第二十条', 0)?.start ?? null;
  // A sentence before the table ("全年新收政府信息公开申请12件") does not start it.
  const t3Row = findLabel(stream, ['本年新收', '新收政府信息公开申请'], t2Start ?? 0);
  const t3Evidence =
    t3Row && countFound(stream, ['予以公开', '部分公开', '国家秘密', '不掌握', '重复申请', '结转下年度'], t3Row.start) >= 3;
  const t3Start = t3Evidence ? t3Row.start : null;
  const t3Out = t3Start !== null ? findAny(stream, ['结转下年度', '继续办理'], t3Start) : null;
  const t4Search = t3Out?.end ?? t3Start ?? t2Start ?? 0;
  // Table 四 needs its own column headers; 行政复议 alone also occurs in prose (a pre-2019 report's section 五).
  const t4Columns = findAny(stream, ['结果维持', '尚未审结', '结果纠正', '未经复议', '复议后起诉'], t4Search);
  const t4Head = t4Columns && (findAny(stream, ['行政复议'], t4Search, t4Columns.start) ?? t4Columns);
  const t4Start = t4Head?.start ?? null;
  const t5 = findAny(stream, ['存在的主要问题', '主要问题及改进'], t4Head?.end ?? t4Search);
  const t2End = t3Start ?? t4Start ?? t5?.start ?? end;
  return {
    t2: t2Start !== null && t2Start < t2End ? [t2Start, t2End] : null,
    t3: t3Start !== null ? [t3Start, t4Start ?? t5?.start ?? end] : null,
    t4: t4Start !== null ? [t4Start, t5 && t5.start > t4Start ? t5.start : end] : null,
  };
}

function countFound(stream: Stream, keys: string[], from: number): number {
  return keys.filter((k) => findKey(stream, k, from)).length;
}

// ---- template signals (domain.md §3.1) ----

interface ShapedBlock {
  block: T2Block;
  version: Version;
}

const ITEMS = ['一', '五', '六', '八', '九'] as const;

/** Table 二 block by block: each caption's zone says which format its headers follow. */
function t2Shape(stream: Stream, [from, to]: [number, number]): ShapedBlock[] {
  const captions = ITEMS.map((item) => ({ item, hit: findLabel(stream, [`第(${item})项`, `第${item}项`], from, to) })).filter((c) => c.hit);
  const out: ShapedBlock[] = [];
  captions.forEach((c, i) => {
    // A caption's headers end with its table: prose after the table ("较上一年增长…") is no header.
    const zoneEnd = Math.min(captions[i + 1]?.hit?.start ?? to, zoneEndAt(stream, c.hit!.end));
    const head = stream.key.slice(c.hit!.keyStart, keyIndexAt(stream, zoneEnd));
    const version = blockVersion(c.item, head);
    if (!version) return;
    const block = (version === 'v2019' ? T2_V2019 : T2_V2021).find((b) => b.item === c.item);
    if (block) out.push({ block, version });
  });
  return out;
}

function blockVersion(item: string, head: string): Version | null {
  const has = (...words: string[]) => words.some((w) => head.includes(w));
  switch (item) {
    case '一':
      if (has('新制作', '新公开', '公开总数')) return 'v2019';
      if (has('制发', '废止', '现行有效')) return 'v2021';
      return has('行政规范性文件') ? 'v2021' : has('规范性文件') ? 'v2019' : null;
    case '五':
    case '六':
      if (has('上一年', '增/减', '增减', '其他对外管理服务')) return 'v2019';
      if (has('本年处理决定', '处理决定')) return 'v2021';
      return null;
    case '八':
      if (has('上一年', '增/减', '增减')) return 'v2019';
      if (has('收费金额', '万元')) return 'v2021';
      return null;
    case '九':
      return has('采购') ? 'v2019' : null;
    default:
      return null;
  }
}

/** Table 三: the 2021 format has three sub-rows under (六)其他处理. */
function t3Shape(stream: Stream, [from, to]: [number, number]): Version {
  if (findAny(stream, ['逾期不补正', '收费通知', '缴纳费用'], from, to)) return 'v2021';
  // Sub-row labels can be lost (F2): three lines of values under (六)其他处理 still mean the 2021 format.
  const other = findAny(stream, ['其他处理'], from, to);
  const total = other && findAny(stream, ['(七)总计', '总计'], other.end, to);
  if (other && total) {
    const lines = new Set(
      tokenize(stream, other.end, total.start)
        .filter((t) => t.kind === 'num')
        .map((t) => t.row),
    );
    if (lines.size === 3) return 'v2021';
  }
  return 'v2019';
}

// ---- reading rows ----

function readT2(stream: Stream, region: [number, number] | null, blocks: T2Block[], cells: Map<string, CellOutcome>): void {
  const rows = blocks.flatMap((b) => b.rows);
  const located = region ? locateRows(stream, rows.map(specOf), region[0], region[1]) : [];
  rows.forEach((row, i) => {
    const loc = located[i];
    let readings = loc?.tokens ? fitRow(loc.tokens, { domains: row.cols.map((c) => c.domain) }) : null;
    if (readings && readings.length > 1 && region) readings = proseFilter(stream, region, row, readings);
    store(
      cells,
      't2',
      row.id,
      row.cols.map((c) => c.id),
      loc,
      readings,
    );
  });
}

function readT3(stream: Stream, region: [number, number] | null, rows: RowDef[], cells: Map<string, CellOutcome>): void {
  const located = region ? locateRows(stream, rows.map(specOf), region[0], region[1]) : [];
  const domains = T3_COLUMNS.map((c) => c.domain);
  const rowSum = (v: number[]) => v[6] === v[0]! + v[1]! + v[2]! + v[3]! + v[4]! + v[5]!;
  // A lone value is read as the 总计 only where the document shows that layout itself: rows printed as one run for
  // the six applicant cells plus a separate total (seed 001). Elsewhere a lone value could be any column.
  const runLayout = located.some((l) => l.tokens?.length === 2 && l.tokens[0]!.kind === 'num' && l.tokens[0]!.text.length >= 6);
  const readings = rows.map((_, i) => {
    const tokens = located[i]?.tokens;
    return tokens ? fitRow(tokens, { domains, constraint: rowSum, lastIsTotal: runLayout }) : null;
  });
  const solved = solveT3(
    rows.map((r) => r.id),
    readings,
  );
  rows.forEach((row, i) =>
    store(
      cells,
      't3',
      row.id,
      T3_COLUMNS.map((c) => c.id),
      located[i],
      solved[i] ?? null,
    ),
  );
}

function readT4(stream: Stream, region: [number, number] | null, cells: Map<string, CellOutcome>): void {
  const ids = T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => ({ row: g.id, col: c.id })));
  if (!region) {
    ids.forEach(({ row, col }) => cells.set(cellId('t4', row, col), { kind: 'missing' }));
    return;
  }
  // The headers of table 四 hold no digits, so the whole table is read: its first line with values is the data row.
  // A sentence between the heading and the table is not read (tokenize skips prose); the row ends with its table.
  let tokens = firstValueLine(ownZone(stream, tokenize(stream, region[0], region[1])));
  // In free text the 15 values must stand together; header words between them mean the columns were read out of
  // order (pdftotext without -layout), and any reading of them would be a guess.
  if (
    tokens.length &&
    !tokens.every((t) => t.cell) &&
    /[\u3400-\u9fff]/.test(stream.text.slice(tokens[0]!.pos, tokens[tokens.length - 1]!.pos))
  ) {
    tokens = [];
  }
  const groupSums = (v: number[]) => [0, 5, 10].every((o) => v[o + 4] === v[o]! + v[o + 1]! + v[o + 2]! + v[o + 3]!);
  const readings = tokens.length ? fitRow(tokens, { domains: ids.map(() => 'count'), constraint: groupSums }) : [];
  const vals = readings.length ? agreed(readings, ids.length) : null;
  ids.forEach(({ row, col }, i) =>
    cells.set(cellId('t4', row, col), outcome(vals, i, true, tokens[0]?.pos ?? null, tokens[0]?.text ?? null)),
  );
}

/** The tokens from the first value on, up to the end of that value's table (or the next line of prose in free text). */
function ownZone<T extends { kind: string; pos: number }>(stream: Stream, tokens: T[]): T[] {
  const first = tokens.findIndex((t) => t.kind !== 'blank');
  if (first < 0) return tokens;
  const end = zoneEndAt(stream, tokens[first]!.pos);
  return tokens.filter((t) => t.pos < end);
}

/**
 * The data row of table 四: the first line with a value. Empty slots before the first and after the last value
 * are layout (a shifted row, a trailing border-less row), not blank cells — unless the line has exactly 15 slots.
 */
function firstValueLine<T extends { kind: string; row: number }>(tokens: T[]): T[] {
  const first = tokens.find((t) => t.kind !== 'blank');
  if (!first) return [];
  const line = tokens.filter((t) => t.row === first.row);
  if (line.length === 15) return line;
  let a = 0;
  let b = line.length;
  while (a < b && line[a]!.kind === 'blank') a++;
  while (b > a && line[b - 1]!.kind === 'blank') b--;
  const trimmed = line.slice(a, b);
  // A row of one value per line (text extractions) continues on the next lines.
  if (trimmed.length < 15 && new Set(tokens.map((t) => t.row)).size > 1) {
    const all = tokens.slice(tokens.indexOf(first));
    let end = all.length;
    while (end > 0 && all[end - 1]!.kind === 'blank') end--;
    return all.slice(0, end);
  }
  return trimmed;
}

/** The first sub-row of each table 三 group, and its group label's keys. */
const GROUP_OF_FIRST: Record<string, readonly string[]> = Object.fromEntries(T3_GROUPS.map((g) => [g.first, g.keys]));

function specOf(row: RowDef): RowSpec {
  const m = /^(\d)\./.exec(row.label);
  const group = GROUP_OF_FIRST[row.id];
  return { id: row.id, keys: row.keys, cells: row.cols.length, ...(m ? { enumerator: Number(m[1]) } : {}), ...(group ? { group } : {}) };
}

function store(
  cells: Map<string, CellOutcome>,
  table: 't2' | 't3',
  rowId: string,
  colIds: string[],
  loc: LocatedRow | undefined,
  readings: Reading[] | null,
): void {
  const found = !!loc?.hit;
  const vals = readings && readings.length ? agreed(readings, colIds.length) : null;
  const firstTok = loc?.tokens?.[0];
  colIds.forEach((col, i) => cells.set(cellId(table, rowId, col), outcome(vals, i, found, firstTok?.pos ?? null, firstTok?.text ?? null)));
}

function outcome(vals: (Val | null)[] | null, i: number, found: boolean, pos: number | null, raw: string | null): CellOutcome {
  const v = vals?.[i];
  if (v) return { kind: 'value', val: v };
  if (!found) return { kind: 'missing' };
  return {
    kind: 'ambiguous',
    raw,
    pos,
    note: vals ? '数字连写或列数不符，无法唯一拆分' : '找到了行标签，但读不出这一行的数值',
  };
}
