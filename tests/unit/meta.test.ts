// Title, organ, year and publish date: from the document's own words and portal fields, never from the file name.
import { describe, expect, it } from 'vitest';
import { readMeta } from '../../src/shared/parse/meta';
import { docFromText } from './helpers';

const meta = (text: string, traditional = false) => readMeta(docFromText(text), traditional);

describe('readMeta', () => {
  it('reads organ and year from the title, with spaces and 年度', () => {
    expect(meta('沧源佤族自治县勐来乡人民政府 2020 年 政府信息公开工作年度报告\n一、总体情况')).toMatchObject({
      organ: '沧源佤族自治县勐来乡人民政府',
      year: 2020,
    });
    expect(meta('某某县教育局2024年度政务公开工作年度报告')).toMatchObject({ organ: '某某县教育局', year: 2024 });
  });

  it('falls back to the statistic period, tolerating lost characters', () => {
    expect(meta('一、总体情况\n本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。').year).toBe(2023);
    expect(meta('一、总体情况\n报告涵盖2025年1月1日至12月31日期间的工作。').year).toBe(2025);
  });

  it('never takes the year from elsewhere: no title and no period gives null', () => {
    expect(meta('一、总体情况\n2024年召开会议3次。').year).toBeNull();
  });

  it('takes the publish date from portal fields only, in ISO form', () => {
    expect(meta('发布机构: 勐梭镇 发布日时间: 2024-01-30\n名称: 勐梭镇2023年政府信息公开工作年度报告').publishedAt).toBe('2024-01-30');
    expect(meta('發布時間: 2026-01-14 20:48 信息來源: 某縣', true).publishedAt).toBe('2026-01-14');
    expect(meta('某镇2024年政府信息公开工作年度报告\n落款 2025年1月20日').publishedAt).toBeNull();
  });

  it('names the unit the text repeats when there is no title', () => {
    expect(meta('一、总体情况\n勐拉镇聚焦群众关切。勐拉镇建立制度。勐拉镇整合渠道。').organ).toBe('勐拉镇');
  });
});
