// Numbers stated in prose: Arabic, full-width, spaced digits, Chinese numerals, units, approximations and idioms.
import { describe, expect, it } from 'vitest';
import { isTableLine, parseChineseNumeral, statedCounts, statedNumbers, withoutTableLabels } from '../../src/shared/checks/text-numbers';
import { normalizeText } from '../../src/shared/normalize/text';

const counts = (text: string) => statedCounts(normalizeText(text)).map((n) => [n.value, n.unit]);

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十三', 23],
    ['一百零五', 105],
    ['两千', 2000],
    ['三万五千', 35000],
    ['〇', 0],
    ['零', 0],
    ['二〇二四', 2024],
  ])('%s → %i', (s, v) => expect(parseChineseNumeral(s)).toBe(v));

  it('refuses what is not a numeral', () => {
    expect(parseChineseNumeral('是')).toBeUndefined();
    expect(parseChineseNumeral('')).toBeUndefined();
  });
});

describe('statedCounts', () => {
  it('reads Arabic numbers with their unit and position', () => {
    const text = '全区共收到政府信息公开申请154件，共办结148件。';
    const found = statedCounts(text);
    expect(found.map((n) => [n.value, n.unit])).toEqual([
      [154, '件'],
      [148, '件'],
    ]);
    expect(text.slice(found[0]!.index, found[0]!.end)).toBe('154件');
  });

  it('reads full-width digits after normalisation', () => {
    expect(counts('處理政府信息公開申請１２件')).toEqual([[12, '件']]);
  });

  it('joins digits split by spaces when a unit follows, and says so', () => {
    const [n] = statedCounts('处理申请1 2件');
    expect(n).toMatchObject({ value: 12, unit: '件', spaced: true });
    expect(counts('表中 0 0 0 0')).toEqual([]);
  });

  it('reads Chinese numerals before a counting unit', () => {
    expect(counts('收到申请一件')).toEqual([[1, '件']]);
    expect(counts('收到申请两件')).toEqual([[2, '件']]);
    expect(counts('办结十二件')).toEqual([[12, '件']]);
    expect(counts('受理二十三件')).toEqual([[23, '件']]);
    expect(counts('共一百零五件')).toEqual([[105, '件']]);
    expect(counts('申请〇件')).toEqual([[0, '件']]);
    expect(counts('行政复议零件')).toEqual([[0, '件']]);
    expect(statedCounts('收到申请五件')[0]).toMatchObject({ chinese: true });
  });

  it('ignores ordinals, words and idioms that look like counts', () => {
    expect(counts('高效办成一件事，推行一次性告知，第一次会议，统一个标准，千家万户')).toEqual([]);
    expect(counts('一是加强领导，二是完善制度')).toEqual([]);
  });

  it('marks approximate numbers', () => {
    expect(statedCounts('收集意见建议20余条')[0]).toMatchObject({ value: 20, approx: true });
    expect(statedCounts('近30件')[0]).toMatchObject({ value: 30, approx: true });
    expect(statedCounts('共30件')[0]).toMatchObject({ approx: false });
  });

  it('leaves years, dates, percentages and money out of counts but not out of numbers', () => {
    const text = '2025年1月1日起，答复率100%，收费3.5万元';
    expect(statedCounts(text)).toEqual([]);
    expect(statedNumbers(text).map((n) => [n.value, n.unit])).toEqual([
      [2025, '年'],
      [1, '月'],
      [1, '日'],
      [100, '%'],
      [3.5, '万元'],
    ]);
  });

  it('scales 万 and reads thousands separators', () => {
    expect(counts('主动公开信息1.2万条')).toEqual([[12000, '条']]);
    expect(counts('主动公开信息1,234条')).toEqual([[1234, '条']]);
  });

  it('keeps 人次 apart from 人 and 次', () => {
    expect(statedNumbers('接待群众咨询156人次').map((n) => n.unit)).toEqual(['人次']);
  });
});

describe('isTableLine', () => {
  it('recognises rows, headers and value lines of the tables', () => {
    expect(isTableLine('一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0')).toBe(true);
    expect(isTableLine('(七)总计\t1\t0\t0\t0\t0\t0\t1')).toBe(true);
    expect(isTableLine('0 0 0')).toBe(true);
    expect(isTableLine('信息内容 本年制发件数 本年废止件数 现行有效件数')).toBe(true);
  });

  it('keeps prose that quotes a label', () => {
    expect(isTableLine('本年度全区共收到70件申请,及时依法依规办结69件,1件结转下年度继续办理。')).toBe(false);
    expect(isTableLine('政府信息公开行政复议351件,其中结果维持72件,结果纠正64件,尚未审结37件;')).toBe(false);
    expect(isTableLine('无其他需要报告的事项')).toBe(false);
  });

  it('takes table-三 labels out of a flattened line', () => {
    expect(withoutTableLabels('(五)不予处理1.信访举报投诉类申请00000004.无正当理由大量反复申请0000000')).not.toMatch(/无正当理由/);
    expect(withoutTableLabels('1件结转下年度继续办理')).toBe('1件结转下年度继续办理');
  });
});
