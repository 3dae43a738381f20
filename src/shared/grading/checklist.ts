// The scoring checklist as data (domain.md §8): items with their maximum, the checks that deduct from them and how,
// and the grade bands. A county edits its own copy; a broken one is refused with the reasons in Chinese.
import { CHECK_IDS } from '../checks/catalog';
import type { CheckStatus } from '../checks/types';

export interface DeductionRule {
  /** The check id whose result triggers the rule. */
  check: string;
  /** The statuses that trigger it (uncertain and manual never deduct: they are refused here). */
  when: CheckStatus[];
  /** Points taken off; with `each`, per defect the check counted. */
  deduct?: number;
  each?: boolean;
  /** The item's points are at most this when the rule triggers (e.g. an old template: 0). */
  setTo?: number;
}

export interface ChecklistItem {
  id: string;
  group: string;
  title: string;
  max: number;
  /** The printed deduction rule, for the inspector and the sheet. */
  guide: string;
  /** The checks that inform the item without deducting (evidence shown, inspector decides). */
  informs?: string[];
  rules: DeductionRule[];
  /** A person decides this item (the suggestion is only a starting point). */
  human?: boolean;
}

export interface GradeBand {
  /** Lowest total of the band. */
  min: number;
  grade: string;
}

export interface Checklist {
  /** Stable key of the checklist family ("default", "county-2026"…); with the version it names what graded a report. */
  id: string;
  version: number;
  name: string;
  groups: { id: string; title: string }[];
  items: ChecklistItem[];
  /** Highest band first. */
  bands: GradeBand[];
}

export function checklistRef(c: Pick<Checklist, 'id' | 'version'>): string {
  return `${c.id}@${c.version}`;
}

export function maxTotal(c: Checklist): number {
  return c.items.reduce((s, i) => s + i.max, 0);
}

/** The grade band of a total (highest band whose minimum the total reaches). */
export function gradeOf(c: Checklist, total: number): string {
  const sorted = [...c.bands].sort((a, b) => b.min - a.min);
  return (sorted.find((b) => total >= b.min - 1e-9) ?? sorted[sorted.length - 1])?.grade ?? '';
}

const STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'warn', 'info', 'uncertain', 'manual', 'na'];
const DEDUCTING: readonly CheckStatus[] = ['fail', 'warn', 'info'];
const isHalf = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.round(n * 2) === n * 2;
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown, max = 200): x is string => typeof x === 'string' && x.trim().length > 0 && x.length <= max;

export type Validated = { ok: true; checklist: Checklist } | { ok: false; errors: string[] };

/** Checks a checklist read from a file or typed by a county; every problem is listed in Chinese. */
export function validateChecklist(raw: unknown): Validated {
  const errors: string[] = [];
  if (!isObj(raw)) return { ok: false, errors: ['评分表不是一个 JSON 对象。'] };
  if (!isText(raw['id'], 60) || !/^[\w\u4e00-\u9fff-]+$/.test(raw['id']))
    errors.push('评分表缺少有效的标识（id，只能含字母、数字、汉字、-、_）。');
  if (!Number.isInteger(raw['version']) || (raw['version'] as number) < 1) errors.push('评分表的版本号（version）必须是正整数。');
  if (!isText(raw['name'], 100)) errors.push('评分表缺少名称（name）。');
  const groups = Array.isArray(raw['groups']) ? raw['groups'] : [];
  const groupIds = new Set<string>();
  for (const g of groups) {
    if (!isObj(g) || !isText(g['id'], 20) || !isText(g['title'], 60)) errors.push('评分大项（groups）每项须有 id 和 title。');
    else groupIds.add(g['id']);
  }
  const items = Array.isArray(raw['items']) ? raw['items'] : [];
  if (items.length === 0) errors.push('评分表没有任何评分项（items）。');
  const seen = new Set<string>();
  items.forEach((it, i) => validateItem(it, i, seen, groupIds, errors));
  const bands = Array.isArray(raw['bands']) ? raw['bands'] : [];
  if (bands.length === 0) errors.push('评分表没有等次划分（bands）。');
  for (const b of bands) {
    if (!isObj(b) || typeof b['min'] !== 'number' || !Number.isFinite(b['min']) || !isText(b['grade'], 20))
      errors.push('等次划分每档须有最低分（min）和等次名称（grade）。');
  }
  if (bands.length > 0 && !bands.some((b) => isObj(b) && typeof b['min'] === 'number' && b['min'] <= 0))
    errors.push('等次划分须有一档从 0 分起（最低一档的 min 为 0）。');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, checklist: raw as unknown as Checklist };
}

function validateItem(it: unknown, i: number, seen: Set<string>, groups: Set<string>, errors: string[]): void {
  const where = `第 ${i + 1} 个评分项`;
  if (!isObj(it)) return void errors.push(`${where}不是对象。`);
  const id = it['id'];
  if (!isText(id, 20)) errors.push(`${where}缺少编号（id）。`);
  else if (seen.has(id)) errors.push(`评分项编号 ${id} 重复。`);
  else seen.add(id);
  const name = isText(id, 20) ? `评分项 ${id}` : where;
  if (!isText(it['title'], 100)) errors.push(`${name}缺少名称（title）。`);
  if (!isText(it['group'], 20) || (groups.size > 0 && !groups.has(it['group']))) errors.push(`${name}的大项（group）不在 groups 中。`);
  const max = it['max'];
  if (!isHalf(max) || max <= 0 || max > 100) errors.push(`${name}的分值（max）须为 0.5 的倍数，且在 0 到 100 之间。`);
  if (typeof it['guide'] !== 'string') errors.push(`${name}缺少扣分说明（guide）。`);
  for (const c of Array.isArray(it['informs']) ? it['informs'] : []) {
    if (typeof c !== 'string' || !CHECK_IDS.includes(c)) errors.push(`${name}引用了不存在的检查项 ${String(c)}。`);
  }
  if (!Array.isArray(it['rules'])) return void errors.push(`${name}缺少扣分规则（rules，可为空列表）。`);
  for (const r of it['rules'] as unknown[]) validateRule(r, name, isHalf(max) ? max : 100, errors);
}

function validateRule(r: unknown, name: string, max: number, errors: string[]): void {
  if (!isObj(r)) return void errors.push(`${name}的扣分规则不是对象。`);
  const check = r['check'];
  if (typeof check !== 'string' || !CHECK_IDS.includes(check)) errors.push(`${name}的扣分规则引用了不存在的检查项 ${String(check)}。`);
  const when = r['when'];
  if (!Array.isArray(when) || when.length === 0 || !when.every((s) => STATUSES.includes(s as CheckStatus)))
    errors.push(`${name}的扣分规则须列出触发的检查结果（when）。`);
  else if (!when.every((s) => DEDUCTING.includes(s as CheckStatus)))
    errors.push(`${name}的扣分规则不能因“存疑”“需人工判断”“通过”或“不适用”扣分。`);
  const hasDeduct = r['deduct'] !== undefined;
  const hasSet = r['setTo'] !== undefined;
  if (!hasDeduct && !hasSet) errors.push(`${name}的扣分规则须有扣分（deduct）或限定得分（setTo）。`);
  if (hasDeduct && (!isHalf(r['deduct']) || (r['deduct'] as number) < 0)) errors.push(`${name}的扣分（deduct）须为非负的 0.5 的倍数。`);
  if (hasSet && (!isHalf(r['setTo']) || (r['setTo'] as number) < 0 || (r['setTo'] as number) > max))
    errors.push(`${name}的限定得分（setTo）须在 0 到该项分值之间。`);
  if (r['each'] !== undefined && typeof r['each'] !== 'boolean') errors.push(`${name}的 each 须为 true 或 false。`);
}
