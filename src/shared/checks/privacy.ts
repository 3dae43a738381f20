// The privacy and security checks of domain.md §6.7 (PRV-01…06) on the printed prose: personal mobile numbers, ID
// numbers, names of applicants, personal mail or home addresses, internal reviewers' names, classified-document marks.
import { result, spanOf, type EvalContext, type Sentence } from './context';
import { flattenedTable } from './structure-text';
import type { CheckResult } from './types';

export function privacyChecks(ctx: EvalContext): CheckResult[] {
  const prose = ctx.sentences;
  return [mobileCheck(prose), idCheck(ctx, prose), namesCheck(prose), mailCheck(prose), reviewersCheck(prose), secretsCheck(prose)];
}

const TERMINATED = /[。；;！？!?]\s*$/;

/**
 * The text a sentence continues: the sentence before it when that one stops without closing punctuation. A PDF
 * paragraph is often cut at a line or page break ("…联系人王五，手机号码" | "139 0591 2468。"), and a number must
 * still be read with the words that announce it, or across the break.
 */
function leadOf(prose: readonly Sentence[], i: number): string {
  const prev = prose[i - 1];
  return prev && !TERMINATED.test(prev.norm) ? prev.norm : '';
}

/** Matches of `re` in the sentence, or straddling from its lead into it, each with the text before it. */
function scan(s: Sentence, lead: string, re: RegExp): { m: RegExpExecArray; before: string }[] {
  const joined = lead ? `${lead} ${key(s)}` : key(s);
  const offset = lead ? lead.length + 1 : 0;
  const out: { m: RegExpExecArray; before: string }[] = [];
  for (const m of joined.matchAll(re)) if (m.index + m[0].length > offset) out.push({ m, before: joined.slice(0, m.index) });
  return out;
}

const key = (s: Sentence) => s.norm;
/** Words that announce a contact number: required before a number inside a table flattened into text. */
const PHONE_WORDS = /(电话|手机|联系|号码|热线|微信|tel|TEL|Tel)[^。；]{0,12}$/;

// ---- PRV-01 ----

/**
 * A mainland mobile number: 1[3-9] and nine digits, bare or grouped 3-4-4 by a space or hyphen. Not part of a longer
 * number, code or URL, not a decimal ("13575394432.52元"), not an amount or count ("15000000000元").
 */
const MOBILE = /(?<![\dA-Za-z_./=?&#%-])(1[3-9]\d)([- ]?)(\d{4})\2(\d{4})(?![\dA-Za-z_%]|\.\d|\s?[元万亿件条次人个户份页项])/g;

export function findMobiles(s: Sentence, lead = ''): string[] {
  const tabular = flattenedTable(key(s));
  const out: string[] = [];
  for (const { m, before } of scan(s, lead, MOBILE)) {
    // Space-grouped digits may be three table values in a row ("139 1234 5678"): only with a contact word.
    const needsWord = tabular || m[2] === ' ';
    if (needsWord && !PHONE_WORDS.test(before)) continue;
    out.push(m[0]);
  }
  return out;
}

function mobileCheck(prose: Sentence[]): CheckResult {
  const hits = prose.map((s, i) => ({ s, found: findMobiles(s, leadOf(prose, i)) })).filter((h) => h.found.length > 0);
  if (hits.length === 0) return result('PRV-01', 'pass', '未发现个人手机号码');
  const numbers = [...new Set(hits.flatMap((h) => h.found))];
  return result('PRV-01', 'fail', `正文中有 ${numbers.length} 个手机号码：${numbers.join('、')}`, {
    spans: hits.slice(0, 6).map((h) => spanOf(h.s)),
    count: numbers.length,
  });
}

// ---- PRV-02 ----

const ID = /(?<![\dA-Za-z])([1-9]\d{5}) ?((?:19|20)\d{2})(\d{2})(\d{2}) ?(\d{3})([\dXx])(?![\dA-Za-z])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83, 91,
]);
const ID_WORDS = /身份证|证件号|公民身份号码|身份号码/;

/** GB 11643 check digit of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return '10X98765432'[sum % 11]!;
}

function plausibleBirth(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2030 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

interface IdHit {
  s: Sentence;
  id: string;
  valid: boolean;
}

function findIds(s: Sentence, lead = ''): IdHit[] {
  const out: IdHit[] = [];
  // A table flattened into text runs values together; there an ID must be announced as one.
  if (flattenedTable(s.norm) && !ID_WORDS.test(lead + s.norm)) return out;
  for (const { m } of scan(s, lead, ID)) {
    const digits = m[0].replace(/ /g, '').toUpperCase();
    if (!PROVINCES.has(Number(digits.slice(0, 2)))) continue;
    if (!plausibleBirth(Number(m[2]), Number(m[3]), Number(m[4]))) continue;
    out.push({ s, id: digits, valid: idCheckDigit(digits.slice(0, 17)) === digits[17] });
  }
  return out;
}

/** Shows an ID number masked in messages: the report holds the full number, the message need not repeat it. */
const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

function idCheck(ctx: EvalContext, prose: Sentence[]): CheckResult {
  const hits = prose.flatMap((s, i) => findIds(s, leadOf(prose, i)));
  const year = ctx.report.year;
  const valid = hits.filter((h) => h.valid && (year === null || Number(h.id.slice(6, 10)) <= year));
  if (valid.length > 0) {
    const ids = [...new Set(valid.map((h) => h.id))];
    return result('PRV-02', 'fail', `正文中有 ${ids.length} 个身份证号码：${ids.map(mask).join('、')}`, {
      spans: valid.slice(0, 6).map((h) => spanOf(h.s)),
      count: ids.length,
    });
  }
  // A wrong check digit is usually another kind of number; said to be an ID, the inspector should look.
  const named = hits.filter((h) => ID_WORDS.test(h.s.norm));
  if (named.length > 0) {
    return result(
      'PRV-02',
      'manual',
      `正文有标明为身份证号码的18位数字（校验位不符）：${named.map((h) => mask(h.id)).join('、')}，请核实`,
      {
        spans: named.slice(0, 6).map((h) => spanOf(h.s)),
      },
    );
  }
  return result('PRV-02', 'pass', '未发现身份证号码');
}

// ---- PRV-03 ----

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤舒易常温庞樊兰殷施牛洪鲁葛伍章岳齐康';
/** Characters that follow a role word but are not part of a name ("申请人向本机关…", "村民代表"). */
const NOT_NAME = /[我本其该此这那各等和与及或的了在是有对于因为镇乡局区县市村组政府部门单位人员申请公开信息提供相关依法进行行业务工作项目]/;
const BOUNDARY = '(?=[，,。、;；:：()\\s]|$|向|因|称|申请|提出|反映|诉|来到|等|同志|先生|女士|要求)';
const PRIVATE_ROLE = '申请人|当事人|举报人|投诉人|反映人|信访人|村民|居民|原告|第三人';
const OFFICIAL_ROLE = '乡长|镇长|县长|区长|市长|局长|主任|书记|副书记|副乡长|副镇长|副县长|副局长|副主任|站长|所长';
const PSEUDONYM = /^(某某|某|XX|xx|××|\*{1,2}|○{1,2})$/;

/** Role word, surname, given name or pseudonym; for private persons the name must end at a boundary. */
function nameRe(roles: string, boundary: string): RegExp {
  return new RegExp(`(${roles})[:：]?([${SURNAMES}])(某某|某|XX|xx|××|\\*{1,2}|○{1,2}|[\\u4e00-\\u9fff]{1,2})${boundary}`, 'g');
}
const PRIVATE_NAME = nameRe(PRIVATE_ROLE, BOUNDARY);
// Officials are only reported as info, so their names need no boundary ("乡长李金锋主持…").
const OFFICIAL_NAME = nameRe(OFFICIAL_ROLE, '');

interface NameHit {
  s: Sentence;
  text: string;
  pseudonym: boolean;
}

function findNames(prose: Sentence[], re: RegExp): NameHit[] {
  const out: NameHit[] = [];
  for (const s of prose) {
    if (flattenedTable(s.norm)) continue;
    for (const m of s.key.matchAll(re)) {
      const given = m[3] ?? '';
      const pseudonym = PSEUDONYM.test(given);
      if (!pseudonym && NOT_NAME.test(given)) continue;
      out.push({ s, text: m[0], pseudonym });
    }
  }
  return out;
}

function namesCheck(prose: Sentence[]): CheckResult {
  const privates = findNames(prose, PRIVATE_NAME);
  const full = privates.filter((h) => !h.pseudonym);
  if (full.length > 0) {
    return result('PRV-03', 'manual', `疑似公开了申请人等个人姓名：${[...new Set(full.map((h) => h.text))].join('、')}，请核实`, {
      spans: full.slice(0, 6).map((h) => spanOf(h.s)),
      count: full.length,
    });
  }
  if (privates.length > 0) {
    return result('PRV-03', 'info', `个人姓名已作匿名处理：${[...new Set(privates.map((h) => h.text))].join('、')}`, {
      spans: privates.slice(0, 6).map((h) => spanOf(h.s)),
    });
  }
  const officials = findNames(prose, OFFICIAL_NAME).filter((h) => !h.pseudonym);
  if (officials.length > 0) {
    return result(
      'PRV-03',
      'info',
      `出现公职人员姓名（以公务身份出现，通常可公开）：${[...new Set(officials.map((h) => h.text))].join('、')}`,
      {
        spans: officials.slice(0, 6).map((h) => spanOf(h.s)),
      },
    );
  }
  return result('PRV-03', 'pass', '未发现申请人等个人姓名');
}

// ---- PRV-04 ----

const FREE_MAIL = /[A-Za-z0-9._%+-]+@(qq|163|126|sina|sohu|gmail|hotmail|yeah|foxmail|139|aliyun)\.(com|cn|net)/i;
/** A free mailbox is a person's only when the sentence is about a person; offices often use 163.com (淮安, 平潭). */
const PERSONAL = /申请人|当事人|举报人|投诉人|个人邮箱|私人|本人|村民|居民/;
const HOME = /(家住|家庭住址|现住址|住址[:：]|现居住于|户籍所在地)[^。；]{0,20}?(村|组|号|路|街|小区|栋|室|单元)/;

function mailCheck(prose: Sentence[]): CheckResult {
  const hits: { s: Sentence; what: string }[] = [];
  for (const s of prose) {
    const mail = FREE_MAIL.exec(s.norm);
    if (mail && PERSONAL.test(s.norm)) hits.push({ s, what: `个人邮箱${mail[0]}` });
    const home = HOME.exec(s.key);
    if (home) hits.push({ s, what: `住址“${home[0]}”` });
  }
  if (hits.length === 0) return result('PRV-04', 'pass', '未发现个人邮箱或住址');
  return result('PRV-04', 'warn', `疑似公开了个人信息：${hits.map((h) => h.what).join('、')}`, {
    spans: hits.slice(0, 6).map((h) => spanOf(h.s)),
    count: hits.length,
  });
}

// ---- PRV-05 ----

const REVIEWERS = /初审[:：]?[\u4e00-\u9fff]{2,4}.{0,12}?(复审|终审)|(审核人|审签人|签发人|核稿人|校对人)[:：][\u4e00-\u9fff]{2,4}/;

function reviewersCheck(prose: Sentence[]): CheckResult {
  const hits = prose.filter((s) => REVIEWERS.test(s.key));
  if (hits.length === 0) return result('PRV-05', 'pass', '未印出内部审核人员');
  return result('PRV-05', 'info', `印出了内部审核流程及人员：${hits.map((s) => s.text).join('；')}`, {
    spans: hits.slice(0, 3).map(spanOf),
  });
}

// ---- PRV-06 ----

/** Classification marks, not the words of good practice ("保密审查", "不涉及国家秘密"). */
const SECRET = /(秘密|机密|绝密)(级|★|\*|[:：]?\d+年)|密级[:：]|内部资料|注意保密|不得外传|内部文件,?请勿/;
const BENIGN = /审查|不涉|防止|杜绝|严禁|确保|不予公开|不公开|泄露|泄密/;

function secretsCheck(prose: Sentence[]): CheckResult {
  const hits = prose.filter((s) => {
    const k = s.key;
    return SECRET.test(k) && !BENIGN.test(k);
  });
  if (hits.length === 0) return result('PRV-06', 'pass', '未发现涉密标识');
  const words = [...new Set(hits.map((s) => SECRET.exec(s.key)?.[0] ?? ''))].join('、');
  return result('PRV-06', 'warn', `正文出现涉密标识：${words}，请核实是否公开了涉密内容`, {
    spans: hits.slice(0, 5).map(spanOf),
    count: hits.length,
  });
}
