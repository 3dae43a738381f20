// Pure guards for every channel argument: unknown input from the renderer in, a typed argument or a Chinese reason out.
import type { CellState } from '../model/report';
import type { Channel, ChannelArg, LibraryQuery, ReportStatus } from './contract';

export type Guarded<T> = { ok: true; value: T } | { ok: false; message: string };

const STATUSES: readonly ReportStatus[] = ['imported', 'needs-attention', 'graded'];
const STATES: readonly CellState[] = ['number', 'blank', 'dash', 'missing', 'ambiguous'];
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
