// The template-version checks of domain.md §6.2 (TPL-01…05): the format matches the year, no mix of the 2019 and 2021
// formats, no invented rows or columns, no truncated labels, no outdated legal references.
import { keyOf } from '../normalize/text';
import { SHAPE_2019, SHAPE_2021, T2_V2019, T2_V2021, T3_GROUPS, T3_V2019, T3_V2021, cellsOf } from '../template/catalog';
import { result, spanOf, type EvalContext, type Sentence } from './context';
import { flattenedTable, sentencesIn, spansWhere } from './structure-text';
import type { CheckResult, Span } from './types';

export function templateChecks(ctx: EvalContext): CheckResult[] {
  return [versionCheck(ctx), hybridCheck(ctx), inventedCheck(ctx), labelsCheck(ctx), referencesCheck(ctx)];
}

const IDS_2019 = new Set(cellsOf(SHAPE_2019).map((c) => c.id));
const IDS_2021 = new Set(cellsOf(SHAPE_2021).map((c) => c.id));
/** Printed words only the 2019 format has (domain.md §3.1), to quote where a flattened table kept them as text. */
const SIGNS_2019 = /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|政府集中采购|第二十条第\(九\)项/;

const ROW_LABELS = new Map<string, string>([
  ...[...T2_V2021, ...T2_V2019].flatMap((b) => b.rows.map((r): [string, string] => [r.id, `表二“${r.label}”`])),
  ['other', '表三“(六)其他处理”（无分项）'],
  ['other.no_correction', '表三“(六)其他处理”分项'],
  ['other.fee_unpaid', '表三“(六)其他处理”分项'],
  ['other.other', '表三“(六)其他处理”分项'],
]);

/** Rows whose cells exist only in one version's template, named for the inspector. */
function onlyIn(ctx: EvalContext, own: Set<string>, other: Set<string>): { cells: string[]; rows: string[] } {
  const cells = Object.keys(ctx.cells).filter((id) => own.has(id) && !other.has(id));
  const rows = [...new Set(cells.map((id) => ROW_LABELS.get(id.split('/')[1] ?? '') ?? id.split('/')[1] ?? id))];
  return { cells, rows };
}

const signSpans = (ctx: EvalContext): Span[] => spansWhere(ctx.sentences, SIGNS_2019, 3);

// ---- TPL-01 ----

function versionCheck(ctx: EvalContext): CheckResult {
  const { year, template } = ctx.report;
  if (template === 'unknown') return result('TPL-01', 'na', '未找到统计表，无法判断格式版本');
  if (year === null) return result('TPL-01', 'uncertain', '报告年度未知，无法判断格式版本是否相符');
  if (year <= 2018) return result('TPL-01', 'na', `${year}年度报告早于统一格式`);
  const old = onlyIn(ctx, IDS_2019, IDS_2021);
  if (year >= 2021 && template === 'v2019') {
    return result(
      'TPL-01',
      'fail',
      `${year}年度报告仍使用2019年试行格式（${old.rows.join('、')}），应使用2021年格式（国办公开办函〔2021〕30号）`,
      {
        cells: old.cells.slice(0, 12),
        spans: signSpans(ctx),
        count: 1,
      },
    );
  }
  if (template === 'hybrid') {
    return result('TPL-01', 'warn', `${year}年度报告的表格混用了2019年和2021年格式（见TPL-02）`, {
      cells: old.cells.slice(0, 12),
      spans: signSpans(ctx),
    });
  }
  if (year <= 2020 && template === 'v2021') {
    return result('TPL-01', 'info', `${year}年度报告使用了2021年格式（该年度通常使用2019年试行格式，不属缺陷）`);
  }
  return result('TPL-01', 'pass', `${year}年度报告使用${template === 'v2021' ? '2021年' : '2019年试行'}格式，与年度相符`);
}

// ---- TPL-02 ----

function hybridCheck(ctx: EvalContext): CheckResult {
  const { template } = ctx.report;
  if (template === 'unknown') return result('TPL-02', 'na', '未找到统计表');
  if (template !== 'hybrid') return result('TPL-02', 'pass', `表格统一使用${template === 'v2021' ? '2021年' : '2019年试行'}格式`);
  const old = onlyIn(ctx, IDS_2019, IDS_2021);
  const now = onlyIn(ctx, IDS_2021, IDS_2019);
  const parts = [old.rows.length ? `2019年格式：${old.rows.join('、')}` : '', now.rows.length ? `2021年格式：${now.rows.join('、')}` : '']
    .filter(Boolean)
    .join('；');
  return result('TPL-02', 'fail', `表格混用2019年试行格式和2021年格式${parts ? `（${parts}）` : ''}`, {
    cells: [...old.cells, ...now.cells].slice(0, 20),
    spans: signSpans(ctx),
    count: 1,
  });
}

// ---- TPL-03 ----

/** Subtotal labels the national tables do not have (domain.md §2.4: no 法人或其他组织小计 column, no group totals). */
const INVENTED = /法人或其他组织小计|法人和其他组织小计|(不予公开|无法提供|不予处理|其他处理)(小计|合计)|^(小计|合计)$/;

function tableText(ctx: EvalContext): Sentence[] {
  const inTables = [2, 3, 4].flatMap((no) => sentencesIn(ctx, no));
  return [...new Set([...inTables, ...ctx.sentences.filter((s) => flattenedTable(s.norm))])];
}

function inventedCheck(ctx: EvalContext): CheckResult {
  if (ctx.report.template === 'unknown') return result('TPL-03', 'na', '未找到统计表');
  const hits = tableText(ctx).filter((s) => INVENTED.test(s.key));
  if (hits.length === 0) return result('TPL-03', 'pass', '未发现自行增加的小计、合计行列');
  const words = [...new Set(hits.map((s) => INVENTED.exec(s.key)?.[0] ?? ''))].join('、');
  return result('TPL-03', 'warn', `表格中有统一格式没有的栏目：${words}`, { spans: hits.slice(0, 5).map(spanOf), count: hits.length });
}

// ---- TPL-04 ----

const LABEL_KEYS = [...T3_V2021, ...T3_V2019, ...T3_GROUPS, { label: '三、本年度办理结果' }].map((r) => keyOf(r.label, false));

/** A printed line that is a strict beginning of a table-三 label: truncated, in the source or by extraction. */
function truncated(s: Sentence): boolean {
  const key = s.key;
  if (key.length < 4 || key.length > 40) return false;
  if (LABEL_KEYS.includes(key)) return false;
  return LABEL_KEYS.some((label) => label.length > key.length && label.startsWith(key));
}

function labelsCheck(ctx: EvalContext): CheckResult {
  if (ctx.report.template === 'unknown') return result('TPL-04', 'na', '未找到统计表');
  const hits = sentencesIn(ctx, 3).filter(truncated);
  if (hits.length === 0) return result('TPL-04', 'pass', '未发现截断的表格标签');
  return result(
    'TPL-04',
    'info',
    `表三有 ${hits.length} 个标签不完整：${hits.map((s) => s.text).join('、')}（可能是原文缺字，也可能是提取造成，请对照原文）`,
    {
      spans: hits.slice(0, 8).map(spanOf),
      count: hits.length,
    },
  );
}

// ---- TPL-05 ----

interface Outdated {
  re: RegExp;
  what: string;
  /** First report year for which the reference is outdated. */
  from: number;
}

const OUTDATED: Outdated[] = [
  { re: /国务院令第?492号|国令第?492号/, what: '引用旧条例（国务院令第492号）', from: 2019 },
  { re: /2008年5月1日起?(施行|实施)/, what: '引用旧条例（2008年5月1日施行）', from: 2019 },
  { re: /条例.{0,12}第三十[一二]条.{0,30}年度报告/, what: '引用旧条例关于年度报告的条款（第三十一/三十二条）', from: 2019 },
  { re: /年度报告格式\(?试行/, what: '引用已废止的“年度报告格式(试行)”', from: 2021 },
];

function referencesCheck(ctx: EvalContext): CheckResult {
  const year = ctx.report.year;
  if (year === null) return result('TPL-05', 'uncertain', '报告年度未知，无法判断法规依据是否过时');
  const prose = ctx.sentences.filter((s) => !flattenedTable(s.norm));
  const found: { s: Sentence; what: string }[] = [];
  for (const o of OUTDATED) {
    if (year < o.from) continue;
    for (const s of prose) if (o.re.test(s.key)) found.push({ s, what: o.what });
  }
  if (found.length === 0) return result('TPL-05', 'pass', '未发现过时的法规依据');
  const whats = [...new Set(found.map((f) => f.what))];
  return result('TPL-05', 'warn', `${year}年度报告${whats.join('；')}`, {
    spans: found.slice(0, 5).map((f) => spanOf(f.s)),
    count: whats.length,
  });
}
