// The privacy checks (PRV-01…06): personal numbers and names are found in prose, office contacts, dates, document
// numbers and table digit runs are not; clean real reports raise nothing, defects injected into them are found.
import { describe, expect, it } from 'vitest';
import { idCheckDigit, privacyChecks } from '../../src/shared/checks/privacy';
import { CLEAN_REAL, DEFAULT_S1, byId, contextOf, corpusModel, editedCorpusModel, synthModel } from './support/checks-synth';

/** PRV results for a synthetic report whose overview carries these sentences. */
const run = (...sentences: string[]) => privacyChecks(contextOf(synthModel({ s1: [...DEFAULT_S1, ...sentences] })));

/** A valid 18-digit ID number (GB 11643) from its first 17 digits. */
const validId = (first17: string) => first17 + idCheckDigit(first17);

describe('PRV-01 mobile numbers', () => {
  it.each([
    '联系人：王建国，手机13812345678。',
    '如有疑问请致电138-1234-5678。',
    '联系电话：138 1234 5678。',
    '手机：１３９０５９１２３４５。',
  ])('finds %s', (s) => {
    const r = byId(run(s), 'PRV-01');
    expect(r).toMatchObject({ status: 'fail', count: 1 });
    expect(r.spans[0]?.text).toBe(s);
  });

  it.each([
    '如对本报告有疑问，请与镇党政办联系（电话：0745-3602131）。',
    '咨询电话：0591-12345678，服务热线400-123-4567，800-820-8820。',
    '根据国办公开办函〔2021〕30号要求，统计期限为2024年1月1日至2024年12月31日。',
    '索引号：11350128MB1234567X/2024-00012。',
    '全年政府集中采购金额13575394432.52元，收费15000000000元。',
    '原文链接: https://www.example.gov.cn/zwgk/t20240308_13812345678.htm',
    '行政处罚 139 1234 5678',
  ])('does not take %s for a mobile number', (s) => {
    expect(byId(run(s), 'PRV-01').status).toBe('pass');
  });

  it('reads a number cut from its contact words, or cut in two, by a line or page break (PDF paragraphs split mid-sentence)', () => {
    expect(byId(run('如需咨询，可联系经办人王五，手机号码', '139 0591 2468。'), 'PRV-01')).toMatchObject({ status: 'fail', count: 1 });
    expect(byId(run('联系人：王五，手机：139 0591', '2468。'), 'PRV-01')).toMatchObject({ status: 'fail', count: 1 });
    // A finished sentence does not lend its words to the next line.
    expect(byId(run('联系电话见政府网站。', '139 1234 5678'), 'PRV-01').status).toBe('pass');
  });
});

describe('PRV-02 ID numbers', () => {
  it('finds a valid ID number, with or without grouping spaces', () => {
    const id = validId('43012419900101123');
    expect(byId(run(`申请人身份证号码${id}。`), 'PRV-02')).toMatchObject({ status: 'fail', count: 1 });
    expect(byId(run(`证件号 ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}。`), 'PRV-02').status).toBe('fail');
    expect(byId(run(`编号${id.slice(0, 17)}x。`), 'PRV-02').status).not.toBe('fail');
  });

  it('passes 18-digit numbers with a wrong check digit, credit codes and impossible birth dates', () => {
    const id = validId('43012419900101123');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(byId(run(`项目编号${wrong}。`), 'PRV-02').status).toBe('pass');
    expect(byId(run('统一社会信用代码91430124MA4L12345X。'), 'PRV-02').status).toBe('pass');
    expect(byId(run(`编号${validId('43012419901301123')}。`), 'PRV-02').status).toBe('pass');
  });

  it('asks the inspector when a number called an ID has a wrong check digit', () => {
    const id = validId('43012419900101123');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(byId(run(`申请人身份证号${wrong}。`), 'PRV-02').status).toBe('manual');
  });
});

describe('PRV-03…06', () => {
  it('PRV-03: applicants named in full → manual; pseudonyms and officials → info; role words alone → pass', () => {
    expect(byId(run('申请人张伟向我镇申请公开征地补偿信息。'), 'PRV-03')).toMatchObject({ status: 'manual' });
    expect(byId(run('申请人张某某申请公开征地补偿信息。'), 'PRV-03').status).toBe('info');
    expect(byId(run('乡长李金锋主持召开政务公开专题会议。'), 'PRV-03').status).toBe('info');
    expect(byId(run('申请人无正当理由逾期不补正的，不再处理；申请人向本机关提出申请。村民代表参与评议。'), 'PRV-03').status).toBe('pass');
  });

  it('PRV-04: a personal mailbox or home address warns; an office mailbox on 163.com does not', () => {
    expect(byId(run('申请人通过个人邮箱12345678@qq.com提出申请。'), 'PRV-04').status).toBe('warn');
    expect(byId(run('申请人王某家住青山村3组。'), 'PRV-04').status).toBe('warn');
    expect(byId(run('电话：0517-83605210，电子邮箱：hazwgkc@163.com。'), 'PRV-04').status).toBe('pass');
  });

  it('PRV-05: reviewers printed under the report → info', () => {
    expect(byId(run('初审：舒宇扬 复审：胡灿 终审：舒林波'), 'PRV-05').status).toBe('info');
    expect(byId(run('严格执行三审三校制度。'), 'PRV-05').status).toBe('pass');
  });

  it('PRV-06: classification marks warn, good secrecy practice does not', () => {
    expect(byId(run('内部资料 注意保密'), 'PRV-06').status).toBe('warn');
    expect(byId(run('秘密★5年'), 'PRV-06').status).toBe('warn');
    expect(byId(run('严格执行保密审查制度，确保公开信息不涉及国家秘密、商业秘密和个人隐私。'), 'PRV-06').status).toBe('pass');
  });
});

describe('privacyChecks on the corpus', () => {
  it('seed-004 prints its reviewers (PRV-05) and only an office phone (PRV-01 pass)', async () => {
    const rs = privacyChecks(contextOf(await corpusModel('seeds/seed-004.txt')));
    expect(byId(rs, 'PRV-05').status).toBe('info');
    expect(byId(rs, 'PRV-01').status).toBe('pass');
  });

  it.each(CLEAN_REAL)('%s: no privacy alarm', async (file) => {
    const rs = privacyChecks(contextOf(await corpusModel(file)));
    expect(rs.map((r) => r.id)).toEqual(['PRV-01', 'PRV-02', 'PRV-03', 'PRV-04', 'PRV-05', 'PRV-06']);
    expect(rs.filter((r) => r.status === 'fail' || r.status === 'warn' || r.status === 'manual').map((r) => r.id)).toEqual([]);
  });

  it('finds a mobile number and an ID number injected into a real report', async () => {
    const id = validId('35012819850607001');
    const m = await editedCorpusModel('real/text/2023_fujian_pingtan_zhq.page.txt', (t) => {
      expect(t).toContain('电话：0591-23165385。');
      return t.replace('电话：0591-23165385。', `联系人：林小华，手机：13905912345，身份证号${id}。`);
    });
    const rs = privacyChecks(contextOf(m));
    expect(byId(rs, 'PRV-01')).toMatchObject({ status: 'fail', count: 1 });
    expect(byId(rs, 'PRV-01').message).toContain('13905912345');
    expect(byId(rs, 'PRV-02')).toMatchObject({ status: 'fail', count: 1 });
  });

  it('finds a mobile number injected into a traditional-script report', async () => {
    const m = await editedCorpusModel('seeds/seed-004.txt', (t) =>
      t.replace('電話:0745-3602131', '電話:0745-3602131,聯係人手機:158 7451 2368'),
    );
    expect(byId(privacyChecks(contextOf(m)), 'PRV-01').status).toBe('fail');
  });
});
