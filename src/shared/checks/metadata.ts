// The timeliness and metadata checks of domain.md §6.5 (MET-01…06): on-time publication, a known publish date,
// consistent years, the unit's own name (no other units' names or template residue) and a whole-year period.
import { normalizeText } from '../normalize/text';
import { result, spanOf, type EvalContext, type Sentence } from './context';
import { findPeriod, formatPeriod, isFullYear, titleYear } from './period';
import { flattenedTable } from './structure-text';
import type { CheckResult, UnitLevel } from './types';

export function metadataChecks(ctx: EvalContext): CheckResult[] {
  const date = publishDate(ctx);
  return [onTimeCheck(ctx, date), dateKnownCheck(date), yearsCheck(ctx, date), namesCheck(ctx), periodCheck(ctx), laterCopyCheck()];
}

interface PublishDate {
  iso: string;
  from: 'document' | 'inspector';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

function publishDate(ctx: EvalContext): PublishDate | null {
  const own = ctx.report.publishedAt;
  if (own && ISO.test(own)) return { iso: own.slice(0, 10), from: 'document' };
  const given = ctx.input.receivedAt;
  if (given && ISO.test(given)) return { iso: given.slice(0, 10), from: 'inspector' };
  return null;
}

/**
 * The level whose deadline applies. A name inferred as 'other' that is a territory ("平潭综合实验区", "XX新区") is the
 * report of that territory's government, due by 3月31日 (条例 第四十九条); a 1月31日 deadline there is a false alarm.
 */
function deadlineLevel(ctx: EvalContext): UnitLevel {
  if (ctx.input.unitLevel) return ctx.input.unitLevel;
  const organ = normalizeText(ctx.report.organ ?? '').replace(/\s/g, '');
  if (ctx.level === 'other' && /(区|县|市|旗|州|盟|管委会|管理委员会)$/.test(organ)) return 'county_gov';
  return ctx.level;
}

const LEVEL_NAMES: Record<UnitLevel, string> = {
  township: '乡镇',
  street: '街道',
  county_dept: '县直部门',
  county_gov: '县级人民政府',
  other: '其他单位',
};

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

// ---- MET-01 ----

function onTimeCheck(ctx: EvalContext, date: PublishDate | null): CheckResult {
  const year = ctx.report.year;
  if (!date) return result('MET-01', 'na', '发布日期未知，无法判断是否按时发布（见MET-02）');
  if (year === null) return result('MET-01', 'uncertain', `报告年度未知，无法判断发布日期${date.iso}是否按时`);
  const level = deadlineLevel(ctx);
  // Before the 2019 条例 every organ had until 3月31日 (old 第三十一条, domain.md §1.2).
  const mmdd = year <= 2018 ? '03-31' : ctx.settings.deadlines[level];
  const deadline = `${year + 1}-${mmdd}`;
  const source = date.from === 'inspector' ? '（评审人录入）' : '';
  if (date.iso > deadline) {
    const late = daysBetween(deadline, date.iso);
    return result(
      'MET-01',
      'fail',
      `发布日期${date.iso}${source}晚于${year <= 2018 ? '旧条例规定' : LEVEL_NAMES[level]}的发布时限${deadline}，逾期${late}天`,
      { count: 1 },
    );
  }
  return result('MET-01', 'pass', `发布日期${date.iso}${source}，未超过发布时限${deadline}`);
}

// ---- MET-02 ----

function dateKnownCheck(date: PublishDate | null): CheckResult {
  if (!date) return result('MET-02', 'manual', '发布日期未知，请评审人确认');
  if (date.from === 'inspector') return result('MET-02', 'pass', `发布日期${date.iso}由评审人提供（文档中未载明）`);
  return result('MET-02', 'pass', `发布日期${date.iso}`);
}

// ---- MET-03 ----

function yearsCheck(ctx: EvalContext, date: PublishDate | null): CheckResult {
  const year = ctx.report.year;
  if (year === null) return result('MET-03', 'uncertain', '报告年度未知');
  const problems: string[] = [];
  const spans = [];
  const ty = titleYear(ctx.report.title);
  if (ty !== null && ty !== year) problems.push(`标题年度${ty}与报告年度${year}不一致`);
  const period = findPeriod(ctx.sentences);
  if (period && ty !== null && period.startYear !== ty) {
    problems.push(`标题年度${ty}与统计期限${formatPeriod(period)}不一致`);
    spans.push(spanOf(period.sentence));
  }
  if (date) {
    const py = Number(date.iso.slice(0, 4));
    if (py <= year) problems.push(`发布日期${date.iso}在统计年度${year}年之内`);
    else if (py >= year + 2) problems.push(`发布日期${date.iso}晚于${year + 1}年`);
  }
  if (problems.length > 0) return result('MET-03', 'warn', problems.join('；'), { spans, count: problems.length });
  return result('MET-03', 'pass', `年度一致：${year}年度${date ? `，${date.iso}发布` : ''}`);
}

// ---- MET-04 ----

interface Residue {
  s: Sentence;
  what: string;
}

/** Placeholders for a unit name and self-references with an alternative in brackets ("全区(镇)"): template residue. */
const PLACEHOLDER = /(XX|xx|××|某某|□□|○○|〇〇|\*\*)(省|市|州|县|区|镇|乡|街道|局|委|村|社区|单位|部门)/;
const ALTERNATIVE = /(全|本|我)(区|县|市|镇|乡)\((区|县|市|镇|乡|街道)\)/;

/** Words for "our bureau" in a town's report, or for the other kind of town: copied from another unit's report. */
function selfWords(ctx: EvalContext): RegExp | null {
  const organ = normalizeText(ctx.report.organ ?? '').replace(/\s/g, '');
  if (ctx.level !== 'township' && ctx.level !== 'street') return null;
  const parts = ['我局', '本局', '我委'];
  if (/镇(人民政府)?$/.test(organ)) parts.push('我乡(?!镇|村)', '全乡(?!镇|村)', '本乡(?!镇|村)');
  if (/乡(人民政府)?$/.test(organ)) parts.push('(?<!乡)我镇', '(?<!乡)全镇', '(?<!乡)本镇');
  return new RegExp(parts.join('|'));
}

const TOWNS = new Map<string, string | null>();

/** A town's short name ("低庄镇") from its full name ("溆浦县低庄镇人民政府"); names recur for every report of a year. */
export function townName(organ: string | null): string | null {
  const key = organ ?? '';
  const hit = TOWNS.get(key);
  if (hit !== undefined) return hit;
  const out = townNameOnce(organ);
  if (TOWNS.size > 20_000) TOWNS.clear();
  TOWNS.set(key, out);
  return out;
}

function townNameOnce(organ: string | null): string | null {
  const name = normalizeText(organ ?? '')
    .replace(/\s/g, '')
    .replace(/(人民政府|办事处)$/, '')
    .replace(/^.*(省|县|区|市|旗|州)(?=[\u4e00-\u9fff]{2,})/, '');
  const m = /^[\u4e00-\u9fff]{1,6}(镇|乡|街道)$/.exec(name);
  return m ? m[0] : null;
}

/** Peers' town names that appear in this report while not being part of its own name. */
function foreignNames(ctx: EvalContext, prose: Sentence[]): Residue[] {
  const own = normalizeText(ctx.report.organ ?? '').replace(/\s/g, '');
  const names = new Set<string>();
  for (const p of ctx.input.peers ?? []) {
    const n = townName(p.organ);
    if (n && n.length >= 3 && !own.includes(n)) names.add(n);
  }
  const out: Residue[] = [];
  for (const name of names) {
    for (const s of prose) if (s.key.includes(name)) out.push({ s, what: `出现其他单位名称“${name}”` });
  }
  return out;
}

function namesCheck(ctx: EvalContext): CheckResult {
  const prose = ctx.sentences.filter((s) => !flattenedTable(s.norm));
  const found: Residue[] = [];
  const self = selfWords(ctx);
  for (const s of prose) {
    const key = s.key;
    const ph = PLACEHOLDER.exec(key) ?? ALTERNATIVE.exec(key);
    if (ph) found.push({ s, what: `模板残留“${ph[0]}”` });
    const sw = self?.exec(key);
    if (sw) found.push({ s, what: `${ctx.level === 'street' ? '街道' : '乡镇'}报告中出现“${sw[0]}”` });
  }
  found.push(...foreignNames(ctx, prose));
  if (found.length === 0) return result('MET-04', 'pass', '未发现其他单位名称或模板残留');
  const whats = [...new Set(found.map((f) => f.what))];
  return result('MET-04', 'warn', whats.join('；'), { spans: found.slice(0, 6).map((f) => spanOf(f.s)), count: whats.length });
}

// ---- MET-05 ----

function periodCheck(ctx: EvalContext): CheckResult {
  const p = findPeriod(ctx.sentences);
  if (!p) return result('MET-05', 'na', '未找到统计期限的说明（见STR-12）');
  const span = [spanOf(p.sentence)];
  if (isFullYear(p)) return result('MET-05', 'pass', `统计期限${formatPeriod(p)}为整个自然年`, { spans: span });
  return result('MET-05', 'warn', `统计期限${formatPeriod(p)}不是完整的自然年（应为1月1日至12月31日）`, { spans: span, count: 1 });
}

// ---- MET-06 ----

function laterCopyCheck(): CheckResult {
  return result('MET-06', 'na', '需与发布后再次获取的版本比对，暂无可比对的副本');
}
