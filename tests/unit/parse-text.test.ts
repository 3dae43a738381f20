// The report parser on small synthetic documents: template signals, label-driven rows, identities, prose.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/shared/parse/index';
import { cellsOf, SHAPE_2021 } from '../../src/shared/template/catalog';
import { docFromText } from './helpers';
import { arithmeticChecks } from '../../src/shared/checks/arithmetic';
import { buildContext } from '../../src/shared/checks/context';
import type { ReportModel } from '../../src/shared/model/report';

const arithmeticOf = (m: ReportModel) => arithmeticChecks(buildContext({ report: m }));

const T3_2021 = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '(一)予以公开',
  '(二)部分公开',
  '(三)不予公开 1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及"三安全一稳定"',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '(四)无法提供 1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '(五)不予处理 1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '(七)总计',
  '四、结转下年度继续办理',
];

/** A tab-separated 2021 report; `rows` maps a T3 row index to its 7 printed values. */
function report2021(rows: Record<number, string[]>, t2 = ['规章\t0\t0\t0', '行政规范性文件\t1\t0\t5']): string {
  const zero = ['0', '0', '0', '0', '0', '0', '0'];
  return [
    '某某镇人民政府2024年政府信息公开工作年度报告',
    '一、总体情况',
    '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
    '二、主动公开政府信息情况',
    '第二十条第(一)项',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    ...t2,
    '第二十条第(五)项',
    '信息内容\t本年处理决定数量',
    '行政许可\t12',
    '第二十条第(六)项',
    '信息内容\t本年处理决定数量',
    '行政处罚\t/',
    '行政强制\t',
    '第二十条第(八)项',
    '信息内容\t本年收费金额(单位:万元)',
    '行政事业性收费\t1.5',
    '三、收到和处理政府信息公开申请情况',
    '申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
    ...T3_2021.map((label, i) => [label, ...(rows[i] ?? zero)].join('\t')),
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
    ['1', '0', '0', '0', '1', ...Array.from({ length: 10 }, () => '0')].join('\t'),
    '五、存在的主要问题及改进情况',
    '问题。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
}

describe('parseReport', () => {
  it('reads a clean 2021 report: every template cell, states kept apart', () => {
    const m = parseReport(
      docFromText(
        report2021({
          0: ['2', '0', '0', '0', '0', '0', '2'],
          2: ['2', '0', '0', '0', '0', '0', '2'],
          23: ['2', '0', '0', '0', '0', '0', '2'],
        }),
      ),
      'a.txt',
    );
    expect(m.template).toBe('v2021');
    expect(Object.keys(m.cells).sort()).toEqual(
      cellsOf(SHAPE_2021)
        .map((c) => c.id)
        .sort(),
    );
    expect(m.cells['t2/normative_docs/in_force']).toMatchObject({ value: 5, state: 'number' });
    expect(m.cells['t2/penalty/decisions']).toMatchObject({ value: null, state: 'dash' });
    expect(m.cells['t2/coercion/decisions']).toMatchObject({ value: null, state: 'blank' });
    expect(m.cells['t2/admin_fees/amount']).toMatchObject({ value: 1.5 });
    expect(m.cells['t3/new/total']).toMatchObject({ value: 2, source: { line: expect.any(Number) } });
    expect(m.cells['t4/review/upheld']).toMatchObject({ value: 1 });
    expect(m.year).toBe(2024);
    expect(m.organ).toBe('某某镇人民政府');
    expect(m.sections.map((s) => s.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(arithmeticOf(m).filter((c) => c.status === 'fail')).toEqual([]);
  });

  it('flags broken arithmetic without changing the printed numbers', () => {
    const m = parseReport(
      docFromText(
        report2021({
          0: ['2', '0', '0', '0', '0', '0', '2'],
          2: ['1', '0', '0', '0', '0', '0', '1'],
          23: ['2', '0', '0', '0', '0', '0', '2'],
        }),
      ),
      'b.txt',
    );
    expect(m.cells['t3/granted/natural']!.value).toBe(1);
    expect(arithmeticOf(m).some((c) => c.id === 'ARI-02' && c.status === 'fail')).toBe(true);
  });

  it('recognises the 2019 format and a hybrid', () => {
    const v2019 = report2021({}, ['规章\t0\t0\t0', '规范性文件\t0\t0\t2']).replace(
      '本年制发件数\t本年废止件数\t现行有效件数',
      '本年新制作数量\t本年新公开数量\t对外公开总数量',
    );
    expect(parseReport(docFromText(v2019), 'c.txt').template).toBe('hybrid');
    const m = parseReport(docFromText(v2019), 'c.txt');
    expect(m.cells['t2/normative_docs/total_published']).toMatchObject({ value: 2 });
    expect(m.cells['t2/licensing/decisions']).toMatchObject({ value: 12 });
  });

  it('does not map prose numbers onto cells of a document without tables', () => {
    const m = parseReport(
      docFromText(
        '某局2013年信息公开年度报告\n一、概述\n本年度主动公开信息45条，行政许可117件，未收到申请。\n二、主动公开政府信息情况\n规章0件。',
      ),
      'd.txt',
    );
    expect(m.template).toBe('unknown');
    expect(m.cells).toEqual({});
    expect(m.problems.some((p) => p.kind === 'not-a-report')).toBe(true);
  });

  it('uses the column identities to choose between digit-run splits', () => {
    // Flattened like the archived page dumps: granted "330000033" splits two ways; R2 settles it (natural = 33).
    const flat = report2021({})
      .replace('(一)予以公开\t0\t0\t0\t0\t0\t0\t0', '(一)予以公开330000033')
      .replace('一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t33\t0\t0\t0\t0\t0\t33')
      .replace('(七)总计\t0\t0\t0\t0\t0\t0\t0', '(七)总计\t33\t0\t0\t0\t0\t0\t33');
    const m = parseReport(docFromText(flat), 'e.txt');
    expect(m.cells['t3/granted/natural']).toMatchObject({ value: 33, state: 'number' });
    expect(m.cells['t3/granted/org_commercial']).toMatchObject({ value: 0, state: 'number' });
  });

  it('keeps subtotals a report prints on its group rows out of the neighbouring rows', () => {
    const withSubtotals = report2021({ 3: ['1', '0', '0', '0', '0', '0', '1'] })
      .replace('(三)不予公开 1.属于国家秘密', '(三)不予公开\t2\t0\t0\t0\t0\t0\t2\n1.属于国家秘密')
      .replace('(四)无法提供 1.本机关不掌握相关政府信息', '(四)无法提供\t0\t0\t0\t0\t0\t0\t0\n1.本机关不掌握相关政府信息');
    const m = parseReport(docFromText(withSubtotals), 'g.txt');
    expect(m.cells['t3/partial/natural']).toMatchObject({ value: 1, state: 'number' });
    expect(m.cells['t3/denied.state_secret/total']).toMatchObject({ value: 0, state: 'number' });
    expect(m.cells['t3/denied.admin_inquiry/natural']).toMatchObject({ value: 0, state: 'number' });
  });

  it('reads traditional script and full-width digits for matching only', () => {
    const trad = report2021({
      0: ['１', '0', '0', '0', '0', '0', '１'],
      2: ['1', '0', '0', '0', '0', '0', '1'],
      23: ['1', '0', '0', '0', '0', '0', '1'],
    })
      .replace('某某镇人民政府', '某某鎮人民政府')
      .replace('收到和处理政府信息公开申请情况', '收到和處理政府信息公開申請情況')
      .replace('予以公开', '予以公開')
      .replace('结转下年度继续办理', '結轉下年度繼續辦理')
      .replace('总体情况', '總體情況')
      .replace('存在的主要问题', '存在的主要問題');
    const m = parseReport(docFromText(trad), 'f.txt');
    expect(m.cells['t3/new/natural']).toMatchObject({ value: 1, raw: '1' });
    // Sections are shown as printed: normalisation is for matching only.
    expect(m.sections[0]).toMatchObject({ no: 1, title: '一、總體情況' });
    expect(m.sections[2]!.title).toBe('三、收到和處理政府信息公開申請情況');
    expect(m.sections[0]!.text).toContain('本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。');
    expect(m.cells['t3/granted/total']).toMatchObject({ value: 1 });
    expect(m.organ).toBe('某某镇人民政府');
  });
});
