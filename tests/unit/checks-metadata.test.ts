// The metadata checks (MET-01…06): deadlines per unit level, unknown dates, year consistency, residue and foreign
// names, the statistic period; on synthetic reports, the seeds and clean real reports with a late date injected.
import { describe, expect, it } from 'vitest';
import { metadataChecks, townName } from '../../src/shared/checks/metadata';
import { DEFAULT_SETTINGS } from '../../src/shared/checks/types';
import {
  CLEAN_REAL,
  DEFAULT_S1,
  byId,
  contextOf,
  corpusModel,
  editedCorpusModel,
  synthModel,
  type SynthOptions,
} from './support/checks-synth';

const run = (o: SynthOptions = {}, extra = {}) => metadataChecks(contextOf(synthModel(o), extra));

describe('MET-01/02 publication date', () => {
  it('passes a township report published by 1月31日 and fails one published later, quoting both dates', () => {
    expect(byId(run({ published: '发布时间: 2025-01-20 10:00' }), 'MET-01').status).toBe('pass');
    const late = byId(run({ published: '发布时间: 2025-02-15 10:00' }), 'MET-01');
    expect(late).toMatchObject({ status: 'fail', count: 1 });
    expect(late.message).toContain('2025-02-15');
    expect(late.message).toContain('2025-01-31');
    expect(late.message).toContain('15天');
  });

  it('uses the deadline of the unit level and the county settings', () => {
    const gov = { title: '湘西县人民政府2024年政府信息公开工作年度报告', published: '发布时间: 2025-03-10' };
    expect(byId(run(gov), 'MET-01').status).toBe('pass');
    expect(byId(run(gov, { unitLevel: 'county_dept' }), 'MET-01').status).toBe('fail');
    const settings = { deadlines: { ...DEFAULT_SETTINGS.deadlines, township: '02-20' } };
    expect(byId(run({ published: '发布时间: 2025-02-15' }, { settings }), 'MET-01').status).toBe('pass');
  });

  it('without a date: MET-01 na, MET-02 manual; the inspector’s date is used when given', () => {
    const rs = run({ published: null });
    expect(byId(rs, 'MET-01').status).toBe('na');
    expect(byId(rs, 'MET-02')).toMatchObject({ status: 'manual', message: '发布日期未知，请评审人确认' });
    const given = run({ published: null }, { receivedAt: '2025-02-03' });
    expect(byId(given, 'MET-01').status).toBe('fail');
    expect(byId(given, 'MET-02').status).toBe('pass');
  });

  it('a report without a year is uncertain, never failed', () => {
    const rs = run({ title: '湘西县青山镇人民政府政府信息公开工作年度报告', intro: [] });
    expect(byId(rs, 'MET-01').status).toBe('uncertain');
  });
});

describe('MET-03…06', () => {
  it('MET-03: a title year that differs from the period, or a publish date two years on, warns', () => {
    expect(byId(run(), 'MET-03').status).toBe('pass');
    const period = byId(run({ intro: ['本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。'] }), 'MET-03');
    expect(period.status).toBe('warn');
    expect(period.message).toContain('2023');
    expect(byId(run({ published: '发布时间: 2026-03-01' }), 'MET-03').status).toBe('warn');
  });

  it('MET-04: placeholders, "全区(镇)", "我局" in a town report and peers’ names warn', () => {
    expect(byId(run(), 'MET-04').status).toBe('pass');
    const xx = byId(run({ s1: [...DEFAULT_S1, 'XX镇坚持以人民为中心。'] }), 'MET-04');
    expect(xx).toMatchObject({ status: 'warn' });
    expect(xx.spans[0]?.text).toBe('XX镇坚持以人民为中心。');
    expect(byId(run({ s1: [...DEFAULT_S1, '推动全区(镇)政务公开水平提升。'] }), 'MET-04').status).toBe('warn');
    expect(byId(run({ s1: [...DEFAULT_S1, '我局高度重视政务公开工作。'] }), 'MET-04').status).toBe('warn');
    const peer = synthModel({ title: '湘西县白沙镇人民政府2024年政府信息公开工作年度报告' });
    const copied = run({ s1: [...DEFAULT_S1, '白沙镇持续深化政务公开。'] }, { peers: [peer] });
    expect(byId(copied, 'MET-04').message).toContain('白沙镇');
    // A peer's name that the report never uses raises nothing.
    expect(byId(run({}, { peers: [peer] }), 'MET-04').status).toBe('pass');
  });

  it('townName takes the town out of a full name', () => {
    expect(townName('溆浦县低庄镇人民政府')).toBe('低庄镇');
    expect(townName('石柱土家族自治县西沱镇人民政府')).toBe('西沱镇');
    expect(townName('湘西县财政局')).toBeNull();
  });

  it('MET-05: a partial period warns; a whole year passes', () => {
    expect(byId(run(), 'MET-05').status).toBe('pass');
    const half = byId(run({ intro: ['本报告统计期限为2024年1月1日至2024年6月30日。'] }), 'MET-05');
    expect(half).toMatchObject({ status: 'warn', count: 1 });
    expect(half.message).toContain('6月30日');
    expect(byId(run({ intro: [] }), 'MET-05').status).toBe('na');
    expect(byId(run({ intro: ['本报告数据统计期限为2024.1.1-2024.12.31。'] }), 'MET-05').status).toBe('pass');
    expect(byId(run({ intro: ['本报告数据统计期限为2024.1.1-2024.9.30。'] }), 'MET-05').status).toBe('warn');
  });

  it('MET-06 needs a later copy: na', () => {
    expect(byId(run(), 'MET-06').status).toBe('na');
  });
});

describe('metadataChecks on the corpus', () => {
  it('seed-000 has no publish date: MET-02 manual', async () => {
    const rs = metadataChecks(contextOf(await corpusModel('seeds/seed-000.txt')));
    expect(byId(rs, 'MET-02').status).toBe('manual');
    expect(byId(rs, 'MET-01').status).toBe('na');
  });

  it('seed-004: on time, and 全區(鎮) is residue from a district template', async () => {
    const rs = metadataChecks(contextOf(await corpusModel('seeds/seed-004.txt')));
    expect(byId(rs, 'MET-01').status).toBe('pass');
    const r = byId(rs, 'MET-04');
    expect(r.status).toBe('warn');
    expect(r.spans.some((s) => s.text.includes('全區(鎮)'))).toBe(true);
  });

  it('seed-002 states its period with lost 年/月: MET-05 pass', async () => {
    expect(byId(metadataChecks(contextOf(await corpusModel('seeds/seed-002.txt'))), 'MET-05').status).toBe('pass');
  });

  it.each(CLEAN_REAL)('%s: no metadata alarm', async (file) => {
    const rs = metadataChecks(contextOf(await corpusModel(file)));
    expect(rs.map((r) => r.id)).toEqual(['MET-01', 'MET-02', 'MET-03', 'MET-04', 'MET-05', 'MET-06']);
    expect(rs.filter((r) => r.status === 'fail' || r.status === 'warn').map((r) => r.id)).toEqual([]);
  });

  it('finds a late date injected into a real township report', async () => {
    const m = await editedCorpusModel('seeds/seed-001.txt', (t) => {
      expect(t).toContain('发布日时间: 2024-01-30');
      return t.replace('发布日时间: 2024-01-30', '发布日时间: 2024-03-15');
    });
    const r = byId(metadataChecks(contextOf(m)), 'MET-01');
    expect(r.status).toBe('fail');
    expect(r.message).toContain('2024-03-15');
  });

  it('finds "XX镇" injected into a real report', async () => {
    const m = await editedCorpusModel('real/text/2023_fujian_pingtan_zhq.page.txt', (t) =>
      t.replace('持续推进基层政务公开标准化规范化', '持续推进XX镇基层政务公开标准化规范化'),
    );
    expect(byId(metadataChecks(contextOf(m)), 'MET-04').status).toBe('warn');
  });
});
