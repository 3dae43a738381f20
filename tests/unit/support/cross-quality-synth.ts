// Test support for the cross and quality checks: a tab-separated 2021 report whose prose and table totals can be set,
// corpus files parsed once, and copies of parsed models with their prose edited (defects injected after parsing).
import { join } from 'node:path';
import { buildContext } from '../../../src/shared/checks/context';
import type { CheckResult, EvalInput } from '../../../src/shared/checks/types';
import type { ReportModel } from '../../../src/shared/model/report';
import { parseReport } from '../../../src/shared/parse/index';
import { parseFile } from '../../../src/main/services/parse-file';
import { T3_V2021 } from '../../../src/shared/template/catalog';
import { docFromText } from '../helpers';

export const CORPUS = join(__dirname, '../../fixtures/corpus');

export interface Totals {
  new?: number;
  carried_in?: number;
  total?: number;
  carried_out?: number;
  fee_unpaid?: number;
}

export interface Synth {
  organ?: string;
  year?: number;
  s1?: string[];
  s5?: string[];
  s6?: string[];
  t3?: Totals;
  /** Totals of 行政复议, 未经复议直接起诉, 复议后起诉. */
  t4?: [number, number, number];
  /** 行政规范性文件 issued / repealed / in force, 行政许可, 行政处罚. */
  t2?: { issued?: number; repealed?: number; in_force?: number; licensing?: number; penalty?: number };
}

const row = (label: string, v: number) => [label, String(v), '0', '0', '0', '0', '0', String(v)].join('\t');

function t3Lines(t: Totals): string[] {
  const value: Record<string, number> = {
    new: t.new ?? 0,
    carried_in: t.carried_in ?? 0,
    granted: (t.total ?? 0) - (t.fee_unpaid ?? 0),
    'other.fee_unpaid': t.fee_unpaid ?? 0,
    total: t.total ?? 0,
    carried_out: t.carried_out ?? 0,
  };
  return [
    '申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
    ...T3_V2021.map((r) => row(r.label, value[r.id] ?? 0)),
  ];
}

function t4Line([review, direct, after]: [number, number, number]): string {
  return [review, 0, 0, 0, review, direct, 0, 0, 0, direct, after, 0, 0, 0, after].join('\t');
}

export const S1 = [
  '本年度，本镇坚持以公开为常态、不公开为例外，通过政府门户网站主动公开政府信息326条，发布政策解读12篇。',
  '加强政府信息管理，严格落实保密审查制度，对拟公开信息逐条审核，全年未发生泄密事件。',
  '依托政府门户网站和政务新媒体平台发布信息，及时更新村务公开栏，方便群众查阅。',
  '将政务公开纳入年度绩效考核，开展社会评议，落实责任追究制度，组织业务培训2次。',
];
export const S5 = [
  '一是政策解读形式较为单一，全年12篇解读中图解、视频仅有2篇。',
  '下一步，我镇将加强政策解读，丰富解读形式，提升公开质量。',
];
export const S6 = ['本年度未收取信息处理费。'];

export function synthText(o: Synth = {}): string {
  const year = o.year ?? 2024;
  const t2 = o.t2 ?? {};
  return [
    `${o.organ ?? '湘西县青山镇人民政府'}${year}年政府信息公开工作年度报告`,
    `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '一、总体情况',
    ...(o.s1 ?? S1),
    '二、主动公开政府信息情况',
    '第二十条第(一)项',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    '规章\t0\t0\t0',
    `行政规范性文件\t${t2.issued ?? 1}\t${t2.repealed ?? 0}\t${t2.in_force ?? 5}`,
    '第二十条第(五)项',
    '信息内容\t本年处理决定数量',
    `行政许可\t${t2.licensing ?? 12}`,
    '第二十条第(六)项',
    '信息内容\t本年处理决定数量',
    `行政处罚\t${t2.penalty ?? 3}`,
    '行政强制\t0',
    '第二十条第(八)项',
    '信息内容\t本年收费金额(单位:万元)',
    '行政事业性收费\t0',
    '三、收到和处理政府信息公开申请情况',
    ...t3Lines(o.t3 ?? {}),
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
    t4Line(o.t4 ?? [0, 0, 0]),
    '五、存在的主要问题及改进情况',
    ...(o.s5 ?? S5),
    '六、其他需要报告的事项',
    ...(o.s6 ?? S6),
  ].join('\n');
}

export function synthModel(o: Synth = {}, file = 'synthetic.txt'): ReportModel {
  return parseReport(docFromText(synthText(o)), file);
}

export function byId(results: CheckResult[], id: string): CheckResult {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id}`);
  return r;
}

export function run(family: (ctx: ReturnType<typeof buildContext>) => CheckResult[], input: EvalInput): CheckResult[] {
  return family(buildContext(input));
}

const cache = new Map<string, Promise<ReportModel>>();

/** A corpus file parsed once per test file. */
export function corpusModel(rel: string): Promise<ReportModel> {
  let p = cache.get(rel);
  if (!p) {
    p = parseFile(join(CORPUS, rel)).then((f) => {
      if (!f.model) throw new Error(`cannot parse ${rel}`);
      return f.model;
    });
    cache.set(rel, p);
  }
  return p;
}

export const pingtan = (year: number) => corpusModel(`real/${year}_fujian_pingtan_zhq.html`);

/** A deep copy of a model with each prose paragraph passed through `edit` (a new object: fingerprints are cached per model). */
export function withProse(m: ReportModel, edit: (text: string, section: number | null) => string): ReportModel {
  const copy = structuredClone(m);
  copy.paragraphs = (copy.paragraphs ?? []).map((p) => ({ ...p, text: edit(p.text, p.section) }));
  copy.sections = copy.sections.map((s) => ({ ...s, text: edit(s.text, s.no) }));
  return copy;
}

/** A copy of `m` whose section `no` is replaced by the prose of the same section of `from` (last year's text copied). */
export function withSectionFrom(m: ReportModel, from: ReportModel, no: number): ReportModel {
  const copy = structuredClone(m);
  const paras = copy.paragraphs ?? [];
  const at = paras.findIndex((p) => p.section === no);
  const borrowed = structuredClone((from.paragraphs ?? []).filter((p) => p.section === no));
  copy.paragraphs = [...paras.slice(0, at), ...borrowed, ...paras.filter((p, i) => i > at && p.section !== no)];
  const src = from.sections.find((s) => s.no === no);
  copy.sections = copy.sections.map((s) => (s.no === no && src ? { ...s, text: src.text } : s));
  return copy;
}
