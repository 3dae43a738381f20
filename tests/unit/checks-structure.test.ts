// The structure checks (STR-01…12) on synthetic reports, on the seeds' known findings and on clean real reports,
// with defects injected into real text.
import { describe, expect, it } from 'vitest';
import { structureChecks } from '../../src/shared/checks/structure';
import type { ParsedCell } from '../../src/shared/model/report';
import { CLEAN_REAL, byId, contextOf, corpusModel, editedCorpusModel, synthModel, type SynthOptions } from './support/checks-synth';

const run = (o: SynthOptions = {}) => structureChecks(contextOf(synthModel(o)));

describe('structureChecks on a synthetic report', () => {
  it('returns STR-01…12 in order, all passing on a complete report', () => {
    const rs = run();
    expect(rs.map((r) => r.id)).toEqual(Array.from({ length: 12 }, (_, i) => `STR-${String(i + 1).padStart(2, '0')}`));
    expect(rs.filter((r) => r.status !== 'pass')).toEqual([]);
  });

  it('STR-01: no title → warn; a title without the unit → warn', () => {
    expect(byId(run({ title: null }), 'STR-01')).toMatchObject({ status: 'warn', count: 1 });
    expect(byId(run({ title: '2024年政府信息公开工作年度报告' }), 'STR-01').status).toBe('warn');
  });

  it('STR-02: a missing heading is a failure counted per section', () => {
    const one = byId(run({ drop: [5] }), 'STR-02');
    expect(one).toMatchObject({ status: 'fail', count: 1 });
    expect(one.message).toContain('五、存在的主要问题及改进情况');
    expect(byId(run({ drop: [5, 6] }), 'STR-02')).toMatchObject({ status: 'fail', count: 2 });
  });

  it('STR-03…07: a table whose rows or cells are missing fails; unreadable cells are uncertain', () => {
    const m = synthModel();
    const missing: ParsedCell = { value: null, state: 'missing', raw: null, source: null };
    const ambiguous: ParsedCell = { value: null, state: 'ambiguous', raw: '000000', source: null };
    const cells = { ...m.cells };
    for (const c of ['natural', 'org_commercial', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total']) {
      cells[`t3/denied.state_secret/${c}`] = missing;
    }
    cells['t3/granted/total'] = missing;
    cells['t4/review/total'] = missing;
    cells['t2/licensing/decisions'] = ambiguous;
    const rs = structureChecks(contextOf({ ...m, cells }));
    expect(byId(rs, 'STR-03').status).toBe('pass');
    expect(byId(rs, 'STR-04')).toMatchObject({ status: 'fail', count: 1 });
    expect(byId(rs, 'STR-04').message).toContain('属于国家秘密');
    expect(byId(rs, 'STR-05')).toMatchObject({ status: 'fail', count: 1, cells: ['t3/granted/total'] });
    expect(byId(rs, 'STR-06')).toMatchObject({ status: 'uncertain', cells: ['t2/licensing/decisions'] });
    expect(byId(rs, 'STR-07')).toMatchObject({ status: 'fail', cells: ['t4/review/total'] });
  });

  it('STR-03: no tables at all → fail, the other table checks do not apply', () => {
    const m = synthModel();
    const rs = structureChecks(contextOf({ ...m, template: 'unknown', cells: {} }));
    expect(byId(rs, 'STR-03')).toMatchObject({ status: 'fail', count: 3 });
    for (const id of ['STR-04', 'STR-05', 'STR-06', 'STR-07']) expect(byId(rs, id).status).toBe('na');
  });

  it('STR-08: an overview silent on several aspects warns', () => {
    const r = byId(run({ s1: ['2024年，本镇主动公开政府信息326条。'] }), 'STR-08');
    expect(r).toMatchObject({ status: 'warn', count: 4 });
    expect(r.message).toContain('监督保障');
  });

  it('STR-09: section 五 without measures fails', () => {
    const r = byId(run({ s5: ['政策解读形式单一，问题较多。'] }), 'STR-09');
    expect(r).toMatchObject({ status: 'fail', count: 1 });
    expect(r.message).toContain('改进措施');
  });

  it('STR-10: from 2021 on, section 六 must state the 信息处理费', () => {
    expect(byId(run({ s6: ['本年度无其他需要报告的事项。'] }), 'STR-10')).toMatchObject({ status: 'warn', count: 1 });
    expect(byId(run({ year: 2020, format: 'v2019', s6: ['无。'] }), 'STR-10').status).toBe('pass');
  });

  it('STR-11: a township report without 社会评议 or 责任追究 warns; a department gets na', () => {
    const s1 = ['主动公开信息326条，依申请公开规范，政府信息管理严格，平台建设加强，将政务公开纳入考核。'];
    const r = byId(run({ s1 }), 'STR-11');
    expect(r).toMatchObject({ status: 'warn', count: 2 });
    const dept = synthModel({ s1, title: '湘西县财政局2024年政府信息公开工作年度报告' });
    expect(byId(structureChecks(contextOf(dept)), 'STR-11').status).toBe('na');
  });

  it('STR-12: a report without a statistic period gets info; lost 年/月 are tolerated', () => {
    expect(byId(run({ intro: [] }), 'STR-12')).toMatchObject({ status: 'info' });
    expect(byId(run({ intro: ['本报告统计期限为202411日至1231日。'] }), 'STR-12').status).toBe('pass');
  });
});

describe('structureChecks on the seeds', () => {
  it('seed-000 has no title: STR-01 warns; all six sections found', async () => {
    const rs = structureChecks(contextOf(await corpusModel('seeds/seed-000.txt')));
    expect(byId(rs, 'STR-01').status).toBe('warn');
    expect(byId(rs, 'STR-02').status).toBe('pass');
    expect(byId(rs, 'STR-10').status).toBe('pass');
    // 考核 is mentioned, 责任追究 results are not (domain.md §11).
    expect(byId(rs, 'STR-11').message).toContain('责任追究');
  });

  it('seed-004 states no 信息处理费: STR-10 warns', async () => {
    const rs = structureChecks(contextOf(await corpusModel('seeds/seed-004.txt')));
    expect(byId(rs, 'STR-10')).toMatchObject({ status: 'warn' });
    expect(byId(rs, 'STR-10').spans[0]?.text).toContain('本年度無其他需要報告的事項');
    expect(byId(rs, 'STR-01').status).toBe('pass');
    expect(byId(rs, 'STR-12').status).toBe('pass');
  });

  it('seed-002 states its period with lost 年/月 ("202511日至1231日")', async () => {
    const rs = structureChecks(contextOf(await corpusModel('seeds/seed-002.txt')));
    expect(byId(rs, 'STR-12').status).toBe('pass');
  });
});

describe('structureChecks on clean real reports', () => {
  it.each(CLEAN_REAL)('%s: six sections, tables present, no failures', async (file) => {
    const rs = structureChecks(contextOf(await corpusModel(file)));
    expect(byId(rs, 'STR-02').status).toBe('pass');
    expect(byId(rs, 'STR-03').status).toBe('pass');
    expect(byId(rs, 'STR-01').status).toBe('pass');
    expect(byId(rs, 'STR-12').status).toBe('pass');
    expect(rs.filter((r) => r.status === 'fail').map((r) => r.id)).toEqual([]);
  });

  it('the 2013 free-format report is not held to the 2019 structure', async () => {
    const rs = structureChecks(contextOf(await corpusModel('real/2013_fujian_pingtan_zhq_dishuiju.html')));
    expect(byId(rs, 'STR-02').status).toBe('na');
    expect(byId(rs, 'STR-03').status).toBe('na');
  });

  it('finds section 五 deleted from a real report', async () => {
    const m = await editedCorpusModel('real/text/2023_fujian_pingtan_zhq.page.txt', (t) => {
      expect(t).toContain('五、存在的主要问题及改进情况');
      return t.replace('五、存在的主要问题及改进情况', '');
    });
    const r = byId(structureChecks(contextOf(m)), 'STR-02');
    expect(r).toMatchObject({ status: 'fail', count: 1 });
    expect(r.message).toContain('五、');
  });

  it('finds the fee statement removed from a real 2021 report', async () => {
    const m = await editedCorpusModel('real/text/2021_fujian_pingtan_zhq.page.txt', (t) => {
      expect(t).toContain('2021年，无收取信息处理费情况。');
      return t.replace('2021年，无收取信息处理费情况。', '本年度无其他需要报告的事项。');
    });
    expect(byId(structureChecks(contextOf(m)), 'STR-10').status).toBe('warn');
  });
});
