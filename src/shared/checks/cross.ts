// Cross checks (domain.md §6.4, XCK-01..10): counts stated in the prose against tables 三/四/二, and this year's tables against last year's.
import type { ParsedCell } from '../model/report';
import { T3_COLUMNS } from '../template/catalog';
import { num, result, spanOf, type EvalContext, type Sentence } from './context';
import { isTableLine, statedCounts, withoutTableLabels, type StatedNumber } from './text-numbers';
import type { CheckResult, Span } from './types';
import { normalizeUnitName } from './unit-names';

type Cells = Record<string, ParsedCell>;

// ---------------------------------------------------------------------------------------------------------------
// Prose sentences with their topic

type Topic = 'apply' | 'review' | null;

export interface ProseSentence {
  s: Sentence;
  /** Normalised, without spaces. */
  key: string;
  /** The key with the labels of tables 三/四 taken out (a table flattened into the line is not a statement). */
  words: string;
  /** What the enclosing sub-heading (or section 三/四) is about: applications, review/litigation, or unknown. */
  topic: Topic;
}

const ENUMERATED = /^\(?[一二三四五六七八九十\d]{1,2}[)、.]|^[一二三四五六七八九十]是/;

function topicOf(key: string, section: number | null): Topic {
  if (/申请/.test(key)) return 'apply';
  if (/复议|诉讼/.test(key)) return 'review';
  if (section === 3) return 'apply';
  if (section === 4) return 'review';
  return null;
}

/** The prose (table rows left out), each sentence with the topic of its sub-heading: "(二)依申请公开方面" makes 申请 mean 政府信息公开申请. */
export function proseSentences(ctx: EvalContext): ProseSentence[] {
  const out: ProseSentence[] = [];
  let section: number | null | undefined;
  let para = -1;
  let topic: Topic = null;
  /** The last sentence read was pushed (not a table line): only then may the next one continue it. */
  let lastPushed = false;
  /** The last sentence pushed opened its paragraph (or line): a short one may be a heading. */
  let lastOpens = false;
  for (const s of ctx.sentences) {
    const key = s.norm.replace(/ /g, '');
    const first = s.para !== para;
    para = s.para;
    if (s.section !== section) {
      section = s.section;
      topic = topicOf('', section);
    }
    if (isTableLine(s.norm)) {
      lastPushed = false;
      continue;
    }
    const prev = out[out.length - 1];
    if (lastPushed && prev && continues(prev, lastOpens, s, key)) {
      out[out.length - 1] = joined(prev, s);
      continue;
    }
    if (/^[一二三四五六]、/.test(key) || ((first || key.length <= 20) && ENUMERATED.test(key))) topic = topicOf(key, s.section);
    out.push({ s, key, words: withoutTableLabels(key), topic });
    lastPushed = true;
    lastOpens = first;
  }
  return out;
}

const CLOSED = /[。；;！？!?:：]$/;

/**
 * Whether a sentence is the rest of the one before, cut by a line or page break: text dumps of PDFs break every line
 * ("…需求。全年办理政" | "府信息公开申请 334 件。"), and PDF paragraphs are split before a last line ("…办结69件，1件" |
 * "结转下年度继续办理。": read apart, "1件" would count as 办结). A short line of its own may be a heading and an
 * enumerated start begins a new item: neither is a continuation.
 */
function continues(prev: ProseSentence, prevOpens: boolean, s: Sentence, key: string): boolean {
  if (CLOSED.test(prev.key) || (prevOpens && prev.key.length <= 20) || prev.s.section !== s.section) return false;
  return !/^[一二三四五六]、/.test(key) && !ENUMERATED.test(key);
}

/** The two parts read as one sentence, quoted as printed without the break (anchored where it starts). */
function joined(prev: ProseSentence, s: Sentence): ProseSentence {
  const norm = prev.s.norm + s.norm;
  const key = norm.replace(/ /g, '');
  return { ...prev, s: { ...prev.s, text: prev.s.text + s.text, norm, key }, key, words: withoutTableLabels(key) };
}

interface Clause {
  text: string;
  /** Offset in the sentence key. */
  start: number;
}

/** Clauses of a sentence: split at commas, semicolons, enumeration commas, colons and brackets. */
function clausesOf(key: string): Clause[] {
  return [...key.matchAll(/[^,;、:()。!?|]+/g)].map((m) => ({ text: m[0], start: m.index }));
}

/** The year a statement is about: the last "20xx年" before `at`, when any. */
function yearBefore(key: string, at: number): number | null {
  let year: number | null = null;
  for (const m of key.slice(0, at).matchAll(/(?<!\d)(20\d\d)年(?!\d{1,2}月\d{1,2}日)/g)) year = Number(m[1]);
  return year;
}

function otherYear(ctx: EvalContext, key: string, at: number, allowNext = false): boolean {
  const y = yearBefore(key, at);
  const own = ctx.report.year;
  if (y === null || own === null) return false;
  return y !== own && !(allowNext && y === own + 1);
}

const ORG_WORD = /(局|委员会|委|办公室|中心|院|队|所|站|街道办事处|分局|公司|集团|大队|支队)/;

/**
 * Whether the sentence's subject is another body (a department within a county report, "区公安局共受理申请5件"): its
 * counts are parts, not the report's totals. Subjects like 全区/我局/本机关/各单位, or the unit's own name, are the unit.
 */
function foreignSubject(ctx: EvalContext, key: string, at: number): boolean {
  const subject = key.slice(0, at).split(/[,;:]/)[0] ?? '';
  const m = ORG_WORD.exec(subject);
  if (!m) return false;
  if (/全|我|本|各|共|累计|合计|总/.test(subject.slice(0, m.index + m[0].length))) return false;
  const own = normalizeUnitName(ctx.report.organ);
  const word = subject.slice(Math.max(0, m.index - 6), m.index + m[0].length);
  return !(own && (own.includes(word) || word.includes(own)));
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-01: application counts stated in the prose

type AppKind = 'new' | 'done' | 'either' | 'carried_in' | 'carried_out';

interface AppStatement {
  ps: ProseSentence;
  kind: AppKind;
  verb: string;
  n: StatedNumber;
}

const EXPLICIT_APP = /政府信息公开申请|信息公开申请|依申请公开|申请公开|公开申请/;
/** Requests of other kinds, and review/litigation (XCK-03's business): a clause about them says nothing about table 三. */
const OTHER_REQUESTS =
  /行政许可|审批|政务服务|便民|办件|信访|投诉|举报|咨询|诉求|热线|12345|来电|来信|留言|建议|提案|复议|诉讼|补贴|救助|低保|许可证|登记证|户籍/;
const CARRIED_IN = /上一?年度?(结转|转来|遗留|未办结)|结转自上年|往年结转/;
const CARRIED_OUT = /(结转|顺延|转入|延期|转至|留待)[^,;。]{0,6}(下|次|明|20\d\d)|继续办理/;
const VERBS: { re: RegExp; kind: AppKind }[] = [
  { re: /办结|办理完毕|处理完毕|完成办理|已办理|答复|回复|作出决定|予以回应/g, kind: 'done' },
  { re: /收到|新收|受理|接收|接到|收悉|登记|提出|提交/g, kind: 'new' },
  { re: /处理|办理/g, kind: 'either' },
];
/** Words before a number that make it a part, a share or a change, not the total. */
const PART_BEFORE = /其中|涉及|包括|分别|占|同比|较上年|比上年|较去年|比去年|环比|(增加|减少|增长|下降|上升|多|少)了?$/;
/** A clause opening a breakdown of the total. */
const PART_START = /^(其中|涉及|包括|分别|含(?!上一?年))/;
/** Applicant types and result types: counts of them are parts of the total. */
const BREAKDOWN = /自然人|法人|企业|组织|机构|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理/;
const APP_UNITS = new Set(['件', '宗', '份', '件次']);

interface VerbHit {
  kind: AppKind;
  word: string;
  index: number;
}

function verbsIn(text: string): VerbHit[] {
  const hits: VerbHit[] = [];
  for (const v of VERBS) for (const m of text.matchAll(v.re)) hits.push({ kind: v.kind, word: m[0], index: m.index });
  // Longest word wins where two start at the same place ("办理完毕" over "办理"); the rest by position.
  hits.sort((a, b) => a.index - b.index || b.word.length - a.word.length);
  return hits.filter((h, i) => !hits.slice(0, i).some((o) => o.index <= h.index && h.index < o.index + o.word.length));
}

/** The verb that governs a number: the last one before it in the clause, else the first after it. */
function governingVerb(clause: string, at: number): VerbHit | undefined {
  const hits = verbsIn(clause);
  const before = hits.filter((h) => h.index < at);
  return before[before.length - 1] ?? hits.find((h) => h.index > at);
}

function kindOf(clause: string, at: number, inherited: VerbHit | undefined): { kind: AppKind; verb: string } | undefined {
  if (CARRIED_IN.test(clause)) return { kind: 'carried_in', verb: '上年结转' };
  if (CARRIED_OUT.test(clause)) return { kind: 'carried_out', verb: '结转下年度' };
  const v = governingVerb(clause, at) ?? inherited;
  return v ? { kind: v.kind, verb: v.word } : undefined;
}

/** Application counts stated in one sentence ("收到申请154件，共办结148件，结转至2026年6件"). */
function appStatementsIn(ctx: EvalContext, ps: ProseSentence): AppStatement[] {
  const explicit = EXPLICIT_APP.test(ps.words);
  if (!explicit && !(ps.topic === 'apply' && /申请(?!人)/.test(ps.words))) return [];
  const out: AppStatement[] = [];
  let seen = false;
  let inPart = false;
  let lastVerb: VerbHit | undefined;
  for (const c of clausesOf(ps.words)) {
    const mentions = /申请(?!人)/.test(c.text);
    const verbs = verbsIn(c.text);
    // "涉及自然人72件、商业企业3件", "其中：予以公开42件": a breakdown runs until the next clause with a verb of its own.
    if (PART_START.test(c.text)) inPart = true;
    else if (verbs.length > 0) inPart = false;
    if (inPart || BREAKDOWN.test(c.text) || OTHER_REQUESTS.test(c.text)) continue;
    for (const n of statedCounts(c.text)) {
      if (!APP_UNITS.has(n.unit) || n.approx) continue;
      const prefix = c.text.slice(0, n.index);
      if (PART_BEFORE.test(prefix)) continue;
      const kind = kindOf(c.text, n.index, lastVerb);
      if (!kind || !(mentions || seen)) continue;
      const at = c.start + n.index;
      if (otherYear(ctx, ps.words, at, kind.kind === 'carried_out') || foreignSubject(ctx, ps.words, at)) continue;
      out.push({ ps, kind: kind.kind, verb: kind.verb, n });
    }
    if (mentions) seen = true;
    lastVerb = verbs[verbs.length - 1] ?? lastVerb;
  }
  return out;
}

export function applicationStatements(ctx: EvalContext, prose = proseSentences(ctx)): AppStatement[] {
  return prose.flatMap((ps) => appStatementsIn(ctx, ps));
}

interface Candidate {
  label: string;
  value: number | undefined;
  cells: string[];
}

function t3Total(cells: Cells, row: string): Candidate {
  const id = `t3/${row}/total`;
  return { label: T3_LABEL[row] ?? row, value: num(cells, id), cells: [id] };
}

const T3_LABEL: Record<string, string> = {
  new: '本年新收申请',
  carried_in: '上年结转申请',
  total: '办理结果总计',
  carried_out: '结转下年度继续办理',
};

function newPlusCarried(cells: Cells): Candidate {
  const a = t3Total(cells, 'new');
  const b = t3Total(cells, 'carried_in');
  const value = a.value === undefined || b.value === undefined ? undefined : a.value + b.value;
  return { label: '本年新收与上年结转之和', value, cells: [...a.cells, ...b.cells] };
}

/** The table values a statement may plausibly mean, by its verb. */
function candidatesFor(kind: AppKind, cells: Cells): Candidate[] {
  switch (kind) {
    case 'new':
      return [t3Total(cells, 'new'), newPlusCarried(cells)];
    case 'done':
      return [t3Total(cells, 'total')];
    case 'either':
      return [t3Total(cells, 'new'), t3Total(cells, 'total'), newPlusCarried(cells)];
    case 'carried_in':
      return [t3Total(cells, 'carried_in')];
    case 'carried_out':
      return [t3Total(cells, 'carried_out')];
  }
}

type Verdict = 'match' | 'mismatch' | 'uncertain';

function judge(value: number, candidates: Candidate[]): Verdict {
  if (candidates.some((c) => c.value === value)) return 'match';
  return candidates.some((c) => c.value === undefined) ? 'uncertain' : 'mismatch';
}

function describe(candidates: Candidate[]): string {
  const seen = new Set<string>();
  return candidates
    .filter((c) => c.value !== undefined && !c.label.includes('之和'))
    .filter((c) => !seen.has(c.label) && seen.add(c.label))
    .map((c) => `${c.label}为${c.value}件`)
    .join('、');
}

interface Judged {
  verdict: Verdict;
  message: string;
  cells: string[];
  span: Span;
}

function summarize(id: string, judged: Judged[], none: string, ok: string, status: 'fail' | 'warn' = 'fail'): CheckResult {
  const bad = judged.filter((j) => j.verdict === 'mismatch');
  const unsure = judged.filter((j) => j.verdict === 'uncertain');
  const cellsOf = (list: Judged[]) => [...new Set(list.flatMap((j) => j.cells))];
  const spansOf = (list: Judged[]) => list.map((j) => j.span).filter((s, i, all) => all.findIndex((o) => o.text === s.text) === i);
  if (bad.length > 0) {
    return result(id, status, bad.map((j) => j.message).join('；'), { cells: cellsOf(bad), spans: spansOf(bad), count: bad.length });
  }
  if (unsure.length > 0) {
    return result(id, 'uncertain', `${unsure.map((j) => j.message).join('；')}（相关单元格无法确定，未判断）`, {
      cells: cellsOf(unsure),
      spans: spansOf(unsure),
    });
  }
  if (judged.length === 0) return result(id, 'pass', none);
  return result(id, 'pass', ok, { cells: cellsOf(judged), spans: spansOf(judged) });
}

function noTables(ctx: EvalContext): boolean {
  return !ctx.hasTables || !ctx.cells['t3/new/total'];
}

function statedApplicationsCheck(ctx: EvalContext, statements: AppStatement[]): CheckResult {
  if (noTables(ctx)) return result('XCK-01', 'na', '未找到表三，无法对照正文申请件数');
  const judged = statements.map((st): Judged => {
    const candidates = candidatesFor(st.kind, ctx.cells);
    const verdict = judge(st.n.value, candidates);
    return {
      verdict,
      message: `正文称${st.verb}申请${st.n.value}件，表三${describe(candidates) || '相关单元格无法确定'}`,
      cells: candidates.flatMap((c) => c.cells),
      span: spanOf(st.ps.s),
    };
  });
  return summarize('XCK-01', judged, '正文未陈述申请件数，无可对照', `正文所述申请件数与表三一致（${judged.length}处）`);
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-02: "no applications" in the prose

const NONE_CLAIMS = [
  /(未|没有|无)(收到|受理|接到|接收|收悉|发生|产生|出现)过?(任何|相关)?[^,;。]{0,12}?申请(?!人)/,
  /(?<!正当理由[^,;。]{0,10})无(依申请公开|政府信息公开申请|信息公开申请|申请公开(事项|情况)?)/,
  /零申请|申请(数量|数|量|件数)?(为|是)(零|0)(?!\.)/,
];

function noneClaims(ctx: EvalContext, prose: ProseSentence[]): ProseSentence[] {
  return prose.filter((ps) => {
    const m = NONE_CLAIMS.map((re) => re.exec(ps.words)).find((x) => x !== null);
    if (!m) return false;
    const clause = clausesOf(ps.words).find((c) => c.start <= m.index && m.index < c.start + c.text.length);
    if (clause && OTHER_REQUESTS.test(clause.text.replace(/信息公开/g, ''))) return false;
    return !otherYear(ctx, ps.words, m.index) && !foreignSubject(ctx, ps.words, m.index);
  });
}

function noApplicationsCheck(ctx: EvalContext, prose: ProseSentence[]): CheckResult {
  if (noTables(ctx)) return result('XCK-02', 'na', '未找到表三');
  const claims = noneClaims(ctx, prose);
  if (claims.length === 0) return result('XCK-02', 'pass', '正文未称本年无申请');
  const spans = claims.slice(0, 3).map((ps) => spanOf(ps.s));
  const cells = ['t3/new/total'];
  const newTotal = num(ctx.cells, 't3/new/total');
  if (newTotal === undefined) return result('XCK-02', 'uncertain', '正文称无申请，表三本年新收申请总计无法确定', { cells, spans });
  if (newTotal > 0) return result('XCK-02', 'fail', `正文称无申请，表三本年新收申请为${newTotal}件`, { cells, spans, count: 1 });
  return result('XCK-02', 'pass', '正文称无申请，与表三本年新收为0一致', { cells, spans });
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-03: review and litigation counts in the prose

type CaseKind = 'review' | 'litigation' | 'both';

interface CaseStatement {
  ps: ProseSentence;
  kind: CaseKind;
  value: number;
  /** "行政复议和行政诉讼各1件". */
  each: boolean;
}

const NEGATED_CASES = /(未|没有|(?<![a-z])无(?!法|正当|需)|不存在|零)[^,;。]{0,24}?(复议|诉讼)[^,;。]*/g;
const CASE_PART = /其中|结果|维持|纠正|尚未|审结|胜诉|败诉|占|同比|较上年|比上年/;

function caseKind(text: string): CaseKind | null {
  const review = /复议/.test(text);
  const lit = /诉讼|起诉/.test(text);
  if (review && lit) return 'both';
  return review ? 'review' : lit ? 'litigation' : null;
}

function aboutDisclosure(ps: ProseSentence): boolean {
  return /信息公开|依申请|公开申请/.test(ps.words) || ps.topic !== null || ps.s.section === 4;
}

function caseStatementsIn(ctx: EvalContext, ps: ProseSentence): CaseStatement[] {
  if (!/复议|诉讼/.test(ps.words) || !aboutDisclosure(ps)) return [];
  const out: CaseStatement[] = [];
  for (const m of ps.words.matchAll(NEGATED_CASES)) {
    const kind = caseKind(m[0]);
    if (kind && !otherYear(ctx, ps.words, m.index) && !foreignSubject(ctx, ps.words, m.index)) out.push({ ps, kind, value: 0, each: true });
  }
  if (out.length > 0) return out;
  for (const c of clausesOf(ps.words)) {
    const kind = caseKind(c.text);
    if (!kind) continue;
    const keyAt = c.text.search(/复议|诉讼/);
    const n = statedCounts(c.text).find((x) => x.index > keyAt && ['件', '起', '宗', '例'].includes(x.unit) && !x.approx);
    if (!n || CASE_PART.test(c.text.slice(0, n.index))) continue;
    const at = c.start + n.index;
    if (otherYear(ctx, ps.words, at) || foreignSubject(ctx, ps.words, at)) continue;
    out.push({ ps, kind, value: n.value, each: /各/.test(c.text.slice(0, n.index)) });
  }
  return out;
}

function t4(cells: Cells, group: string): Candidate {
  const id = `t4/${group}/total`;
  return { label: group, value: num(cells, id), cells: [id] };
}

function sumOf(label: string, parts: Candidate[]): Candidate {
  const value = parts.some((p) => p.value === undefined) ? undefined : parts.reduce((a, p) => a + (p.value ?? 0), 0);
  return { label, value, cells: parts.flatMap((p) => p.cells) };
}

function caseCandidates(kind: CaseKind, each: boolean, cells: Cells): Candidate[][] {
  const review = { ...t4(cells, 'review'), label: '行政复议总计' };
  const direct = t4(cells, 'lit_direct');
  const lit = sumOf('行政诉讼总计', [direct, t4(cells, 'lit_after_review')]);
  if (kind === 'review') return [[review]];
  if (kind === 'litigation') return [[lit, { ...direct, label: '未经复议直接起诉总计' }]];
  if (each) return [[review], [lit]];
  return [[sumOf('行政复议与行政诉讼合计', [review, lit])]];
}

const CASE_WORD: Record<CaseKind, string> = { review: '行政复议', litigation: '行政诉讼', both: '行政复议、行政诉讼' };

function casesCheck(ctx: EvalContext, prose: ProseSentence[]): CheckResult {
  if (!ctx.hasTables || !ctx.cells['t4/review/total']) return result('XCK-03', 'na', '未找到表四');
  const judged: Judged[] = [];
  for (const st of prose.flatMap((ps) => caseStatementsIn(ctx, ps))) {
    for (const candidates of caseCandidates(st.kind, st.each, ctx.cells)) {
      const verdict = judge(st.value, candidates);
      const said = st.value === 0 && st.each ? `无${CASE_WORD[st.kind]}` : `${CASE_WORD[st.kind]}${st.each ? '各' : ''}${st.value}件`;
      const table = candidates[0];
      judged.push({
        verdict,
        message: `正文称${said}，表四${table?.label ?? ''}为${table?.value ?? '无法确定'}件`,
        cells: candidates.flatMap((c) => c.cells),
        span: spanOf(st.ps.s),
      });
    }
  }
  return summarize('XCK-03', judged, '正文未陈述行政复议、行政诉讼件数', '正文所述行政复议、行政诉讼件数与表四一致');
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-04: prose implies applications were handled while table 三 is all zero

const ACTIVITY = [
  /高频申请|申请(较为|比较)?(集中|量大|较多)|申请(数量|量)(较多|增加|增长|上升)/,
  /(申请|依申请公开)[^,;。]{0,8}(均已|已全部|全部|均)(按时|按期|及时|依法)?(予以)?(答复|办结)/,
  /已(全部|按时|按期|依法)?(办结|答复)[^,;。]{0,8}申请(?!人)/,
  /(答复|办结)率/,
];
const NEGATION = /未|没有|无(依申请|政府信息公开申请|申请|信息公开申请)|零申请|暂无/;

function activityCheck(ctx: EvalContext, prose: ProseSentence[], statements: AppStatement[]): CheckResult {
  if (noTables(ctx)) return result('XCK-04', 'na', '未找到表三');
  const ids = ['new', 'carried_in', 'total'].map((r) => `t3/${r}/total`);
  const values = ids.map((id) => num(ctx.cells, id));
  const counted = new Set(statements.map((st) => st.ps));
  const hits = prose.filter(
    (ps) =>
      ps.s.section !== 5 &&
      !counted.has(ps) &&
      ACTIVITY.some((re) => re.test(ps.words)) &&
      !NEGATION.test(ps.words) &&
      !foreignSubject(ctx, ps.words, ps.words.length),
  );
  if (values.some((v) => v !== undefined && v > 0)) return result('XCK-04', 'pass', '表三有申请，正文提到办理申请不矛盾');
  if (hits.length === 0) return result('XCK-04', 'pass', '正文未暗示办理过申请');
  // A report that says in so many words that no application came in describes its procedure, not its caseload.
  if (noneClaims(ctx, prose).length > 0) return result('XCK-04', 'pass', '正文明确称本年无申请，其余关于申请办理的表述视为工作机制介绍');
  const spans = hits.slice(0, 5).map((ps) => spanOf(ps.s));
  if (values.some((v) => v === undefined))
    return result('XCK-04', 'uncertain', '正文提到办理申请，表三部分单元格无法确定', { cells: ids, spans });
  return result('XCK-04', 'warn', `表三申请全为0，但正文提到申请办理情况（${hits.length}处），请核实`, {
    cells: ids,
    spans,
    count: hits.length,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-05: fee paragraph vs applications dropped for an unpaid fee (R11)

const FEE_TEXT = /信息处理费|处理费|收费通知|收取[^,;。]{0,6}费/;
const NOTICE_DENIED = /(未|没有|无)(发出|发放|下发|送达|出具|开具|寄送|制发)?[^,;。]{0,8}收费通知/;
const NO_FEE = /(未|没有|无|不)[^,;。]{0,10}(收取|产生|发生|涉及)[^,;。]{0,10}(费|收费)|(费|收费)[^,;。]{0,6}(为零|为0|情况为无)/;

function feeCheck(ctx: EvalContext, prose: ProseSentence[]): CheckResult {
  const id = 't3/other.fee_unpaid/total';
  if (!ctx.hasTables || !ctx.cells[id]) return result('XCK-05', 'na', '表三无“逾期未按收费通知要求缴纳费用”行（2019年格式）');
  const feeSentences = prose.filter((ps) => FEE_TEXT.test(ps.words));
  const spans = feeSentences.slice(0, 3).map((ps) => spanOf(ps.s));
  const unpaid = num(ctx.cells, id);
  if (unpaid === undefined) return result('XCK-05', 'uncertain', '表三“逾期未缴纳费用”单元格无法确定', { cells: [id], spans });
  if (unpaid === 0) return result('XCK-05', 'pass', '表三无因逾期未缴费不再处理的申请', { cells: [id], spans });
  const denied = feeSentences.filter((ps) => NOTICE_DENIED.test(ps.words));
  if (denied.length > 0) {
    return result('XCK-05', 'warn', `表三有${unpaid}件申请因逾期未缴费不再处理（说明发出过收费通知），正文却称未发出收费通知`, {
      cells: [id],
      spans: denied.map((ps) => spanOf(ps.s)),
      count: 1,
    });
  }
  if (feeSentences.length === 0)
    return result('XCK-05', 'info', `表三有${unpaid}件申请因逾期未缴费不再处理，正文未说明信息处理费情况`, { cells: [id] });
  const noFee = feeSentences.some((ps) => NO_FEE.test(ps.words));
  const note = noFee ? '；正文称未收取费用，与发出收费通知后申请人未缴费可以同时成立' : '';
  return result('XCK-05', 'pass', `表三有${unpaid}件申请因逾期未缴费不再处理${note}`, { cells: [id], spans });
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-06: review/litigation cases without any applications (R12)

function casesWithoutApplicationsCheck(ctx: EvalContext): CheckResult {
  if (!ctx.hasTables || !ctx.cells['t4/review/total']) return result('XCK-06', 'na', '未找到表四');
  const t4Ids = ['review', 'lit_direct', 'lit_after_review'].map((g) => `t4/${g}/total`);
  const t3Ids = ['t3/new/total', 't3/carried_in/total'];
  const cases = t4Ids.map((id) => num(ctx.cells, id));
  const apps = t3Ids.map((id) => num(ctx.cells, id));
  const cells = [...t4Ids, ...t3Ids];
  if (cases.every((v) => v === 0)) return result('XCK-06', 'pass', '表四无行政复议、行政诉讼案件');
  if (apps.some((v) => v !== undefined && v > 0)) return result('XCK-06', 'pass', '有行政复议、行政诉讼案件，也有申请');
  if (cases.some((v) => v === undefined) || apps.some((v) => v === undefined)) {
    return result('XCK-06', 'uncertain', '表三或表四有无法确定的单元格', { cells });
  }
  const total = cases.reduce<number>((a, v) => a + (v ?? 0), 0);
  const prev = ctx.input.previous;
  if (prev) {
    const prevApps = ['new', 'carried_in'].map((r) => num(prev.cells, `t3/${r}/total`) ?? 0);
    if (prevApps.some((v) => v > 0)) {
      return result('XCK-06', 'info', `本年无申请而有行政复议、行政诉讼${total}件，上年有申请，案件可能源于上年`, { cells });
    }
  }
  return result('XCK-06', 'warn', `表三本年新收和上年结转申请均为0，表四却有行政复议、行政诉讼${total}件`, { cells, count: 1 });
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-07: carried in this year = carried out last year, column by column (R7)

function previousUsable(ctx: EvalContext): { ok: true } | { ok: false; why: string } {
  const prev = ctx.input.previous;
  if (!prev) return { ok: false, why: '未提供上年报告' };
  if (prev.template === 'unknown' || !ctx.hasTables) return { ok: false, why: '本年或上年报告无统计表' };
  const y = ctx.report.year;
  if (y !== null && prev.year !== null && prev.year !== y - 1)
    return { ok: false, why: `所给上年报告为${prev.year}年度，不是${y - 1}年度` };
  return { ok: true };
}

function carryCheck(ctx: EvalContext): CheckResult {
  const usable = previousUsable(ctx);
  const prev = ctx.input.previous;
  if (!usable.ok || !prev) return result('XCK-07', 'na', usable.ok ? '未提供上年报告' : usable.why);
  const bad: string[] = [];
  const unsure: string[] = [];
  const cells: string[] = [];
  for (const col of T3_COLUMNS) {
    const here = `t3/carried_in/${col.id}`;
    const there = `t3/carried_out/${col.id}`;
    const a = num(ctx.cells, here);
    const b = num(prev.cells, there);
    if (a === undefined || b === undefined) unsure.push(col.labels[0] ?? col.id);
    else if (a !== b) {
      bad.push(`${col.labels[0]}：本年上年结转${a}，上年结转下年度${b}`);
      cells.push(here);
    }
  }
  const label = `${prev.year ?? '上'}年`;
  if (bad.length > 0) return result('XCK-07', 'fail', `上年结转与${label}报告不一致（${bad.join('；')}）`, { cells, count: bad.length });
  if (unsure.length > 0)
    return result('XCK-07', 'uncertain', `${unsure.join('、')}列无法确定，未完全核对`, {
      cells: T3_COLUMNS.map((c) => `t3/carried_in/${c.id}`),
    });
  const total = num(ctx.cells, 't3/carried_in/total');
  return result('XCK-07', 'pass', `上年结转（总计${total}件）与${label}报告的结转下年度一致`, { cells: ['t3/carried_in/total'] });
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-08: stock of documents in force follows from last year's (R8; R9 for the 2019 format)

function within(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1, Math.round(0.02 * Math.max(a, b)));
}

function stock2021(ctx: EvalContext, prevCells: Cells): { bad: string[]; unsure: boolean; cells: string[] } {
  const bad: string[] = [];
  const cells: string[] = [];
  let unsure = false;
  for (const [row, label] of [
    ['regulations', '规章'],
    ['normative_docs', '行政规范性文件'],
  ] as const) {
    const id = (c: string) => `t2/${row}/${c}`;
    const [now, issued, repealed] = ['in_force', 'issued', 'repealed'].map((c) => num(ctx.cells, id(c)));
    const before = num(prevCells, id('in_force'));
    if (now === undefined || issued === undefined || repealed === undefined || before === undefined) {
      unsure = true;
      continue;
    }
    const expected = before + issued - repealed;
    if (!within(now, expected)) {
      bad.push(`${label}现行有效${now}件，按上年${before}+本年制发${issued}−本年废止${repealed}应为${expected}件`);
      cells.push(id('in_force'), id('issued'), id('repealed'));
    }
  }
  return { bad, unsure, cells };
}

function stock2019(ctx: EvalContext, prevCells: Cells): { bad: string[]; unsure: boolean; cells: string[] } {
  const bad: string[] = [];
  const cells: string[] = [];
  let unsure = false;
  for (const [row, label] of [
    ['licensing', '行政许可'],
    ['other_mgmt_services', '其他对外管理服务事项'],
    ['penalty', '行政处罚'],
    ['coercion', '行政强制'],
    ['admin_fees', '行政事业性收费'],
  ] as const) {
    const id = (c: string) => `t2/${row}/${c}`;
    const now = num(ctx.cells, id('prev_items'));
    const [before, delta] = ['prev_items', 'delta'].map((c) => num(prevCells, id(c)));
    if (now === undefined || before === undefined || delta === undefined) {
      if (ctx.cells[id('prev_items')]) unsure = true;
      continue;
    }
    if (now !== before + delta) {
      bad.push(`${label}上一年项目数量${now}，按上年${before}${delta >= 0 ? '+' : '−'}${Math.abs(delta)}应为${before + delta}`);
      cells.push(id('prev_items'));
    }
  }
  return { bad, unsure, cells };
}

function stockCheck(ctx: EvalContext): CheckResult {
  const usable = previousUsable(ctx);
  const prev = ctx.input.previous;
  if (!usable.ok || !prev) return result('XCK-08', 'na', usable.ok ? '未提供上年报告' : usable.why);
  const has = (cells: Cells, id: string) => cells[id] !== undefined;
  let r: { bad: string[]; unsure: boolean; cells: string[] };
  if (has(ctx.cells, 't2/normative_docs/in_force') && has(prev.cells, 't2/normative_docs/in_force')) r = stock2021(ctx, prev.cells);
  else if (has(ctx.cells, 't2/licensing/prev_items') && has(prev.cells, 't2/licensing/delta')) r = stock2019(ctx, prev.cells);
  else return result('XCK-08', 'na', '本年与上年表二格式不同（现行有效件数与对外公开总数量含义不同），不核对存量衔接');
  if (r.bad.length > 0)
    return result('XCK-08', 'warn', `${r.bad.join('；')}（可能有修订、清理或口径调整，请核实）`, { cells: r.cells, count: r.bad.length });
  if (r.unsure) return result('XCK-08', 'uncertain', '表二有无法确定的单元格，存量衔接未完全核对');
  return result('XCK-08', 'pass', '表二存量与上年报告衔接');
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-09: counts of table 二 stated in the prose

interface T2Statement {
  ps: ProseSentence;
  cell: string;
  label: string;
  value: number;
}

const DOC_ROW: [RegExp, string, string][] = [
  [/规范性文件/, 'normative_docs', '行政规范性文件'],
  [/规章(?!库|制度)/, 'regulations', '规章'],
];

function docColumn(prefix: string, v2019: boolean): { col: string; label: string } | null {
  if (/现行有效/.test(prefix)) return v2019 ? null : { col: 'in_force', label: '现行有效' };
  if (/废止|宣布失效|失效/.test(prefix)) return v2019 ? null : { col: 'repealed', label: '本年废止' };
  if (/制发|制定|出台|印发|新制/.test(prefix)) return { col: v2019 ? 'new_made' : 'issued', label: v2019 ? '本年新制作' : '本年制发' };
  return null;
}

const DECISION_ROW: [RegExp, string, string][] = [
  [/行政许可/, 'licensing', '行政许可'],
  [/行政处罚/, 'penalty', '行政处罚'],
  [/行政强制/, 'coercion', '行政强制'],
];
const DECISION_VERB = /作出|办理|实施|办结|查处|处理|决定/;
/** Counts of published items ("公开行政处罚信息120条") are not decisions. */
const PUBLISHED = /公开|公示|发布|信息|录入|上传|推送|归集|申请|受理/;

function t2StatementsIn(ctx: EvalContext, ps: ProseSentence): T2Statement[] {
  const out: T2Statement[] = [];
  const v2019 = ctx.cells['t2/normative_docs/new_made'] !== undefined;
  for (const c of clausesOf(ps.key)) {
    for (const n of statedCounts(c.text)) {
      if (n.unit !== '件' || n.approx) continue;
      const prefix = c.text.slice(0, n.index);
      if (/其中|占|同比|较上年|比上年|累计|历年/.test(prefix)) continue;
      const at = c.start + n.index;
      if (otherYear(ctx, ps.key, at) || foreignSubject(ctx, ps.key, at)) continue;
      const st = docStatement(ctx, ps, prefix, n, v2019) ?? decisionStatement(ctx, ps, prefix, n);
      if (st) out.push(st);
    }
  }
  return out;
}

/** The row patterns anchored at the end of the text before a number, compiled once. */
const DOC_ROW_AT_END = DOC_ROW.map(([re, row, label]) => [new RegExp(`${re.source}[^\\d]{0,3}$`), row, label] as const);
const DECISION_ROW_AT_END = DECISION_ROW.map(
  ([re, row, label]) => [new RegExp(`${re.source}(决定|案件|事项)?(共|累计|合计)?$`), row, label] as const,
);

function docStatement(ctx: EvalContext, ps: ProseSentence, prefix: string, n: StatedNumber, v2019: boolean): T2Statement | null {
  for (const [re, row, label] of DOC_ROW_AT_END) {
    const m = re.exec(prefix);
    if (!m) continue;
    const col = docColumn(prefix.slice(0, m.index), v2019);
    const cell = col && `t2/${row}/${col.col}`;
    if (!col || !cell || !ctx.cells[cell]) return null;
    return { ps, cell, label: `${col.label}${label}`, value: n.value };
  }
  return null;
}

function decisionStatement(ctx: EvalContext, ps: ProseSentence, prefix: string, n: StatedNumber): T2Statement | null {
  for (const [re, row, label] of DECISION_ROW_AT_END) {
    const m = re.exec(prefix);
    if (!m) continue;
    const before = prefix.slice(0, m.index);
    if (PUBLISHED.test(prefix) || !(DECISION_VERB.test(before) || /决定|案件/.test(m[0]))) return null;
    const cell = `t2/${row}/decisions`;
    if (!ctx.cells[cell]) return null;
    return { ps, cell, label: `${label}处理决定`, value: n.value };
  }
  return null;
}

function proactiveCheck(ctx: EvalContext, prose: ProseSentence[]): CheckResult {
  if (!ctx.hasTables || !Object.keys(ctx.cells).some((id) => id.startsWith('t2/'))) return result('XCK-09', 'na', '未找到表二');
  const judged = prose
    .flatMap((ps) => t2StatementsIn(ctx, ps))
    .map((st): Judged => {
      const v = num(ctx.cells, st.cell);
      const verdict: Verdict = v === undefined ? 'uncertain' : v === st.value ? 'match' : 'mismatch';
      return { verdict, message: `正文称${st.label}${st.value}件，表二为${v ?? '无法确定'}件`, cells: [st.cell], span: spanOf(st.ps.s) };
    });
  return summarize('XCK-09', judged, '正文未陈述表二中的件数', '正文所述主动公开件数与表二一致', 'warn');
}

// ---------------------------------------------------------------------------------------------------------------
// XCK-10: last year's problems answered this year — evidence for the inspector

function problemsFollowUpCheck(ctx: EvalContext): CheckResult {
  const prev = ctx.input.previous;
  if (!prev) return result('XCK-10', 'na', '未提供上年报告，无法对照上年问题');
  const lastYear = prev.sections.find((s) => s.no === 5);
  const thisYear = ctx.sentences.filter((s) => s.section === 5 && !/^[一二三四五六]、/.test(s.norm.replace(/ /g, '')));
  const lastText = lastYear ? lastYear.text.replace(/\s+/g, '').slice(0, 300) : '';
  const message = lastYear
    ? `请对照上年报告第五部分所列问题（“${lastText}${lastYear.text.length > 300 ? '…' : ''}”）与本年第五部分，判断上年问题是否得到整改和回应`
    : '上年报告未找到第五部分；请人工判断本年第五部分是否回应了上年问题';
  return result('XCK-10', 'manual', message, { spans: thisYear.slice(0, 20).map(spanOf) });
}

// ---------------------------------------------------------------------------------------------------------------

export function crossChecks(ctx: EvalContext): CheckResult[] {
  const prose = proseSentences(ctx);
  const statements = applicationStatements(ctx, prose);
  return [
    statedApplicationsCheck(ctx, statements),
    noApplicationsCheck(ctx, prose),
    casesCheck(ctx, prose),
    activityCheck(ctx, prose, statements),
    feeCheck(ctx, prose),
    casesWithoutApplicationsCheck(ctx),
    carryCheck(ctx),
    stockCheck(ctx),
    proactiveCheck(ctx, prose),
    problemsFollowUpCheck(ctx),
  ];
}
