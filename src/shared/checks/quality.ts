// Content-quality checks (domain.md §6.6, QLT-01..09): copying, generic problems, last year's rectification, residue, substance.
import type { ReportModel } from '../model/report';
import { result, spanOf, type EvalContext, type Sentence } from './context';
import { compareSections, estimateContainment, fingerprint, type ReportPrint, type SectionMatch } from './similarity';
import { isTableLine } from './text-numbers';
import type { CheckResult, Span } from './types';
import { sameUnit } from './unit-names';

/** Checklist E1: ≥ 0.85 in 一 or 五 is copying (0 points), 0.6–0.85 partial copying. */
const COPY_FAIL = 0.85;
const COPY_WARN = 0.6;
/** A section with less text than this (cleaned characters) gives no reliable similarity. */
const MIN_COMPARED = 40;
/** Peers whose estimated containment is below this cannot reach the warning level; they are not compared exactly. */
const PREFILTER = 0.35;

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
const compact = (s: string) => s.replace(/\s/g, '');

/** The sentences of section `no` without its heading. */
function contentOf(ctx: EvalContext, no: number): Sentence[] {
  return ctx.sentences.filter((s) => s.section === no && !/^[一二三四五六]、/.test(compact(s.norm)) && !isTableLine(s.norm));
}

function hasSection(ctx: EvalContext, no: number): boolean {
  return ctx.report.sections.some((s) => s.no === no);
}

// ---------------------------------------------------------------------------------------------------------------
// QLT-01 / QLT-02: copying

interface CopyResult {
  /** max(一, 五); null when neither section has enough text. */
  measure: number | null;
  s1: SectionMatch | null;
  s5: SectionMatch | null;
  whole: SectionMatch;
}

function usable(m: SectionMatch): SectionMatch | null {
  return m.chars >= MIN_COMPARED ? m : null;
}

function copyBetween(a: ReportPrint, b: ReportPrint, withPairs: boolean): CopyResult {
  const s1 = usable(compareSections(a.sections.get(1), b.sections.get(1), withPairs));
  const s5 = usable(compareSections(a.sections.get(5), b.sections.get(5), withPairs));
  const whole = compareSections(a.whole, b.whole, false);
  const values = [s1?.similarity, s5?.similarity].filter((v): v is number => v !== undefined);
  return { measure: values.length ? Math.max(...values) : null, s1, s5, whole };
}

const pct = (v: number | undefined | null) => (v === undefined || v === null ? '—' : `${Math.round(v * 100)}%`);
const round2 = (v: number) => Math.round(v * 100) / 100;

function copySpans(r: CopyResult): Span[] {
  const pairs = [r.s5, r.s1].flatMap((m) => (m && m.similarity >= COPY_WARN ? m.pairs : []));
  const chosen = pairs.length > 0 ? pairs : [r.s5, r.s1].flatMap((m) => m?.pairs ?? []).slice(0, 5);
  return chosen.slice(0, 20).map((p) => p.a);
}

function copyStatus(measure: number): 'fail' | 'warn' | 'pass' {
  return measure >= COPY_FAIL ? 'fail' : measure >= COPY_WARN ? 'warn' : 'pass';
}

function copyMessage(r: CopyResult, other: string): string {
  const first = [r.s5, r.s1].flatMap((m) => m?.pairs ?? [])[0];
  const example = first ? `；例如“${first.a.text.slice(0, 40)}”与${other}“${first.b.text.slice(0, 40)}”` : '';
  return `与${other}相比：第一部分${pct(r.s1?.similarity)}、第五部分${pct(r.s5?.similarity)}、全文${pct(r.whole.similarity)}的文字相同${example}`;
}

function previousCopyCheck(ctx: EvalContext): CheckResult {
  const prev = ctx.input.previous;
  if (!prev) return result('QLT-01', 'na', '未提供上年报告，无法比较');
  const r = copyBetween(fingerprint(ctx.report, ctx.sentences), fingerprint(prev), true);
  if (r.measure === null) return result('QLT-01', 'na', '第一、五部分文字过少，无法比较');
  const status = copyStatus(r.measure);
  const other = `${prev.year ?? '上'}年报告`;
  const msg =
    status === 'pass'
      ? `与${other}无明显雷同（第一部分${pct(r.s1?.similarity)}、第五部分${pct(r.s5?.similarity)}）`
      : copyMessage(r, other);
  return result('QLT-01', status, msg, { spans: status === 'pass' ? [] : copySpans(r), measure: round2(r.measure) });
}

function samePeer(report: ReportModel, peer: ReportModel): boolean {
  if (peer === report) return true;
  return peer.file === report.file || (peer.year === report.year && sameUnit(peer.organ, report.organ));
}

/** How many candidate peers are compared exactly: the sketches rank them; a county rarely has more near-copies. */
const EXACT_CANDIDATES = 8;
/** A peer this similar is copying beyond doubt: no need to look for a closer one. */
const SURE_COPY = 0.95;

/** The peer whose sections 一/五 could reach the warning level, by the sketches; then the likeliest compared exactly. */
function bestPeer(ctx: EvalContext): { peer: ReportModel; r: CopyResult } | null {
  const own = fingerprint(ctx.report, ctx.sentences);
  const candidates: { peer: ReportModel; estimate: number }[] = [];
  for (const peer of ctx.input.peers ?? []) {
    if (samePeer(ctx.report, peer)) continue;
    const theirs = fingerprint(peer);
    let estimate = 0;
    for (const no of [1, 5]) {
      const a = own.sections.get(no);
      const b = theirs.sections.get(no);
      if (a && b) estimate = Math.max(estimate, estimateContainment(a, b));
    }
    if (estimate >= PREFILTER) candidates.push({ peer, estimate });
  }
  candidates.sort((x, y) => y.estimate - x.estimate);
  let best: { peer: ReportModel; r: CopyResult } | null = null;
  for (const { peer } of candidates.slice(0, EXACT_CANDIDATES)) {
    const r = copyBetween(own, fingerprint(peer), false);
    if (r.measure !== null && (!best || r.measure > (best.r.measure ?? 0))) best = { peer, r };
    if ((best?.r.measure ?? 0) >= SURE_COPY) break;
  }
  if (!best) return null;
  return { peer: best.peer, r: copyBetween(own, fingerprint(best.peer), true) };
}

function peerCopyCheck(ctx: EvalContext): CheckResult {
  const peers = (ctx.input.peers ?? []).filter((p) => !samePeer(ctx.report, p));
  if (peers.length === 0) return result('QLT-02', 'na', '未提供同年度其他单位报告，无法比较');
  const best = bestPeer(ctx);
  if (!best || best.r.measure === null) return result('QLT-02', 'pass', `与${peers.length}份同年度报告均无明显雷同`, { measure: 0 });
  const status = copyStatus(best.r.measure);
  const name = best.peer.organ ?? best.peer.file;
  if (status === 'pass') {
    return result('QLT-02', 'pass', `与${peers.length}份同年度报告无明显雷同（最相近：${name}，${pct(best.r.measure)}）`, {
      measure: round2(best.r.measure),
    });
  }
  return result('QLT-02', status, copyMessage(best.r, `${name}的报告`), { spans: copySpans(best.r), measure: round2(best.r.measure) });
}

// ---------------------------------------------------------------------------------------------------------------
// QLT-03 / QLT-05: the problems of section 五

const MEASURES_START =
  /^(\(二\)|二、)|改进(措施|情况|方向|举措)|整改措施|下一步|今后|(将|拟)(从|重点|着力|进一步|继续|持续|以|在|围绕|坚持|聚焦|加强|做好)|措施如下|计划/;
const PROBLEM_WORDS =
  /问题|不足|短板|差距|薄弱|有待|仍需|尚需|还需|亟需|不够|欠缺|缺乏|不到位|不平衡|不均衡|不充分|滞后|不高|不强|单一|不及时|不规范|不全面/;
/** Stock phrases of generic problem statements (domain.md QLT-03). */
const GENERIC =
  /有待(进一步)?(提高|提升|加强|完善|改进|拓展|规范|增强|深化|优化|调整)|不够(全面|及时|深入|丰富|规范|完善|到位|充分|精准|多样|细致|灵活|新颖|深|高|强|广)|(仍|还|尚|亟)需(进一步)?|思想认识|重视程度|(业务|专业)(水平|能力|素养)|培训(不足|不够|较少)|形式(较为|比较)?单一|内容(不够|较为|比较)?(全面|丰富|单一)|存在(一定)?差距|(仍|还)存在(一些)?不足|缺乏|欠缺|薄弱|滞后|不平衡|不均衡|人员(力量)?不足|力量薄弱|有待加强/;
/** Marks of a specific statement: a count, a named document or system, a percentage. */
function specific(key: string): boolean {
  const withoutYears = key.replace(/20\d\d年度?/g, '');
  return /\d/.test(withoutYears) || /《[^》]+》/.test(key) || /%/.test(key);
}

function isSubheading(key: string): boolean {
  return key.length <= 16 && /^(\(?[一二三四五六七八九十\d]{1,2}[)、.]|[一二三四五六七八九十]是)/.test(key);
}

interface ProblemsPart {
  problems: Sentence[];
  measures: Sentence[];
}

function splitProblems(ctx: EvalContext): ProblemsPart {
  const all = contentOf(ctx, 5);
  const at = all.findIndex((s, i) => i > 0 && MEASURES_START.test(compact(s.norm)));
  const problems = (at < 0 ? all : all.slice(0, at)).filter((s) => !isSubheading(compact(s.norm)) || PROBLEM_WORDS.test(compact(s.norm)));
  return { problems: problems.filter((s) => PROBLEM_WORDS.test(compact(s.norm))), measures: at < 0 ? [] : all.slice(at) };
}

function genericCheck(ctx: EvalContext): CheckResult {
  if (!hasSection(ctx, 5)) return missingFive(ctx, 'QLT-03', '未找到第五部分，没有查找问题（另见STR-02）');
  const { problems } = splitProblems(ctx);
  if (problems.length === 0) return result('QLT-03', 'pass', '第五部分未识别出问题表述，见STR-09');
  const generic = problems.filter((s) => GENERIC.test(compact(s.norm)) && !specific(compact(s.norm)));
  const concrete = problems.length - generic.length;
  const share = generic.length / problems.length;
  if (share >= 0.75 && concrete === 0) {
    return result('QLT-03', 'warn', `第五部分所列问题多为套话（${generic.length}/${problems.length}句无具体事项或数据），请判断是否具体`, {
      spans: generic.slice(0, 8).map(spanOf),
      measure: round2(share),
    });
  }
  return result('QLT-03', 'pass', `第五部分有具体问题表述（${concrete}/${problems.length}句）`, { measure: round2(share) });
}

const ENUM = /(?:^|[^第])([一二三四五六七八九十])是|\(([一二三四五六七八九十])\)|^(\d{1,2})[.、]/g;

function enumerated(sentences: Sentence[]): number {
  let n = 0;
  for (const s of sentences) n += [...compact(s.norm).matchAll(ENUM)].length;
  return n;
}

function pairingCheck(ctx: EvalContext): CheckResult {
  if (!hasSection(ctx, 5)) return result('QLT-05', 'na', '未找到第五部分');
  const { problems, measures } = splitProblems(ctx);
  const p = Math.max(enumerated(problems), problems.length > 0 ? 1 : 0);
  const m = Math.max(enumerated(measures), measures.length > 0 ? 1 : 0);
  const note = p > m ? '，措施少于问题，请核对是否每个问题都有对应措施' : '';
  return result('QLT-05', 'info', `第五部分列出问题约${p}条、改进措施约${m}条${note}`, { spans: measures.slice(0, 3).map(spanOf) });
}

// ---------------------------------------------------------------------------------------------------------------
// QLT-04: rectification of last year's problems

/**
 * Section 五 absent: what it should hold is absent too, so its content items lose their points (a warning, not 'na').
 * Reports before the 2019 条例 had no fixed sections.
 */
function missingFive(ctx: EvalContext, id: 'QLT-03' | 'QLT-04', message: string): CheckResult {
  const year = ctx.report.year;
  if (year !== null && year <= 2018) return result(id, 'na', `${year}年度报告适用旧条例，无统一的第五部分`);
  return result(id, 'warn', message, { count: 1 });
}

function rectificationPatterns(year: number | null): RegExp[] {
  const last = year ? `|${year - 1}年度?` : '';
  const when = `(上年度|上一年度|上年|去年|前一年${last})`;
  return [
    new RegExp(`${when}[^。]{0,40}(问题|不足|短板)[^。]{0,30}(整改|落实|改进|解决|完成)`),
    new RegExp(`${when}[^。]{0,30}(整改情况|改进情况|整改落实|已整改|整改到位|落实情况)`),
    new RegExp(`(针对|对照|关于)${when}`),
    year ? new RegExp(`${year - 1}年度?(政府信息公开工作)?(年度)?报告[^。]{0,30}(问题|整改)`) : /(?!)/,
  ];
}

function rectificationCheck(ctx: EvalContext): CheckResult {
  if (!hasSection(ctx, 5)) return missingFive(ctx, 'QLT-04', '未找到第五部分，未报告上年度问题的整改情况（另见STR-02）');
  const patterns = rectificationPatterns(ctx.report.year);
  const hits = contentOf(ctx, 5).filter((s) => patterns.some((re) => re.test(compact(s.norm))));
  if (hits.length > 0) return result('QLT-04', 'pass', '第五部分报告了上年度问题的整改情况', { spans: hits.slice(0, 3).map(spanOf) });
  return result('QLT-04', 'warn', '第五部分未报告上年度所列问题的整改情况', { count: 1 });
}

// ---------------------------------------------------------------------------------------------------------------
// QLT-06: template residue and placeholders

const RESIDUE: { re: RegExp; what: string }[] = [
  { re: /(?<![A-Za-z])(XX+|xx+|××+)(?![A-Za-z])/, what: '占位符XX' },
  { re: /(?<![A-Za-z0-9])[X×](?=[年月日号镇乡县区市局])/, what: '占位符X' },
  { re: /(?<!\d)(20[\dX×]?[X×]|202[X×])(?=年|$|[^\dA-Za-z])/, what: '年份占位符' },
  { re: /某某(镇|乡|县|区|市|局|单位|街道|部门|村|社区)/, what: '占位符“某某”' },
  { re: /(?<![一二三四五六七八九十〇○零])[○〇]{2,}(?=[镇乡县区市局年月日单位])/, what: '占位符○○' },
  { re: /[([【<](单位名称|机关名称|部门名称|单位全称|填写[^)\]】>]{0,10}|示例|样例|范例|此处[^)\]】>]{0,10})[)\]】>]/, what: '模板提示' },
  { re: /填报说明|填写说明|此处(填写|输入|插入|填入|录入|为|请)|请(在此|在这里|填写|输入)|(?<!有)待(填写|补充)|TODO/, what: '模板提示' },
  { re: /^示例[:：]/, what: '示例文字' },
];

function residueCheck(ctx: EvalContext): CheckResult {
  const hits: { s: Sentence; what: string; word: string }[] = [];
  for (const s of ctx.sentences) {
    const key = compact(s.norm);
    for (const r of RESIDUE) {
      const m = r.re.exec(key);
      if (m) {
        hits.push({ s, what: r.what, word: m[0] });
        break;
      }
    }
  }
  if (hits.length === 0) return result('QLT-06', 'pass', '未发现模板残留或占位符');
  const words = [...new Set(hits.map((h) => `“${h.word}”`))].slice(0, 5).join('、');
  return result('QLT-06', 'fail', `发现模板残留或占位符${words}（${hits.length}处）`, {
    spans: hits.slice(0, 10).map((h) => spanOf(h.s)),
    count: hits.length,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// QLT-07: 泛化 — evidence for the inspector

const ASPECTS: [string, RegExp][] = [
  ['主动公开', /主动公开/],
  ['依申请公开', /依申请|申请公开|公开申请/],
  ['政府信息管理', /信息管理|保密审查|公开属性|清理|审核|目录/],
  ['平台建设', /平台|网站|公众号|新媒体|公开栏|专栏/],
  ['监督保障', /监督|保障|考核|培训|评议|责任追究/],
];
const OTHER_WORK = /便民服务|为民服务|办件|党建|党风廉政|招商|经济(社会)?发展|GDP|项目建设|脱贫|扶贫|疫情防控|安全生产|信访|综治|人居环境/;

function overviewCheck(ctx: EvalContext): CheckResult {
  if (!hasSection(ctx, 1)) return result('QLT-07', 'na', '未找到第一部分');
  const content = contentOf(ctx, 1);
  const text = content.map((s) => compact(s.norm)).join('');
  const covered = ASPECTS.filter(([, re]) => re.test(text)).map(([name]) => name);
  const off = content.filter((s) => OTHER_WORK.test(compact(s.norm)) && !/公开/.test(compact(s.norm)));
  const offNote = off.length ? `；${off.length}句主要写其他业务（如“${off[0]?.text.slice(0, 30)}”）` : '';
  const spans = (off.length ? off : content).slice(0, 8).map(spanOf);
  return result(
    'QLT-07',
    'manual',
    `总体情况约${text.length}字，涉及${covered.join('、') || '（未识别）'}${offNote}；请判断内容是否聚焦政府信息公开、是否泛化`,
    { spans },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// QLT-08: minimum substance

const MIN_LENGTH: [number, number][] = [
  [1, 300],
  [5, 150],
];
const EMPTY_SIX = /^(本年度|本年|今年)?(无|没有|暂无)(其他需要报告的事项|其他需报告的事项|其他事项)?[。.]?$/;

function substanceCheck(ctx: EvalContext): CheckResult {
  const short: string[] = [];
  const spans: Span[] = [];
  const year = ctx.report.year;
  const sectioned = year === null || year > 2018;
  for (const [no, min] of MIN_LENGTH) {
    if (!hasSection(ctx, no)) {
      if (sectioned) short.push(`缺少第${NUMERALS[no - 1]}部分`);
      continue;
    }
    const content = contentOf(ctx, no);
    const length = content.map((s) => compact(s.text)).join('').length;
    if (length < min) {
      short.push(`第${NUMERALS[no - 1]}部分仅${length}字（建议不少于${min}字）`);
      spans.push(...content.slice(0, 2).map(spanOf));
    }
  }
  if (hasSection(ctx, 6)) {
    const six = contentOf(ctx, 6);
    const text = six.map((s) => compact(s.norm)).join('');
    if (text.length === 0 || EMPTY_SIX.test(text)) {
      short.push(text.length === 0 ? '第六部分为空' : `第六部分只写“${six.map((s) => s.text.trim()).join('')}”`);
      spans.push(...six.slice(0, 1).map(spanOf));
    }
  }
  if (short.length === 0) return result('QLT-08', 'pass', '第一、五、六部分有基本篇幅');
  return result('QLT-08', 'warn', short.join('；'), { spans, count: short.length });
}

// ---------------------------------------------------------------------------------------------------------------
// QLT-09: characters visibly lost in the published text

const DEFECTS: { re: RegExp; what: string }[] = [
  { re: /\[(19|20)\d{2}(?![\]\d])\d{1,4}号/, what: '文号缺“〕”' },
  { re: /(?<![\d.])20\d{2}(1[0-2]|[1-9])([12]\d|3[01]|[1-9])日/, what: '日期缺“年”“月”' },
  { re: /(?<![\d年月.])(1[0-2])(3[01]|[12]\d)日/, what: '日期缺“月”' },
  {
    re: /(?<=[\u4e00-\u9fff])20\d{2}(?=[\u4e00-\u9fff])(?![年度届版号级期至到和与起万亿元件条个次人项篇家名户份余多])/,
    what: '年份后缺字',
  },
  { re: /^\)[\u4e00-\u9fff]/, what: '序号缺字' },
];

function typoCheck(ctx: EvalContext): CheckResult {
  const hits: { s: Sentence; what: string }[] = [];
  for (const s of ctx.sentences) {
    if (isTableLine(s.norm)) continue;
    const key = compact(s.norm);
    const d = DEFECTS.find((x) => x.re.test(key));
    if (d) hits.push({ s, what: d.what });
  }
  if (hits.length === 0) return result('QLT-09', 'pass', '未发现明显缺字');
  const kinds = [...new Set(hits.map((h) => h.what))].join('、');
  return result('QLT-09', 'info', `正文有${hits.length}处疑似缺字（${kinds}），请对照原文判断是原文错误还是提取造成`, {
    spans: hits.slice(0, 10).map((h) => spanOf(h.s)),
    count: hits.length,
  });
}

// ---------------------------------------------------------------------------------------------------------------

export function qualityChecks(ctx: EvalContext): CheckResult[] {
  return [
    previousCopyCheck(ctx),
    peerCopyCheck(ctx),
    genericCheck(ctx),
    rectificationCheck(ctx),
    pairingCheck(ctx),
    residueCheck(ctx),
    overviewCheck(ctx),
    substanceCheck(ctx),
    typoCheck(ctx),
  ];
}
