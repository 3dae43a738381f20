// The template checks (TPL-01…05): format against year, hybrids, invented subtotals, truncated labels and outdated
// legal references; on synthetic reports, seed-002's hybrid and clean real reports.
import { describe, expect, it } from 'vitest';
import { templateChecks } from '../../src/shared/checks/template';
import {
  CLEAN_REAL,
  DEFAULT_S1,
  byId,
  contextOf,
  corpusModel,
  editedCorpusModel,
  synthModel,
  synthText,
  type SynthOptions,
} from './support/checks-synth';
import { parseReport } from '../../src/shared/parse/index';
import { docFromText } from './helpers';

const run = (o: SynthOptions = {}) => templateChecks(contextOf(synthModel(o)));

describe('templateChecks on synthetic reports', () => {
  it('returns TPL-01…05, all passing on a clean 2021-format report', () => {
    const rs = run();
    expect(rs.map((r) => r.id)).toEqual(['TPL-01', 'TPL-02', 'TPL-03', 'TPL-04', 'TPL-05']);
    expect(rs.filter((r) => r.status !== 'pass')).toEqual([]);
  });

  it('TPL-01: the 2019 tables in a 2024 report fail; in a 2020 report they pass', () => {
    const old = byId(run({ format: 'v2019' }), 'TPL-01');
    expect(old).toMatchObject({ status: 'fail', count: 1 });
    expect(old.message).toContain('2019年试行格式');
    expect(old.cells.length).toBeGreaterThan(0);
    expect(byId(run({ format: 'v2019', year: 2020 }), 'TPL-01').status).toBe('pass');
    expect(byId(run({ year: 2020 }), 'TPL-01').status).toBe('info');
  });

  it('TPL-02: a hybrid fails and names the rows of each format', () => {
    const hybrid = synthText().replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
    const m = parseReport(docFromText(hybrid), 'h.txt');
    expect(m.template).toBe('hybrid');
    const rs = templateChecks(contextOf(m));
    expect(byId(rs, 'TPL-02')).toMatchObject({ status: 'fail', count: 1 });
    expect(byId(rs, 'TPL-02').message).toContain('2019年格式');
    expect(byId(rs, 'TPL-01').status).toBe('warn');
  });

  it('TPL-03: an invented 法人或其他组织小计 column warns', () => {
    const text = synthText().replace('法律服务机构\t其他\t总计', '法律服务机构\t其他\n法人或其他组织小计\n总计');
    const r = byId(templateChecks(contextOf(parseReport(docFromText(text), 's.txt'))), 'TPL-03');
    expect(r.status).toBe('warn');
    expect(r.message).toContain('法人或其他组织小计');
  });

  it('TPL-05: the old 条例 or the 试行 format cited in a 2024 report warns', () => {
    const r = byId(run({ intro: ['根据《中华人民共和国政府信息公开条例》(国务院令第492号)编制本报告。'] }), 'TPL-05');
    expect(r).toMatchObject({ status: 'warn', count: 1 });
    expect(byId(run({ s1: [...DEFAULT_S1, '按照《中华人民共和国政府信息公开工作年度报告格式(试行)》要求编制。'] }), 'TPL-05').status).toBe(
      'warn',
    );
    expect(
      byId(run({ intro: ['根据《中华人民共和国政府信息公开条例》(国务院令第711号)和国办公开办函〔2021〕30号编制。'] }), 'TPL-05').status,
    ).toBe('pass');
  });
});

describe('templateChecks on the corpus', () => {
  it('seed-002 mixes the formats: TPL-02 fail, TPL-01 warn', async () => {
    const rs = templateChecks(contextOf(await corpusModel('seeds/seed-002.txt')));
    expect(byId(rs, 'TPL-02').status).toBe('fail');
    expect(byId(rs, 'TPL-02').spans.length).toBeGreaterThan(0);
    expect(byId(rs, 'TPL-01').status).toBe('warn');
  });

  it('seed-001 has truncated table labels: TPL-04 info only', async () => {
    const rs = templateChecks(contextOf(await corpusModel('seeds/seed-001.txt')));
    expect(byId(rs, 'TPL-04').status).toBe('info');
    expect(rs.filter((r) => r.status === 'fail' || r.status === 'warn')).toEqual([]);
  });

  it.each(CLEAN_REAL)('%s: format matches the year, nothing flagged', async (file) => {
    const rs = templateChecks(contextOf(await corpusModel(file)));
    expect(rs.filter((r) => r.status === 'fail' || r.status === 'warn').map((r) => r.id)).toEqual([]);
    expect(byId(rs, 'TPL-01').status).toBe('pass');
  });

  it('finds the 2019 table 二 pasted into a real 2023 report', async () => {
    const m = await editedCorpusModel('real/text/2023_fujian_pingtan_zhq.page.txt', (t) => {
      expect(t).toContain('本年制发件数本年废止件数现行有效件数');
      return t.replace('本年制发件数本年废止件数现行有效件数', '本年新制作数量本年新公开数量对外公开总数量');
    });
    const rs = templateChecks(contextOf(m));
    expect(['v2019', 'hybrid']).toContain(m.template);
    expect(rs.some((r) => (r.id === 'TPL-01' || r.id === 'TPL-02') && r.status === 'fail')).toBe(true);
  });

  it('finds a 2019-format report re-dated to 2024 (old template in a later year)', async () => {
    const m = await editedCorpusModel('real/text/2020_fujian_pingtan_zhq.page.txt', (t) => t.replace(/2020(年度?)/g, '2024$1'));
    expect(m.year).toBe(2024);
    const r = byId(templateChecks(contextOf(m)), 'TPL-01');
    expect(r).toMatchObject({ status: 'fail', count: 1 });
    expect(r.message).toContain('2024年度报告仍使用2019年试行格式');
  });
});
