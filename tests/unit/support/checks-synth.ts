// Test support for the structure/template/metadata/privacy checks: a small tab-separated report whose prose, title,
// publish line, sections and table format can be varied, parsed and turned into an evaluation context; and real
// corpus files parsed the same way, with a helper to edit their prose before parsing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildContext, type EvalContext } from '../../../src/shared/checks/context';
import type { CheckResult, EvalInput } from '../../../src/shared/checks/types';
import type { ReportModel } from '../../../src/shared/model/report';
import { parseReport } from '../../../src/shared/parse/index';
import { parseBytes, parseFile } from '../../../src/main/services/parse-file';
import { T3_V2019, T3_V2021 } from '../../../src/shared/template/catalog';
import { docFromText } from '../helpers';

export const CORPUS = join(__dirname, '../../fixtures/corpus');

export interface SynthOptions {
  /** The title line; null for none. */
  title?: string | null;
  year?: number;
  /** A line like "发布时间: 2025-01-20 10:00" right under the title; null for none. */
  published?: string | null;
  intro?: string[];
  s1?: string[];
  s5?: string[];
  s6?: string[];
  /** Section numbers whose heading is left out. */
  drop?: number[];
  format?: 'v2021' | 'v2019' | 'hybrid';
}

const T2_2021 = [
  '第二十条第(一)项',
  '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
  '规章\t0\t0\t0',
  '行政规范性文件\t1\t0\t5',
  '第二十条第(五)项',
  '信息内容\t本年处理决定数量',
  '行政许可\t12',
  '第二十条第(六)项',
  '信息内容\t本年处理决定数量',
  '行政处罚\t3',
  '行政强制\t0',
  '第二十条第(八)项',
  '信息内容\t本年收费金额(单位:万元)',
  '行政事业性收费\t0',
];

const T2_2019 = [
  '第二十条第(一)项',
  '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
  '规章\t0\t0\t0',
  '规范性文件\t1\t1\t5',
  '第二十条第(五)项',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '行政许可\t10\t0\t12',
  '其他对外管理服务事项\t0\t0\t0',
  '第二十条第(六)项',
  '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
  '行政处罚\t5\t0\t3',
  '行政强制\t0\t0\t0',
  '第二十条第(八)项',
  '信息内容\t上一年项目数量\t本年增/减',
  '行政事业性收费\t0\t0',
  '第二十条第(九)项',
  '信息内容\t采购项目数量\t采购总金额',
  '政府集中采购\t0\t0',
];

const ZEROS = ['0', '0', '0', '0', '0', '0', '0'];

function t3Lines(v2019: boolean): string[] {
  const rows = v2019 ? T3_V2019 : T3_V2021;
  return [
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
    '申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
    ...rows.map((r) => [r.label, ...ZEROS].join('\t')),
  ];
}

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

export const DEFAULT_S1 = [
  '2024年，本镇坚持以公开为常态，主动公开政府信息326条，全年未收到政府信息公开申请。',
  '加强政府信息管理，严格落实保密审查制度，对拟公开信息逐条审核。',
  '依托政府门户网站和政务新媒体平台发布信息，及时更新公开栏。',
  '将政务公开纳入年度绩效考核，开展社会评议，落实责任追究制度，全年未发生责任追究情况，组织业务培训2次。',
];
export const DEFAULT_S5 = ['一是政策解读形式较为单一，图解、视频解读不足。', '下一步，我镇将加强政策解读，丰富解读形式，提升公开质量。'];
export const DEFAULT_S6 = ['本年度未收取信息处理费。'];

export function synthText(o: SynthOptions = {}): string {
  const year = o.year ?? 2024;
  const format = o.format ?? 'v2021';
  const drop = new Set(o.drop ?? []);
  const h = (no: number) => (drop.has(no) ? [] : [HEADINGS[no - 1]!]);
  const title = o.title === undefined ? `湘西县青山镇人民政府${year}年政府信息公开工作年度报告` : o.title;
  const published = o.published === undefined ? `发布时间: ${year + 1}-01-20 10:00` : o.published;
  return [
    ...(title ? [title] : []),
    ...(published ? [published] : []),
    ...(o.intro ?? [`本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`]),
    ...h(1),
    ...(o.s1 ?? DEFAULT_S1),
    ...h(2),
    ...(format === 'v2021' ? T2_2021 : T2_2019),
    ...h(3),
    ...t3Lines(format === 'v2019'),
    ...h(4),
    '行政复议\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
    Array.from({ length: 15 }, () => '0').join('\t'),
    ...h(5),
    ...(o.s5 ?? DEFAULT_S5),
    ...h(6),
    ...(o.s6 ?? DEFAULT_S6),
  ].join('\n');
}

export function synthModel(o: SynthOptions = {}): ReportModel {
  return parseReport(docFromText(synthText(o)), 'synthetic.txt');
}

export function contextOf(report: ReportModel, extra: Omit<EvalInput, 'report'> = {}): EvalContext {
  return buildContext({ report, ...extra });
}

export function byId(results: CheckResult[], id: string): CheckResult {
  const r = results.find((x) => x.id === id);
  if (!r) throw new Error(`no result ${id}`);
  return r;
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

/** A corpus text file with its printed text edited (defects injected), parsed as a new file. */
export async function editedCorpusModel(rel: string, edit: (text: string) => string): Promise<ReportModel> {
  const text = await readFile(join(CORPUS, rel), 'utf8');
  const f = await parseBytes(new TextEncoder().encode(edit(text)), rel.split('/').pop() ?? rel);
  if (!f.model) throw new Error(`cannot parse edited ${rel}`);
  return f.model;
}

export const CLEAN_REAL = [
  'real/2019_fujian_pingtan_zhq.html',
  'real/2020_fujian_pingtan_zhq.html',
  'real/2021_fujian_pingtan_zhq.html',
  'real/2022_fujian_pingtan_zhq.html',
  'real/2023_fujian_pingtan_zhq.html',
  'real/2024_fujian_pingtan_zhq.html',
  'real/2025_fujian_pingtan_zhq.html',
  'real/2024_jiangsu_huaian_city.pdf',
  'real/text/2019_fujian_pingtan_zhq.page.txt',
  'real/text/2020_fujian_pingtan_zhq.page.txt',
  'real/text/2021_fujian_pingtan_zhq.page.txt',
  'real/text/2022_fujian_pingtan_zhq.page.txt',
  'real/text/2023_fujian_pingtan_zhq.page.txt',
  'real/text/2024_fujian_pingtan_zhq.page.txt',
  'real/text/2025_fujian_pingtan_zhq.page.txt',
];
