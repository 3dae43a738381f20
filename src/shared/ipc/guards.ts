// Pure guards for every channel argument: unknown input from the renderer in, a typed argument or a Chinese reason out.
import type { CellState } from '../model/report';
import type { UnitLevel } from '../checks/types';
import type { GradingState } from '../grading/assessment';
import type { BatchSelection, Channel, ChannelArg, LibraryQuery, ReportStatus, Settings } from './contract';

export type Guarded<T> = { ok: true; value: T } | { ok: false; message: string };

const STATUSES: readonly ReportStatus[] = ['imported', 'needs-attention', 'graded'];
const STATES: readonly CellState[] = ['number', 'blank', 'dash', 'missing', 'ambiguous'];
const GRADING: readonly GradingState[] = ['ungraded', 'in-progress', 'graded'];
const LEVELS: readonly UnitLevel[] = ['township', 'street', 'county_dept', 'county_gov', 'other'];
const MAX_PATHS = 10_000;
const MAX_IDS = 10_000;

/** Thrown inside a guard to stop at the first bad field; caught by guardArg. */
class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

/** A plain object (not an array, not a class instance): the only shape an argument may have. */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function field(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

function obj(x: unknown): Record<string, unknown> {
  if (x === undefined || x === null) return {};
  return isPlainObject(x) ? x : fail('参数必须是一个对象。');
}

export function isId(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
}

function id(x: unknown, name: string): number {
  return isId(x) ? x : fail(`${name} 必须是正整数。`);
}

function hasControlChars(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A short single-line text: trimmed, non-empty, bounded, without control characters. */
function shortText(x: unknown, name: string, max: number): string {
  if (typeof x !== 'string') fail(`${name} 必须是文字。`);
  const s = x.trim();
  if (s.length === 0) fail(`${name} 不能为空。`);
  if (s.length > max) fail(`${name} 过长（最多 ${max} 个字符）。`);
  if (hasControlChars(s)) fail(`${name} 含有不允许的控制字符。`);
  return s;
}

export function isYear(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1990 && x <= 2100;
}

function year(x: unknown): number {
  return isYear(x) ? x : fail('年份必须是 1990 至 2100 之间的整数。');
}

function intIn(x: unknown, name: string, min: number, max: number): number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max ? x : fail(`${name} 必须是 ${min} 至 ${max} 之间的整数。`);
}

/** Absolute paths only (POSIX, drive letter or UNC): the renderer passes paths a chooser or a drop gave it. */
export function isAbsolutePath(x: unknown): x is string {
  if (typeof x !== 'string' || x.length === 0 || x.length > 4096 || x.includes('\u0000')) return false;
  return x.startsWith('/') || /^[A-Za-z]:[\\/]/.test(x) || x.startsWith('\\\\');
}

export function isCellId(x: unknown): x is string {
  return typeof x === 'string' && /^t[1-9]\/[a-z0-9_.]{1,64}\/[a-z0-9_]{1,32}$/.test(x);
}

function guardQuery(x: unknown): LibraryQuery {
  const o = obj(x);
  const q: LibraryQuery = {};
  const y = field(o, 'year');
  if (y !== undefined) q.year = year(y);
  const organ = field(o, 'organ');
  if (organ !== undefined) q.organ = shortText(organ, '单位', 200);
  const status = field(o, 'status');
  if (status !== undefined) q.status = STATUSES.includes(status as ReportStatus) ? (status as ReportStatus) : fail('状态不正确。');
  const grading = field(o, 'grading');
  if (grading !== undefined) q.grading = GRADING.includes(grading as GradingState) ? (grading as GradingState) : fail('评分状态不正确。');
  const text = field(o, 'text');
  if (text !== undefined && !(typeof text === 'string' && text.trim() === '')) q.text = shortText(text, '搜索内容', 200);
  const limit = field(o, 'limit');
  if (limit !== undefined) q.limit = intIn(limit, 'limit', 1, 1000);
  const offset = field(o, 'offset');
  if (offset !== undefined) q.offset = intIn(offset, 'offset', 0, 1_000_000_000);
  return q;
}

function guardSetMeta(x: unknown): ChannelArg<'report:set-meta'> {
  const o = obj(x);
  const ids = field(o, 'ids');
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS) fail(`ids 必须是 1 至 ${MAX_IDS} 个报告编号。`);
  const out: ChannelArg<'report:set-meta'> = { ids: ids.map((i) => id(i, '报告编号')) };
  const organ = field(o, 'organ');
  if (organ !== undefined) out.organ = shortText(organ, '单位', 200);
  const y = field(o, 'year');
  if (y !== undefined) out.year = year(y);
  if (out.organ === undefined && out.year === undefined) fail('请至少指定单位或年份。');
  return out;
}

function guardCorrect(x: unknown): ChannelArg<'cell:correct'> {
  const o = obj(x);
  const cellId = field(o, 'cellId');
  if (!isCellId(cellId)) fail('单元格编号不正确。');
  const state = field(o, 'state');
  if (!STATES.includes(state as CellState)) fail('单元格状态不正确。');
  const value = field(o, 'value');
  if (value !== null && !(typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e15))
    fail('数值必须是有限的数字或空。');
  if (state === 'number' && value === null) fail('状态为“数字”时必须填写数值。');
  if (state !== 'number' && value !== null) fail('只有状态为“数字”时才能填写数值。');
  const reason = shortText(field(o, 'reason'), '修改理由', 1000);
  return { reportId: id(field(o, 'reportId'), '报告编号'), cellId, value, state: state as CellState, reason };
}

function guardPaths(x: unknown): ChannelArg<'import:start'> {
  const paths = field(obj(x), 'paths');
  if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PATHS) fail(`请选择 1 至 ${MAX_PATHS} 个文件或文件夹。`);
  return { paths: paths.map((p) => (isAbsolutePath(p) ? p : fail('文件路径必须是完整的绝对路径。'))) };
}

function guardBackup(x: unknown): ChannelArg<'db:backup'> {
  const path = field(obj(x), 'path');
  if (path === undefined) return {};
  if (!isAbsolutePath(path)) fail('备份路径必须是完整的绝对路径。');
  if (!/\.(sqlite3?|db|bak)$/i.test(path)) fail('备份文件名须以 .sqlite、.db 或 .bak 结尾。');
  return { path };
}

/** Free text that may be empty (a comment cleared, a note left out), bounded, single or multi-line. */
function longText(x: unknown, name: string, max: number): string {
  if (x === undefined || x === null) return '';
  if (typeof x !== 'string') fail(`${name} 必须是文字。`);
  if (x.length > max) fail(`${name} 过长（最多 ${max} 个字符）。`);
  if ([...x].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 && ch !== '\n' && ch !== '\t')) fail(`${name} 含有不允许的控制字符。`);
  return x;
}

function itemId(x: unknown): string {
  return typeof x === 'string' && /^[A-Za-z0-9_.-]{1,20}$/.test(x) ? x : fail('评分项编号不正确。');
}

function guardDecide(x: unknown): ChannelArg<'grade:decide'> {
  const o = obj(x);
  const points = field(o, 'points');
  if (!(typeof points === 'number' && Number.isFinite(points) && points >= 0 && points <= 100)) fail('得分必须是 0 至 100 之间的数字。');
  const note = longText(field(o, 'note'), '理由', 2000);
  return { reportId: id(field(o, 'reportId'), '报告编号'), itemId: itemId(field(o, 'itemId')), points, ...(note ? { note } : {}) };
}

function guardComment(x: unknown): ChannelArg<'grade:comment'> {
  const o = obj(x);
  const item = field(o, 'itemId');
  return {
    reportId: id(field(o, 'reportId'), '报告编号'),
    itemId: item === null || item === undefined ? null : itemId(item),
    text: longText(field(o, 'text'), '评语', 5000),
  };
}

function guardLink(x: unknown): ChannelArg<'grade:link-previous'> {
  const o = obj(x);
  const prev = field(o, 'previousId');
  const previousId = prev === null || prev === 'auto' ? prev : id(prev, '上年报告编号');
  return { reportId: id(field(o, 'reportId'), '报告编号'), previousId };
}

function isoDate(x: unknown): string {
  if (typeof x !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x)) fail('日期须写成 YYYY-MM-DD。');
  const d = new Date(`${x}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== x) fail(`日期不存在：${x}`);
  return x;
}

function checklistRefArg(x: unknown): string {
  return typeof x === 'string' && /^[\w\u4e00-\u9fff-]{1,60}@\d{1,6}$/.test(x) ? x : fail('评分表编号不正确。');
}

function guardSettings(x: unknown): ChannelArg<'settings:set'> {
  const o = obj(x);
  const out: Partial<Settings> = {};
  const deadlines = field(o, 'deadlines');
  if (deadlines !== undefined) {
    const d = obj(deadlines);
    const clean: Partial<Settings['deadlines']> = {};
    for (const [k, v] of Object.entries(d)) {
      if (!LEVELS.includes(k as UnitLevel)) fail(`单位级别不正确：${k}`);
      if (typeof v !== 'string' || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v)) fail('截止日期须写成“月-日”（如 01-31）。');
      clean[k as UnitLevel] = v;
    }
    out.deadlines = clean as Settings['deadlines'];
  }
  const checklist = field(o, 'checklist');
  if (checklist !== undefined) out.checklist = checklistRefArg(checklist);
  const inspector = field(o, 'inspector');
  if (inspector !== undefined) out.inspector = shortText(inspector, '评审人姓名', 40);
  return out;
}

function guardSelection(o: Record<string, unknown>): BatchSelection {
  const out: BatchSelection = {};
  const ids = field(o, 'reportIds');
  if (ids !== undefined) {
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_IDS) fail(`报告编号须为 1 至 ${MAX_IDS} 个。`);
    out.reportIds = ids.map((i) => id(i, '报告编号'));
  }
  const y = field(o, 'year');
  if (y !== undefined) out.year = year(y);
  if (out.reportIds === undefined && out.year === undefined) fail('请指定报告或年度。');
  const order = field(o, 'order');
  if (order !== undefined) out.order = order === 'ranking' || order === 'unit' ? order : fail('排序方式必须是 ranking 或 unit。');
  return out;
}

/** An output path the inspector chose: absolute, with the expected extension. */
function outPath(x: unknown, ext: string): string | undefined {
  if (x === undefined) return undefined;
  if (!isAbsolutePath(x)) fail('保存路径必须是完整的绝对路径。');
  if (!x.toLowerCase().endsWith(ext)) fail(`文件名须以 ${ext} 结尾。`);
  return x;
}

function what(o: Record<string, unknown>): 'sheets' | 'ranking' {
  const w = field(o, 'what');
  return w === 'sheets' || w === 'ranking' ? w : fail('打印内容必须是 sheets 或 ranking。');
}

const GUARDS: { [C in Channel]: (x: unknown) => ChannelArg<C> } = {
  'library:list': guardQuery,
  'report:get': (x) => ({ id: id(field(obj(x), 'id'), '报告编号') }),
  'report:source': (x) => ({ id: id(field(obj(x), 'id'), '报告编号') }),
  'report:set-meta': guardSetMeta,
  'report:delete': (x) => ({ id: id(field(obj(x), 'id'), '报告编号') }),
  'cell:correct': guardCorrect,
  'cell:history': (x) => {
    const o = obj(x);
    const cellId = field(o, 'cellId');
    return { reportId: id(field(o, 'reportId'), '报告编号'), cellId: isCellId(cellId) ? cellId : fail('单元格编号不正确。') };
  },
  'import:start': guardPaths,
  'import:cancel': (x) => {
    const jobId = field(obj(x), 'jobId');
    return { jobId: typeof jobId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(jobId) ? jobId : fail('任务编号不正确。') };
  },
  'dialog:open': (x) => {
    const kind = field(obj(x), 'kind');
    return { kind: kind === 'files' || kind === 'folder' ? kind : fail('选择类型必须是 files 或 folder。') };
  },
  'grade:get': (x) => ({ reportId: id(field(obj(x), 'reportId'), '报告编号') }),
  'grade:decide': guardDecide,
  'grade:comment': guardComment,
  'grade:history': (x) => ({ reportId: id(field(obj(x), 'reportId'), '报告编号') }),
  'grade:link-previous': guardLink,
  'grade:set-published': (x) => {
    const o = obj(x);
    const date = field(o, 'date');
    return { reportId: id(field(o, 'reportId'), '报告编号'), date: date === null ? null : isoDate(date) };
  },
  'checklist:list': (x) => (obj(x), {}),
  'checklist:get': (x) => ({ ref: checklistRefArg(field(obj(x), 'ref')) }),
  'checklist:save': (x) => {
    const c = field(obj(x), 'checklist');
    if (JSON.stringify(c ?? null).length > 200_000) fail('评分表过大。');
    return { checklist: c };
  },
  'checklist:activate': (x) => ({ ref: checklistRefArg(field(obj(x), 'ref')) }),
  'settings:get': (x) => (obj(x), {}),
  'settings:set': guardSettings,
  'ranking:get': (x) => ({ year: year(field(obj(x), 'year')) }),
  'print:preview': (x) => ({ ...guardSelection(obj(x)), what: what(obj(x)) }),
  'print:dialog': (x) => ({ ...guardSelection(obj(x)), what: what(obj(x)) }),
  'print:pdf': (x) => {
    const path = outPath(field(obj(x), 'path'), '.pdf');
    return { ...guardSelection(obj(x)), what: what(obj(x)), ...(path ? { path } : {}) };
  },
  'export:xlsx': (x) => {
    const path = outPath(field(obj(x), 'path'), '.xlsx');
    return { ...guardSelection(obj(x)), ...(path ? { path } : {}) };
  },
  'package:export': (x) => {
    const path = outPath(field(obj(x), 'path'), '.ripkg');
    return { ...guardSelection(obj(x)), ...(path ? { path } : {}) };
  },
  'package:import': (x) => {
    const path = outPath(field(obj(x), 'path'), '.ripkg');
    return path ? { path } : {};
  },
  'package:conflicts': (x) => {
    const ids = field(obj(x), 'reportIds');
    if (ids === undefined) return {};
    if (!Array.isArray(ids) || ids.length > MAX_IDS) fail(`报告编号最多 ${MAX_IDS} 个。`);
    return { reportIds: ids.map((i) => id(i, '报告编号')) };
  },
  'job:cancel': (x) => {
    const jobId = field(obj(x), 'jobId');
    return { jobId: typeof jobId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(jobId) ? jobId : fail('任务编号不正确。') };
  },
  'db:info': (x) => (obj(x), {}),
  'db:backup': guardBackup,
};

/** Checks the argument of a channel; never throws, whatever it is given. */
export function guardArg<C extends Channel>(channel: C, x: unknown): Guarded<ChannelArg<C>> {
  const guard = GUARDS[channel] as ((x: unknown) => ChannelArg<C>) | undefined;
  if (!guard) return { ok: false, message: '未知的请求。' };
  try {
    return { ok: true, value: guard(x) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, message: e.message };
    return { ok: false, message: '参数无法识别。' };
  }
}
