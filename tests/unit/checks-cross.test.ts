// Cross checks XCK-01..10: prose counts against tables 三/四/二 on synthetic reports, the seeds and the Pingtan series,
// with defects injected into clean real reports.
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/shared/checks/catalog';
import { crossChecks } from '../../src/shared/checks/cross';
import type { ReportModel } from '../../src/shared/model/report';
import { byId, corpusModel, pingtan, run, S1, synthModel, withProse } from './support/cross-quality-synth';

const cross = (report: ReportModel, previous?: ReportModel | null) => run(crossChecks, { report, previous });
const check = (id: string, report: ReportModel, previous?: ReportModel | null) => byId(cross(report, previous), id);
const withS1 = (extra: string[], o: Parameters<typeof synthModel>[0] = {}) => synthModel({ ...o, s1: [...S1, ...extra] });

describe('crossChecks', () => {
  it('returns XCK-01..10 exactly, in catalog order', () => {
    expect(cross(synthModel()).map((r) => r.id)).toEqual(CHECK_IDS.filter((id) => id.startsWith('XCK-')));
  });
});

describe('XCK-01 application counts in the prose', () => {
  it('fails seed-004: 处理申请1件 (traditional script) against an all-zero table three', async () => {
    const r = check('XCK-01', await corpusModel('seeds/seed-004.txt'));
    expect(r.status).toBe('fail');
    expect(r.count).toBe(1);
    expect(r.message).toContain('正文称处理申请1件，表三本年新收申请为0件');
    expect(r.cells).toContain('t3/new/total');
    expect(r.spans[0]?.text).toContain('處理政府信息公開申請1件');
  });

  it('passes when the stated counts match, and fails when one is changed', () => {
    const t3 = { new: 5, total: 4, carried_out: 1 };
    const ok = withS1(['全年共收到政府信息公开申请5件，已办结4件，1件结转下年度继续办理。'], { t3 });
    expect(check('XCK-01', ok)).toMatchObject({ status: 'pass' });
    const bad = withS1(['全年共收到政府信息公开申请7件，已办结4件，1件结转下年度继续办理。'], { t3 });
    const r = check('XCK-01', bad);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('正文称收到申请7件');
    expect(r.count).toBe(1);
  });

  it('reads a sentence cut by a line or page break as one (text dumps of PDFs, PDF paragraphs split before a last line)', () => {
    const t3 = { new: 5, total: 4, carried_out: 1 };
    // Read apart, "1 件" would count as 办结 (1 ≠ 4): the clean report must pass.
    const cut = withS1(['本年度全区共收到政府信息公开申请 5 件，及时依法依规办结 4 件，1 件', '结转下年度继续办理。'], { t3 });
    expect(check('XCK-01', cut).status).toBe('pass');
    const wrong = withS1(['本年度全区共收到政府信息公开申请 5 件，及时依法依规办结 9 件，1 件', '结转下年度继续办理。'], { t3 });
    expect(check('XCK-01', wrong).status).toBe('fail');
    // The cut may fall inside a word, after a finished sentence on the same line.
    const wrapped = withS1(['畅通信息查找渠道，满足企业、群众个性化政府信息需求。全年办理政', '府信息公开申请 9 件。'], { t3 });
    expect(check('XCK-01', wrapped)).toMatchObject({ status: 'fail', count: 1 });
  });

  it('pairs by verb: 收到 with new or new + carried in, 办结/答复 with the total, 处理 with either', () => {
    const t3 = { new: 74, carried_in: 1, total: 75 };
    expect(check('XCK-01', withS1(['全区收到政府信息公开申请75件（含上年结转1件），均已答复。'], { t3 })).status).toBe('pass');
    expect(check('XCK-01', withS1(['全年处理政府信息公开申请75件。'], { t3 })).status).toBe('pass');
    expect(check('XCK-01', withS1(['全年处理政府信息公开申请74件。'], { t3 })).status).toBe('pass');
    expect(check('XCK-01', withS1(['本年度办结政府信息公开申请74件。'], { t3 })).status).toBe('fail');
  });

  it('reads full-width, spaced and Chinese-numeral counts', () => {
    const t3 = { new: 12, total: 12 };
    expect(check('XCK-01', withS1(['全年共受理政府信息公开申请１２件。'], { t3 })).status).toBe('pass');
    expect(check('XCK-01', withS1(['全年共受理政府信息公开申请1 2件。'], { t3 })).status).toBe('pass');
    expect(check('XCK-01', withS1(['全年共受理政府信息公开申请十二件。'], { t3 })).status).toBe('pass');
    expect(check('XCK-01', withS1(['全年共受理政府信息公开申请二十三件。'], { t3 })).status).toBe('fail');
  });

  it('is not misled by other numbers in the same sentence or about other requests', () => {
    const distractors = [
      '全年主动公开政府信息1234条，依申请公开答复率100%。',
      '全年受理行政许可申请300件，办理群众信访件30件。',
      '接待群众咨询156人次，收到群众诉求348件。',
      '2023年收到政府信息公开申请9件。',
      '全区收到政府信息公开申请3件，涉及自然人2件、商业企业1件，均已按时答复。',
      '区公安局共受理政府信息公开申请2件。',
    ];
    const r = check('XCK-01', withS1(distractors, { t3: { new: 3, total: 3 } }));
    expect(r.status).toBe('pass');
  });

  it('is uncertain, not failing, when the compared cell is ambiguous', () => {
    const m = withS1(['全年共收到政府信息公开申请7件。'], { t3: { new: 5, total: 5 } });
    m.cells['t3/new/total'] = { value: null, state: 'ambiguous', raw: '57', source: null };
    m.cells['t3/carried_in/total'] = { value: null, state: 'ambiguous', raw: '57', source: null };
    expect(check('XCK-01', m).status).toBe('uncertain');
  });

  it.each([2019, 2020, 2021, 2022, 2023, 2024, 2025])('finds no contradiction in the clean Pingtan %i report', async (year) => {
    const prev = year > 2019 ? await pingtan(year - 1) : null;
    const results = cross(await pingtan(year), prev);
    for (const id of ['XCK-01', 'XCK-02', 'XCK-03']) expect(byId(results, id).status, id).not.toBe('fail');
  });

  it('finds the stated count of 2021 (收到70件申请 under 依申请公开方面) and 2025 (结转至2026年6件)', async () => {
    const r21 = check('XCK-01', await pingtan(2021));
    expect(r21.status).toBe('pass');
    expect(r21.message).toContain('3处');
    const r25 = check('XCK-01', await pingtan(2025));
    expect(r25.message).toContain('3处');
  });

  it('catches a count injected into a clean report', async () => {
    const m = withProse(await pingtan(2024), (t) => t.replace('全年办理政府信息公开申请218件', '全年办理政府信息公开申请281件'));
    const r = check('XCK-01', m);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('281件');
    const m25 = withProse(await pingtan(2025), (t) => t.replace('共办结148件', '共办结150件'));
    expect(check('XCK-01', m25).status).toBe('fail');
  });
});

describe('XCK-02 "no applications" in the prose', () => {
  it('fails when the prose says none but table three has new applications', () => {
    const r = check('XCK-02', withS1(['本年度我镇未收到政府信息公开申请。'], { t3: { new: 3, total: 3 } }));
    expect(r).toMatchObject({ status: 'fail', count: 1 });
    expect(r.message).toContain('3件');
  });

  it('passes when the table agrees, and ignores the table labels and 申请人', async () => {
    expect(check('XCK-02', withS1(['2024年我镇无依申请公开。'])).status).toBe('pass');
    expect(check('XCK-02', withS1(['未收到申请人对答复的异议。'], { t3: { new: 2, total: 2 } })).status).toBe('pass');
    expect(check('XCK-02', await corpusModel('seeds/seed-002.txt')).status).toBe('pass');
  });
});

describe('XCK-03 review and litigation counts', () => {
  it('fails "未引发行政复议或行政诉讼" against cases in table four', () => {
    const r = check(
      'XCK-03',
      withS1(['全年处理政府信息公开申请2件，未引发行政复议或行政诉讼。'], { t3: { new: 2, total: 2 }, t4: [1, 0, 0] }),
    );
    expect(r.status).toBe('fail');
    expect(r.count).toBe(1);
  });

  it('compares counts: 行政复议 with its total, 行政诉讼 with both litigation groups', () => {
    const t = { t3: { new: 9, total: 9 }, t4: [2, 5, 2] as [number, number, number] };
    expect(check('XCK-03', withS1(['因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。'], t)).status).toBe('pass');
    const r = check('XCK-03', withS1(['因政府信息公开引起的行政复议案件3件、行政诉讼案件7件。'], t));
    expect(r.status).toBe('fail');
    expect(r.cells).toContain('t4/review/total');
  });

  it('ignores review work that is not about disclosure, and sub-results', async () => {
    const t = { t4: [351, 26, 20] as [number, number, number] };
    expect(check('XCK-03', withS1(['司法所全年办理行政复议案件56件。'], t)).status).toBe('pass');
    expect(check('XCK-03', await corpusModel('real/2024_jiangsu_huaian_city.pdf')).status).toBe('pass');
    expect(check('XCK-03', await corpusModel('seeds/seed-004.txt')).status).toBe('pass');
  });
});

describe('XCK-04 prose implies applications while table three is zero', () => {
  it('warns on seed-000 (高频申请领域)', async () => {
    const r = check('XCK-04', await corpusModel('seeds/seed-000.txt'));
    expect(r.status).toBe('warn');
    expect(r.spans[0]?.text).toContain('高频申请');
  });

  it('does not warn when the report says no application came in', () => {
    expect(check('XCK-04', withS1(['针对高频申请领域提前梳理信息。', '本年度未收到政府信息公开申请。'])).status).toBe('pass');
    expect(check('XCK-04', withS1(['规范依申请公开办理流程，提升答复质量。'])).status).toBe('pass');
  });
});

describe('XCK-05 fee paragraph', () => {
  it('warns when applications lapsed for an unpaid fee but the prose says no fee notice was sent', () => {
    const t3 = { new: 3, total: 3, fee_unpaid: 1 };
    const r = check('XCK-05', synthModel({ t3, s6: ['本年度未发出收费通知，未收取信息处理费。'] }));
    expect(r.status).toBe('warn');
    expect(check('XCK-05', synthModel({ t3, s6: ['本年度无收取信息处理费情况。'] })).status).toBe('pass');
    expect(check('XCK-05', synthModel({ s6: ['本年度未发出收费通知。'] })).status).toBe('pass');
  });
});

describe('XCK-06 cases without applications', () => {
  it('warns when table four has cases and table three has no applications', () => {
    expect(check('XCK-06', synthModel({ t4: [1, 0, 0] })).status).toBe('warn');
    expect(check('XCK-06', synthModel({ t4: [1, 0, 0], t3: { new: 1, total: 1 } })).status).toBe('pass');
  });
});

describe('XCK-07 carry-over across years', () => {
  it('is na without last year and passes on the Pingtan series', async () => {
    expect(check('XCK-07', await pingtan(2022)).status).toBe('na');
    for (const year of [2020, 2021, 2022, 2023, 2024, 2025]) {
      const r = check('XCK-07', await pingtan(year), await pingtan(year - 1));
      expect(r.status, String(year)).toBe('pass');
    }
    expect(check('XCK-07', await pingtan(2022), await pingtan(2021)).message).toContain('1件');
  });

  it('fails with the number of mismatching columns when last year carried out something else', async () => {
    const prev = structuredClone(await pingtan(2021));
    prev.cells['t3/carried_out/natural'] = { ...prev.cells['t3/carried_out/natural']!, value: 3 };
    prev.cells['t3/carried_out/total'] = { ...prev.cells['t3/carried_out/total']!, value: 3 };
    const r = check('XCK-07', await pingtan(2022), prev);
    expect(r).toMatchObject({ status: 'fail', count: 2 });
    expect(r.cells).toEqual(['t3/carried_in/natural', 't3/carried_in/total']);
  });

  it('is na when the given previous report is not of the year before', async () => {
    expect(check('XCK-07', await pingtan(2024), await pingtan(2022)).status).toBe('na');
  });
});

describe('XCK-08 stock of normative documents', () => {
  it('passes 2022 (665 + 88 − 55 = 698) and warns 2024 (470 + 62 − 33 ≠ 440)', async () => {
    expect(check('XCK-08', await pingtan(2022), await pingtan(2021)).status).toBe('pass');
    const r = check('XCK-08', await pingtan(2024), await pingtan(2023));
    expect(r).toMatchObject({ status: 'warn', count: 1 });
    expect(r.message).toContain('499');
  });

  it('checks 上一年项目数量 in the 2019 format and skips a change of format', async () => {
    expect(check('XCK-08', await pingtan(2020), await pingtan(2019)).status).toBe('pass');
    expect(check('XCK-08', await pingtan(2021), await pingtan(2020)).status).toBe('na');
  });
});

describe('XCK-09 table-two counts in the prose', () => {
  it('warns on Pingtan 2023 (现行有效393件 vs 470) and passes 2022 and 2024', async () => {
    const r = check('XCK-09', await pingtan(2023));
    expect(r).toMatchObject({ status: 'warn', count: 1 });
    expect(r.message).toContain('393');
    expect(check('XCK-09', await pingtan(2022)).status).toBe('pass');
    expect(check('XCK-09', await pingtan(2024)).status).toBe('pass');
  });

  it('compares decisions, not published items', () => {
    const t2 = { licensing: 12, penalty: 3 };
    expect(check('XCK-09', withS1(['全年作出行政处罚决定3件，公开行政许可信息40件。'], { t2 })).status).toBe('pass');
    expect(check('XCK-09', withS1(['全年作出行政处罚决定5件。'], { t2 })).status).toBe('warn');
  });
});

describe('XCK-10 last year problems', () => {
  it('gathers this year 五 for the inspector when last year is given', async () => {
    const r = check('XCK-10', await pingtan(2024), await pingtan(2023));
    expect(r.status).toBe('manual');
    expect(r.spans.length).toBeGreaterThan(0);
    expect(r.message).toContain('上年');
    expect(check('XCK-10', await pingtan(2024)).status).toBe('na');
  });
});
