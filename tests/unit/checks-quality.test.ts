// Quality checks QLT-01..09 and the similarity they rest on: copying from last year and from peers (with boilerplate left
// out), generic problems, rectification, residue, substance, lost characters; on synthetic and real reports.
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/shared/checks/catalog';
import { qualityChecks } from '../../src/shared/checks/quality';
import { fingerprint, isBoilerplate, similarity } from '../../src/shared/checks/similarity';
import type { ReportModel } from '../../src/shared/model/report';
import { byId, corpusModel, pingtan, run, S5, synthModel, withProse, withSectionFrom } from './support/cross-quality-synth';

const quality = (report: ReportModel, previous?: ReportModel | null, peers: ReportModel[] = []) =>
  run(qualityChecks, { report, previous, peers });
const check = (id: string, report: ReportModel, previous?: ReportModel | null, peers: ReportModel[] = []) =>
  byId(quality(report, previous, peers), id);

describe('qualityChecks', () => {
  it('returns QLT-01..09 exactly, in catalog order', () => {
    expect(quality(synthModel()).map((r) => r.id)).toEqual(CHECK_IDS.filter((id) => id.startsWith('QLT-')));
  });
});

describe('similarity', () => {
  it('leaves template boilerplate out', () => {
    expect(isBoilerplate('本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。')).toBe(true);
    expect(isBoilerplate('如对本报告有疑问,请与镇党政办联系。')).toBe(true);
    expect(isBoilerplate('五、存在的主要问题及改进情况')).toBe(true);
    expect(isBoilerplate('一是政策解读形式较为单一,全年12篇解读中图解、视频仅有2篇。')).toBe(false);
  });

  it('gives 0 for two reports that share only the stock sentences', () => {
    const a = synthModel({
      organ: '甲镇人民政府',
      s5: ['本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。', '如对本报告有疑问，请与镇党政办联系。'],
    });
    const b = synthModel({
      organ: '乙镇人民政府',
      s5: ['本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。', '如对本报告有疑问，请与乡党政办联系。'],
    });
    expect(similarity(a, b, 5).similarity).toBe(0);
  });

  it('counts a copied section as 1 even with the years and numbers changed, and pairs the sentences', async () => {
    const y23 = await pingtan(2023);
    const copied = withProse(withSectionFrom(await pingtan(2024), y23, 5), (t) => t.replace(/2023/g, '2024').replace(/\d+件/g, '9件'));
    const m = similarity(copied, y23, 5);
    expect(m.similarity).toBeGreaterThan(0.95);
    expect(m.pairs.length).toBeGreaterThan(0);
    expect(m.pairs[0]!.a.text.replace(/\d/g, '')).toBe(m.pairs[0]!.b.text.replace(/\d/g, ''));
  });

  it('caches the fingerprint per model object', async () => {
    const m = await pingtan(2025);
    expect(fingerprint(m)).toBe(fingerprint(m));
  });
});

describe('QLT-01 copied from last year', () => {
  it('is na without last year and passes on every clean Pingtan pair', async () => {
    expect(check('QLT-01', await pingtan(2024)).status).toBe('na');
    for (const year of [2020, 2021, 2022, 2023, 2024, 2025]) {
      const r = check('QLT-01', await pingtan(year), await pingtan(year - 1));
      expect(r.status, String(year)).toBe('pass');
      expect(r.measure!, String(year)).toBeLessThan(0.3);
    }
  });

  it('fails when last year 五 is copied into this year, quoting the copied sentences', async () => {
    const y23 = await pingtan(2023);
    const r = check('QLT-01', withSectionFrom(await pingtan(2024), y23, 5), y23);
    expect(r.status).toBe('fail');
    expect(r.measure!).toBeGreaterThanOrEqual(0.85);
    expect(r.spans.length).toBeGreaterThan(0);
    const lastYear5 = (y23.paragraphs ?? [])
      .filter((p) => p.section === 5)
      .map((p) => p.text)
      .join('');
    expect(lastYear5).toContain(r.spans[0]!.text.slice(0, 20));
  });

  it('warns when most of 五 is copied and passes when a little is', async () => {
    const y24 = await pingtan(2024);
    const y25 = await pingtan(2025);
    const own5 = (y25.paragraphs ?? []).filter((p) => p.section === 5);
    const last5 = (y24.paragraphs ?? []).filter((p) => p.section === 5 && !/^五、/.test(p.text.trim()));
    /** This year's 五 made of its heading and first `keep` paragraphs, followed by last year's 五. */
    const mixed = (keep: number, borrowed: typeof last5) => {
      const m = structuredClone(y25);
      const rest = (m.paragraphs ?? []).filter((p) => p.section !== 5);
      const at = rest.findIndex((p) => p.section === 6);
      m.paragraphs = [...rest.slice(0, at), ...structuredClone([...own5.slice(0, keep), ...borrowed]), ...rest.slice(at)];
      return m;
    };
    const most = check('QLT-01', mixed(2, last5), y24);
    expect(most.status).toBe('warn');
    expect(most.measure!).toBeGreaterThanOrEqual(0.6);
    expect(most.measure!).toBeLessThan(0.85);
    const little = check('QLT-01', mixed(own5.length, last5.slice(0, 1)), y24);
    expect(little.status).toBe('pass');
  });
});

describe('QLT-02 copied from a peer', () => {
  it('names the peer whose 五 was copied, and passes against unrelated peers', async () => {
    const own = synthModel({ organ: '湘西县青山镇人民政府' });
    const peer = synthModel({ organ: '湘西县绿水乡人民政府' }, 'peer.txt');
    const r = check('QLT-02', own, null, [peer, await pingtan(2024)]);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('绿水乡');
    const other = synthModel({
      organ: '湘西县白云镇人民政府',
      s1: ['全镇依托政务公开专区，集中公开征地补偿、低保发放等信息，群众可通过自助终端查询。'],
      s5: ['村级公开栏更新不及时，有3个村全年只更新过一次，下一步将每季度督查村务公开栏。'],
    });
    expect(check('QLT-02', own, null, [other, await pingtan(2024)]).status).toBe('pass');
    expect(check('QLT-02', own).status).toBe('na');
  });

  it('skips the same report and the same unit of the same year', () => {
    const own = synthModel();
    expect(check('QLT-02', own, null, [own, synthModel()]).status).toBe('na');
  });

  it('stays cheap against a hundred peers', async () => {
    const reals = await Promise.all([2019, 2020, 2021, 2022, 2023, 2024, 2025].map(pingtan));
    const peers = Array.from({ length: 100 }, (_, i) => {
      const m = structuredClone(reals[i % reals.length]!);
      m.organ = `第${i}单位`;
      return withProse(m, (t) => t.replace(/实验区/g, `第${i}区`));
    });
    const report = withProse(reals[6]!, (t) => t);
    quality(report, null, peers); // fingerprints of the peers are built once and cached
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      quality(
        withProse(reals[5]!, (t) => t),
        null,
        peers,
      );
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[2]!).toBeLessThan(40);
  });
});

describe('QLT-03 generic problems', () => {
  it('warns when every problem is a stock phrase and passes when one is specific', () => {
    const generic = ['一是思想认识不够到位，重视程度有待提高。', '二是业务水平有待提升，培训不足。', '下一步，我镇将加强培训。'];
    expect(check('QLT-03', synthModel({ s5: generic })).status).toBe('warn');
    expect(check('QLT-03', synthModel({ s5: S5 })).status).toBe('pass');
  });
});

describe('QLT-04 rectification of last year', () => {
  it('passes when 五 reports on last year problems and warns otherwise', () => {
    const s5 = [...S5, '针对上年度报告指出的政策解读不足问题，已增加图解解读4篇，整改到位。'];
    expect(check('QLT-04', synthModel({ s5 })).status).toBe('pass');
    expect(check('QLT-04', synthModel({ s5: ['2023年度报告所列问题已全部整改。', ...S5] })).status).toBe('pass');
    expect(check('QLT-04', synthModel()).status).toBe('warn');
  });
});

describe('QLT-06 template residue', () => {
  it('fails on XX, ××, 20XX年, (单位名称), 填报说明', () => {
    for (const residue of [
      'XX镇人民政府高度重视政务公开。',
      '××局配合做好公开。',
      '20XX年共公开信息326条。',
      '(单位名称)认真落实条例。',
      '填报说明：本部分写总体情况。',
    ]) {
      const r = check('QLT-06', synthModel({ s6: [residue] }));
      expect(r.status, residue).toBe('fail');
      expect(r.spans[0]?.text).toBe(residue);
    }
  });

  it('does not fire on Latin words, a lone 某, or the clean corpus', async () => {
    expect(check('QLT-06', synthModel({ s6: ['采购XXL码工作服，某村反映的问题已解决。'] })).status).toBe('pass');
    for (const f of [
      'seeds/seed-000.txt',
      'seeds/seed-001.txt',
      'seeds/seed-002.txt',
      'seeds/seed-003.txt',
      'seeds/seed-004.txt',
      'real/2024_jiangsu_huaian_city.pdf',
    ]) {
      expect(check('QLT-06', await corpusModel(f)).status, f).toBe('pass');
    }
    for (const year of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) expect(check('QLT-06', await pingtan(year)).status).toBe('pass');
  });

  it('finds residue injected into a real report', async () => {
    const m = withProse(await pingtan(2024), (t) => t.replace('平潭综合实验区坚持', 'XX镇坚持'));
    expect(check('QLT-06', m).status).toBe('fail');
  });
});

describe('QLT-07, QLT-08 substance', () => {
  it('gathers 总体情况 for the inspector', async () => {
    const r = check('QLT-07', await corpusModel('seeds/seed-003.txt'));
    expect(r.status).toBe('manual');
    expect(r.spans.length).toBeGreaterThan(0);
  });

  it('warns on thin sections and a 六 that only says 无', async () => {
    const r = check('QLT-08', synthModel({ s6: ['无。'] }));
    expect(r.status).toBe('warn');
    expect(r.message).toContain('第一部分');
    expect(r.message).toContain('第六部分');
    expect(check('QLT-08', await pingtan(2024)).status).toBe('pass');
  });
});

describe('QLT-09 lost characters', () => {
  it('reports 〔2020109号 and 2023召开 in seed-001 and 202511日 in seed-002, nothing in clean Pingtan', async () => {
    expect(check('QLT-09', await corpusModel('seeds/seed-001.txt')).status).toBe('info');
    const r = check('QLT-09', await corpusModel('seeds/seed-002.txt'));
    expect(r.status).toBe('info');
    expect(r.spans.some((s) => s.text.includes('202511日'))).toBe(true);
    for (const year of [2021, 2022, 2023, 2024, 2025]) expect(check('QLT-09', await pingtan(year)).status, String(year)).toBe('pass');
  });
});
