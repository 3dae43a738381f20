// The structure and completeness checks of domain.md §6.1 (STR-01…12): title, the six sections, the three tables and
// the contents the 条例 and the 2021 format require of sections 一, 五 and 六.
import type { ParsedCell } from '../model/report';
import {
  SHAPE_2019,
  SHAPE_2021,
  T2_V2019,
  T2_V2021,
  T3_V2019,
  T3_V2021,
  T4_COLUMNS,
  T4_GROUPS,
  cellId,
  cellsOf,
} from '../template/catalog';
import { result, spanOf, type EvalContext, type Sentence } from './context';
import { findPeriod, formatPeriod } from './period';
import { flattenedTable, sectionKey, sectionOf, sentencesIn, spansWhere } from './structure-text';
import type { CheckResult } from './types';

type Cells = Record<string, ParsedCell>;

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const SECTION_NAMES = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
];
/** Key nouns of each heading, looser than the parser's: a fallback so that an unusual heading is not reported missing. */
const HEADING_KEYS = [/总体|概述|基本情况/, /主动公开/, /申请/, /复议|诉讼/, /问题|改进/, /其他/];

export function structureChecks(ctx: EvalContext): CheckResult[] {
  return [
    titleCheck(ctx),
    sectionsCheck(ctx),
    ...tableChecks(ctx),
    overviewCheck(ctx),
    problemsCheck(ctx),
    otherMattersCheck(ctx),
    peopleGovCheck(ctx),
    periodCheck(ctx),
  ];
}

// ---- STR-01 ----

const TITLE = /\d{4}年度?.{0,8}?信息公开.{0,8}?报告|信息公开.{0,8}?报告.{0,2}\(?\d{4}年度?/;
const UNIT = /[\u4e00-\u9fff]{2,}(人民政府|政府|办事处|街道|管委会|委员会|局|委|办|镇|乡|区|县|市|旗|中心|院|所|队|站|署|厅|部)(办公室)?$/;

/** A printed title line: "单位+年度+…信息公开…报告", the unit possibly on the line before (PDF cover pages). */
function titleSentence(ctx: EvalContext): { sentence: Sentence | null; named: boolean } | null {
  const head = ctx.sentences.filter((s) => s.section === null).slice(0, 20);
  for (let i = 0; i < head.length; i++) {
    const s = head[i]!;
    const key = s.key;
    const m = TITLE.exec(key);
    if (!m || key.length > 60) continue;
    const before = key.slice(0, m.index);
    const prev = head[i - 1]?.key ?? '';
    return { sentence: s, named: UNIT.test(before) || (prev.length <= 30 && UNIT.test(prev)) };
  }
  return null;
}

function titleCheck(ctx: EvalContext): CheckResult {
  const title = ctx.report.title?.replace(/\s/g, '') ?? null;
  const printed = titleSentence(ctx);
  const spans = printed?.sentence ? [spanOf(printed.sentence)] : [];
  if (title && TITLE.test(title) && UNIT.test(title.slice(0, TITLE.exec(title)!.index))) {
    return result('STR-01', 'pass', `标题：${title}`, { spans });
  }
  if (printed?.named) return result('STR-01', 'pass', `标题：${printed.sentence?.text ?? ''}`, { spans });
  if (title || printed) {
    return result('STR-01', 'warn', `标题未写明单位名称：${title ?? printed?.sentence?.text ?? ''}`, { spans, count: 1 });
  }
  return result('STR-01', 'warn', '未找到标题（应写明单位、年度和“政府信息公开工作年度报告”）', { count: 1 });
}

// ---- STR-02 ----

/** A heading the parser did not take (unusual wording): a short sentence starting with the numeral and a key noun. */
function looseHeading(ctx: EvalContext, no: number): Sentence | undefined {
  const numeral = NUMERALS[no - 1]!;
  const start = new RegExp(`^(第${numeral}部分|${numeral}[、.,，:：])`);
  return ctx.sentences.find((s) => {
    const key = s.key;
    return key.length <= 40 && start.test(key) && HEADING_KEYS[no - 1]!.test(key);
  });
}

function sectionsCheck(ctx: EvalContext): CheckResult {
  const year = ctx.report.year;
  // Before the 2019 条例 (第五十条) the annual report had no fixed six parts (domain.md §1.2).
  if (year !== null && year <= 2018) return result('STR-02', 'na', `${year}年度报告适用旧条例，无统一的六个部分`);
  const found = new Set(ctx.report.sections.map((s) => s.no));
  const missing: number[] = [];
  const loose: Sentence[] = [];
  for (let no = 1; no <= 6; no++) {
    if (found.has(no)) continue;
    const h = looseHeading(ctx, no);
    if (h) loose.push(h);
    else missing.push(no);
  }
  const headings = ctx.report.sections.map((s) => s.title).join('、');
  if (missing.length > 0) {
    const names = missing.map((no) => `${NUMERALS[no - 1]}、${SECTION_NAMES[no - 1]}`).join('；');
    return result('STR-02', 'fail', `缺少 ${missing.length} 个部分：${names}（找到的标题：${headings || '无'}）`, {
      spans: loose.map(spanOf),
      count: missing.length,
    });
  }
  if (loose.length > 0) {
    return result('STR-02', 'pass', `六个部分齐全（${loose.map((s) => s.text).join('、')} 的标题写法不规范）`, {
      spans: loose.map(spanOf),
    });
  }
  return result('STR-02', 'pass', '六个部分齐全且顺序正确');
}

// ---- STR-03…07 ----

const readable = (c: ParsedCell | undefined) => c !== undefined && (c.state === 'number' || c.state === 'blank' || c.state === 'dash');
const isMissing = (c: ParsedCell | undefined) => c === undefined || c.state === 'missing';
const isAmbiguous = (c: ParsedCell | undefined) => c?.state === 'ambiguous';

interface TableScope {
  name: string;
  prefix: string;
  ids: string[];
}

/** The cells each table should have: the template's, or for a hybrid the ones the parser placed. */
function expectedIds(ctx: EvalContext, prefix: string): string[] {
  const t = ctx.report.template;
  if (t === 'v2021' || t === 'v2019') {
    return cellsOf(t === 'v2019' ? SHAPE_2019 : SHAPE_2021)
      .map((c) => c.id)
      .filter((id) => id.startsWith(prefix));
  }
  return Object.keys(ctx.cells).filter((id) => id.startsWith(prefix));
}

function tableScopes(ctx: EvalContext): TableScope[] {
  return [
    { name: '表二（主动公开）', prefix: 't2/', ids: expectedIds(ctx, 't2/') },
    { name: '表三（依申请公开）', prefix: 't3/', ids: expectedIds(ctx, 't3/') },
    { name: '表四（复议诉讼）', prefix: 't4/', ids: expectedIds(ctx, 't4/') },
  ];
}

const tablePresent = (cells: Cells, scope: TableScope) => scope.ids.some((id) => readable(cells[id]) || isAmbiguous(cells[id]));

function tableChecks(ctx: EvalContext): CheckResult[] {
  const year = ctx.report.year;
  if (ctx.report.template === 'unknown') {
    if (year !== null && year <= 2018) {
      const why = `${year}年度报告早于统一格式（2019年起），不要求统计表`;
      return ['STR-03', 'STR-04', 'STR-05', 'STR-06', 'STR-07'].map((id) => result(id, 'na', why));
    }
    const rest = ['STR-04', 'STR-05', 'STR-06', 'STR-07'].map((id) => result(id, 'na', '未找到统计表，见STR-03'));
    return [result('STR-03', 'fail', '未找到表二、表三、表四的数据（表格可能缺失，或为图片、扫描件，需人工核对）', { count: 3 }), ...rest];
  }
  const scopes = tableScopes(ctx);
  return [
    tablesPresentCheck(ctx, scopes),
    t3RowsCheck(ctx, scopes[1]!),
    t3ColumnsCheck(ctx, scopes[1]!),
    t2Check(ctx, scopes[0]!),
    t4Check(ctx, scopes[2]!),
  ];
}

function tablesPresentCheck(ctx: EvalContext, scopes: TableScope[]): CheckResult {
  const absent = scopes.filter((s) => !s.ids.some((id) => readable(ctx.cells[id])));
  const unreadable = absent.filter((s) => tablePresent(ctx.cells, s));
  const missing = absent.filter((s) => !tablePresent(ctx.cells, s));
  if (missing.length > 0) {
    return result('STR-03', 'fail', `未找到${missing.map((s) => s.name).join('、')}的数据（可能缺表或为图片）`, {
      count: missing.length,
    });
  }
  if (unreadable.length > 0) {
    return result('STR-03', 'uncertain', `${unreadable.map((s) => s.name).join('、')}的数值无法确定读取，请核对原文`, {
      cells: unreadable.flatMap((s) => s.ids.filter((id) => isAmbiguous(ctx.cells[id]))).slice(0, 20),
    });
  }
  return result('STR-03', 'pass', '表二、表三、表四均有数据');
}

/** Table 三's rows for the report: the 2019 list when the parser placed the single (六)其他处理 row. */
function t3Rows(ctx: EvalContext) {
  if (ctx.report.template === 'v2019') return T3_V2019;
  if (ctx.report.template === 'hybrid' && ctx.cells[cellId('t3', 'other', 'total')]) return T3_V2019;
  return T3_V2021;
}

const t3RowIds = (rowId: string) =>
  ['natural', 'org_commercial', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total'].map((c) => cellId('t3', rowId, c));

function t3RowsCheck(ctx: EvalContext, scope: TableScope): CheckResult {
  if (!tablePresent(ctx.cells, scope)) return result('STR-04', 'na', '未找到表三，见STR-03');
  const rows = t3Rows(ctx);
  const missing = rows.filter((r) => t3RowIds(r.id).every((id) => isMissing(ctx.cells[id])));
  if (missing.length > 0) {
    return result('STR-04', 'fail', `表三缺少 ${missing.length} 行：${missing.map((r) => r.label).join('；')}`, {
      cells: missing.flatMap((r) => t3RowIds(r.id)),
      count: missing.length,
    });
  }
  const unclear = rows.filter((r) => t3RowIds(r.id).every((id) => isAmbiguous(ctx.cells[id])));
  if (unclear.length > 0) {
    return result('STR-04', 'uncertain', `表三有 ${unclear.length} 行数值无法确定：${unclear.map((r) => r.label).join('；')}`, {
      cells: unclear.flatMap((r) => t3RowIds(r.id)),
    });
  }
  return result('STR-04', 'pass', `表三 ${rows.length} 行齐全`);
}

function t3ColumnsCheck(ctx: EvalContext, scope: TableScope): CheckResult {
  if (!tablePresent(ctx.cells, scope)) return result('STR-05', 'na', '未找到表三，见STR-03');
  const rows = t3Rows(ctx).map((r) => ({ label: r.label, ids: t3RowIds(r.id) }));
  const present = rows.filter((r) => !r.ids.every((id) => isMissing(ctx.cells[id])));
  const short = present.filter((r) => r.ids.some((id) => isMissing(ctx.cells[id])));
  if (short.length > 0) {
    const cells = short.flatMap((r) => r.ids.filter((id) => isMissing(ctx.cells[id])));
    return result('STR-05', 'fail', `表三有 ${short.length} 行不足7列：${short.map((r) => r.label).join('；')}`, {
      cells,
      count: short.length,
    });
  }
  const unclear = present.filter((r) => r.ids.some((id) => isAmbiguous(ctx.cells[id])));
  if (unclear.length > 0) {
    const cells = unclear.flatMap((r) => r.ids.filter((id) => isAmbiguous(ctx.cells[id])));
    return result('STR-05', 'uncertain', `表三有 ${unclear.length} 行的数值无法确定分列：${unclear.map((r) => r.label).join('；')}`, {
      cells,
    });
  }
  return result('STR-05', 'pass', '表三每行7列齐全');
}

const T2_LABELS = new Map([...T2_V2021, ...T2_V2019].flatMap((b) => b.rows.map((r) => [r.id, r.label] as const)));

function t2Check(ctx: EvalContext, scope: TableScope): CheckResult {
  if (!tablePresent(ctx.cells, scope)) return result('STR-06', 'na', '未找到表二，见STR-03');
  const rowOf = (id: string) => id.split('/')[1] ?? id;
  const missing = scope.ids.filter((id) => isMissing(ctx.cells[id]));
  if (missing.length > 0) {
    const rows = [...new Set(missing.map(rowOf))];
    const names = rows.map((r) => T2_LABELS.get(r) ?? r).join('、');
    return result('STR-06', 'fail', `表二缺少 ${missing.length} 个单元格，涉及：${names}`, { cells: missing, count: rows.length });
  }
  const unclear = scope.ids.filter((id) => isAmbiguous(ctx.cells[id]));
  if (unclear.length > 0) {
    const names = [...new Set(unclear.map(rowOf))].map((r) => T2_LABELS.get(r) ?? r).join('、');
    return result('STR-06', 'uncertain', `表二有 ${unclear.length} 个数值无法确定：${names}`, { cells: unclear });
  }
  return result('STR-06', 'pass', `表二 ${scope.ids.length} 个单元格齐全`);
}

function t4Check(ctx: EvalContext, scope: TableScope): CheckResult {
  if (!tablePresent(ctx.cells, scope)) return result('STR-07', 'na', '未找到表四，见STR-03');
  const groups = T4_GROUPS.map((g) => ({ label: g.label, ids: T4_COLUMNS.map((c) => cellId('t4', g.id, c.id)) }));
  const short = groups.filter((g) => g.ids.some((id) => isMissing(ctx.cells[id])));
  if (short.length > 0) {
    const cells = short.flatMap((g) => g.ids.filter((id) => isMissing(ctx.cells[id])));
    return result('STR-07', 'fail', `表四缺少 ${cells.length} 个数值（应为15个），涉及：${short.map((g) => g.label).join('、')}`, {
      cells,
      count: short.length,
    });
  }
  const unclear = groups.flatMap((g) => g.ids.filter((id) => isAmbiguous(ctx.cells[id])));
  if (unclear.length > 0) return result('STR-07', 'uncertain', `表四有 ${unclear.length} 个数值无法确定`, { cells: unclear });
  return result('STR-07', 'pass', '表四15个数值齐全');
}

// ---- STR-08 ----

const ASPECTS: { name: string; re: RegExp }[] = [
  { name: '主动公开', re: /主动公开/ },
  { name: '依申请公开', re: /依申请|申请公开|公开申请|申请件|申请\d+件|收到.{0,10}申请/ },
  { name: '政府信息管理', re: /信息管理|保密审查|公开属性|源头认定|动态调整|动态更新|清理|审查|审核|台账|目录/ },
  { name: '政府信息公开平台建设', re: /平台|网站|公众号|新媒体|公开栏|专区|公报|客户端/ },
  { name: '监督保障', re: /监督|保障|考核|培训|评议|责任追究|督查|检查/ },
];

function overviewCheck(ctx: EvalContext): CheckResult {
  const year = ctx.report.year;
  // The five aspects are the 2021 format's guidance for 总体情况 (domain.md §2.1); earlier formats did not list them.
  if (year !== null && year < 2021) return result('STR-08', 'na', `${year}年度报告早于2021年格式，不要求按五个方面综述`);
  const key = sectionKey(ctx, 1);
  // A missing 总体情况 covers none of the five aspects: the content points go with it, not only the structure points.
  if (key === null) return result('STR-08', 'warn', '未找到第一部分“总体情况”，五个方面均未说明（另见STR-02）', { count: ASPECTS.length });
  const missing = ASPECTS.filter((a) => !a.re.test(key));
  if (missing.length === 0) return result('STR-08', 'pass', '总体情况涉及主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面');
  return result('STR-08', 'warn', `总体情况未涉及：${missing.map((a) => a.name).join('、')}`, {
    spans: sentencesIn(ctx, 1).slice(0, 1).map(spanOf),
    count: missing.length,
  });
}

// ---- STR-09 ----

const PROBLEMS = /问题|不足|短板|差距|薄弱|有待|仍需|尚需|不够|欠缺|不到位|不平衡|不充分|滞后|瓶颈|不高|不强/;
const MEASURES = /改进|措施|下一步|整改|加强|推进|完善|提升|强化|优化|进一步|计划|将/;

function problemsCheck(ctx: EvalContext): CheckResult {
  const key = sectionKey(ctx, 5);
  if (key === null) return result('STR-09', 'na', '未找到第五部分“存在的主要问题及改进情况”，见STR-02');
  const lacks = [PROBLEMS.test(key) ? null : '存在的问题', MEASURES.test(key) ? null : '改进措施'].filter((x): x is string => x !== null);
  const spans = sentencesIn(ctx, 5).slice(0, 2).map(spanOf);
  if (lacks.length > 0) return result('STR-09', 'fail', `第五部分未写明${lacks.join('和')}`, { spans, count: lacks.length });
  return result('STR-09', 'pass', '第五部分既有问题也有改进措施');
}

// ---- STR-10 ----

/** A fee statement; not the table labels 行政事业性收费, 收费金额 or 收费通知. */
const FEE = /处理费|收取.{0,8}费用|(?<!事业性)收费(?!通知|金额)/;
/** A sentence that reports the fee (not one that merely names a fee regulation). */
const FEE_STATEMENT = /(收取|收费|未收|无收|不收|共收)[^。；]{0,12}处理费|处理费[^。；]{0,10}(\d+(\.\d+)?(万)?元|收取情况)/;
const EMPTY_SIX = /^(无|没有|暂无|本年度无|无其他需要报告的事项)[。.]?$/;

function otherMattersCheck(ctx: EvalContext): CheckResult {
  const sec = sectionOf(ctx, 6);
  const key = sectionKey(ctx, 6);
  const year = ctx.report.year;
  if (!sec || key === null) {
    if (year === null || year <= 2020) return result('STR-10', 'na', '未找到第六部分“其他需要报告的事项”，见STR-02');
    const elsewhere = ctx.sentences.find((s) => FEE_STATEMENT.test(s.key) && !flattenedTable(s.norm));
    if (elsewhere) return result('STR-10', 'pass', '信息处理费收取情况写在正文其他部分', { spans: [spanOf(elsewhere)] });
    return result('STR-10', 'warn', '未找到第六部分“其他需要报告的事项”，未说明信息处理费（另见STR-02）', { count: 1 });
  }
  const spans = sentencesIn(ctx, 6).slice(0, 2).map(spanOf);
  if (year !== null && year >= 2021) {
    if (FEE.test(key))
      return result('STR-10', 'pass', '第六部分说明了信息处理费收取情况', { spans: spansWhere(sentencesIn(ctx, 6), FEE, 1) });
    const elsewhere = ctx.sentences.find((s) => FEE_STATEMENT.test(s.key) && !flattenedTable(s.norm));
    if (elsewhere) return result('STR-10', 'pass', '信息处理费收取情况写在第六部分以外', { spans: [spanOf(elsewhere)] });
    const what = key.length === 0 ? '第六部分为空' : `第六部分（“${sec.text.slice(0, 30)}”）`;
    return result('STR-10', 'warn', `${what}，未说明信息处理费收取情况（${year}年度起应说明）`, { spans, count: 1 });
  }
  if (key.length === 0) return result('STR-10', 'warn', '第六部分为空', { count: 1 });
  if (EMPTY_SIX.test(key))
    return result('STR-10', 'pass', `第六部分：“${sec.text.trim()}”（${year ?? '该'}年度尚不要求说明信息处理费）`, { spans });
  return result('STR-10', 'pass', '第六部分有内容', { spans });
}

// ---- STR-11 ----

const DUTIES: { name: string; re: RegExp }[] = [
  { name: '工作考核', re: /考核|考评/ },
  { name: '社会评议', re: /评议/ },
  { name: '责任追究', re: /责任追究|追责|问责/ },
];

function peopleGovCheck(ctx: EvalContext): CheckResult {
  const people = ctx.level === 'township' || ctx.level === 'county_gov';
  if (!people && ctx.level !== 'street') return result('STR-11', 'na', '非人民政府报告，不要求说明工作考核、社会评议和责任追究结果');
  const prose = ctx.sentences.filter((s) => !flattenedTable(s.norm));
  const key = prose.map((s) => s.key).join('');
  const missing = DUTIES.filter((d) => !d.re.test(key));
  if (missing.length === 0) {
    return result('STR-11', 'pass', '说明了工作考核、社会评议和责任追究情况', { spans: spansWhere(prose, /考核|评议|责任追究/, 3) });
  }
  const msg = `未说明${missing.map((d) => d.name).join('、')}结果情况（条例第五十条第四项）`;
  if (!people) return result('STR-11', 'info', `${msg}；街道办事处建议说明`, { count: missing.length });
  return result('STR-11', 'warn', msg, { spans: spansWhere(prose, /考核|评议|责任追究/, 3), count: missing.length });
}

// ---- STR-12 ----

function periodCheck(ctx: EvalContext): CheckResult {
  const p = findPeriod(ctx.sentences);
  if (p) return result('STR-12', 'pass', `统计期限：${formatPeriod(p)}`, { spans: [spanOf(p.sentence)] });
  return result('STR-12', 'info', '未找到统计期限的说明（如“本报告所列数据统计期限为X年1月1日至12月31日”）', { count: 1 });
}
