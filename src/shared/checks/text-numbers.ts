// Numbers stated in prose (Arabic, spaced digits, Chinese numerals) with their unit and place, for text-vs-table checks.
import { T2_V2019, T2_V2021, T3_COLUMNS, T3_GROUPS, T3_V2019, T3_V2021, T4_COLUMNS } from '../template/catalog';

/** A number found in normalised text (NFKC, simplified: full-width digits are already half-width). */
export interface StatedNumber {
  value: number;
  /** The unit written after it ("件", "万元", "%"…), '' when none is recognised. */
  unit: string;
  /** Offsets of the whole match (number and unit) in the searched string. */
  index: number;
  end: number;
  /** As written, e.g. "1 2件", "二十三件". */
  raw: string;
  /** "20余件", "近30件", "100多条": not an exact count. */
  approx: boolean;
  /** Written in Chinese numerals (一件, 十二件): idioms make these weaker evidence. */
  chinese: boolean;
  /** Digits separated by spaces ("1 2件", an extraction artefact) were joined. */
  spaced: boolean;
}

/** Units, longest first so that "人次" wins over "人" and "个工作日" over "个". */
const UNITS = [
  '个工作日',
  '工作日',
  '人次',
  '件次',
  '条次',
  '万元',
  '亿元',
  '件',
  '条',
  '次',
  '个',
  '篇',
  '期',
  '起',
  '宗',
  '例',
  '项',
  '份',
  '名',
  '家',
  '场',
  '批',
  '人',
  '户',
  '元',
  '页',
  '天',
  '日',
  '年',
  '月',
  '号',
  '类',
  '倍',
  '%',
  '‰',
];

/** Counting units that Chinese numerals are accepted with (dates, money and percentages are written in digits). */
const CN_UNITS = new Set(['件', '条', '次', '个', '篇', '期', '起', '宗', '例', '项', '份', '名', '家', '场', '批', '人次', '件次']);

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral: 十二 → 12, 二十三 → 23, 一百零五 → 105, 两千 → 2000, 三万五千 → 35000,
 * digit by digit without multipliers (二〇二四 → 2024). Undefined when the string is not a numeral.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (!s || !/^[零〇○一二两三四五六七八九十百千万]+$/.test(s)) return undefined;
  if (!/[十百千万]/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + (CN_DIGIT[ch] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch] ?? 0;
    } else if (ch in CN_SMALL) {
      section += (digit ?? 1) * (CN_SMALL[ch] ?? 1);
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

function unitAt(text: string, at: number): string {
  for (const u of UNITS) if (text.startsWith(u, at)) return u;
  return '';
}

/** After a number: optional space, optional 余/多 (approximate), then a unit; 万/亿 scale the value unless money follows. */
function readTail(text: string, at: number, value: number): { unit: string; end: number; value: number; approx: boolean } {
  let i = at;
  if (text[i] === ' ') i++;
  let approx = false;
  let v = value;
  if (text[i] === '万' || text[i] === '亿') {
    const scale = text[i] === '万' ? 1e4 : 1e8;
    if (text[i + 1] === '元') return { unit: text[i] + '元', end: i + 2, value: v, approx };
    v *= scale;
    i++;
  }
  if (text[i] === '余' || text[i] === '多') {
    approx = true;
    i++;
  }
  const unit = unitAt(text, i);
  if (!unit) return { unit: '', end: at, value: v, approx };
  return { unit, end: i + unit.length, value: v, approx };
}

/** Words before a number that make it approximate. */
const APPROX_BEFORE = /(近|约|超过|超|逾|将近|大约|上千|数)$/;

/** A run of digits split by single spaces is one number only when the unit follows (the "1 2件" extraction artefact). */
const ARABIC = /(?<![\d.])(\d{1,3}(?: \d{1,3})+(?= ?(?:余|多)?(?:件|条|次|个|篇|期|起|宗|例|项|份|名|家|场|人次))|\d[\d,]*(?:\.\d+)?)/g;

function arabicNumbers(text: string): StatedNumber[] {
  const out: StatedNumber[] = [];
  for (const m of text.matchAll(ARABIC)) {
    const raw = m[0];
    const spaced = raw.includes(' ');
    const digits = raw.replace(/[ ,]/g, '');
    if (/,/.test(raw) && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) continue; // "3,4" is a list, not 34
    const start = m.index;
    const tail = readTail(text, start + raw.length, Number(digits));
    const approx = tail.approx || APPROX_BEFORE.test(text.slice(Math.max(0, start - 2), start));
    out.push({
      value: tail.value,
      unit: tail.unit,
      index: start,
      end: tail.unit ? tail.end : start + raw.length,
      raw: text.slice(start, tail.unit ? tail.end : start + raw.length),
      approx,
      chinese: false,
      spaced,
    });
  }
  return out;
}

/** Characters before a Chinese numeral that make it an ordinal or part of a word (第一件, 统一, 唯一, 每一次). */
const CN_NOT_AFTER = /[第每其统唯同之逐单万几数十百千一二三四五六七八九两零〇]$/;
/** Idioms that read like counts but are not (高效办成一件事, 一次性告知, 一次办好). */
const CN_IDIOM = /^(一件事|一次性|一次办|一次告知|一次说清|一次成|一次也不跑|一条龙|一个窗口|一个平台|一个号码|一张网|一件实事)/;

function chineseNumbers(text: string): StatedNumber[] {
  const out: StatedNumber[] = [];
  for (const m of text.matchAll(/[零〇○一二两三四五六七八九十百千万]+/g)) {
    const start = m.index;
    const raw = m[0];
    if (CN_NOT_AFTER.test(text.slice(0, start))) continue;
    if (/^[百千万]/.test(raw)) continue; // 千家万户, 万元: a multiplier without a digit is a word, not a count
    const value = parseChineseNumeral(raw);
    if (value === undefined) continue;
    const tail = readTail(text, start + raw.length, value);
    if (!CN_UNITS.has(tail.unit)) continue;
    if (CN_IDIOM.test(text.slice(start))) continue;
    const approx = tail.approx || APPROX_BEFORE.test(text.slice(Math.max(0, start - 2), start));
    out.push({
      value: tail.value,
      unit: tail.unit,
      index: start,
      end: tail.end,
      raw: text.slice(start, tail.end),
      approx,
      chinese: true,
      spaced: false,
    });
  }
  return out;
}

/**
 * Every number stated in a normalised string, in order of appearance, with its unit and offsets. Arabic numbers are
 * returned with or without a unit (a caller filters by unit); Chinese numerals only with a counting unit.
 */
export function statedNumbers(norm: string): StatedNumber[] {
  return [...arabicNumbers(norm), ...chineseNumbers(norm)].sort((a, b) => a.index - b.index);
}

/** Counting units for applications, cases and documents (件, 起, 宗…), i.e. numbers a table cell could hold. */
export const COUNT_UNITS = new Set(['件', '起', '宗', '例', '份', '件次', '项', '个', '条', '次', '篇', '期', '家', '批']);

/** Numbers stated with a counting unit ("1件", "二十三件", "1 2件"), in order. Years, dates, money and percentages are left out. */
export function statedCounts(norm: string): StatedNumber[] {
  return statedNumbers(norm).filter((n) => COUNT_UNITS.has(n.unit));
}

/** Printed labels of the three tables (keys: normalised, no spaces), longest first so that a label is removed whole. */
const TABLE_LABELS: string[] = [
  ...[...T3_V2021, ...T3_V2019, ...T3_GROUPS].map((r) => r.label),
  ...[...T3_COLUMNS, ...T4_COLUMNS].flatMap((c) => c.labels),
  ...[...T2_V2021, ...T2_V2019].flatMap((b) => b.rows.flatMap((r) => [r.label, ...r.cols.flatMap((c) => c.labels)])),
  '三、本年度办理结果',
  '本年度办理结果',
  '申请人情况',
  '法人或其他组织',
  '信息内容',
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '复议后起诉',
  '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
  '区分处理的,只计这一情形,不计其他情形',
  '(单位:万元)',
]
  .map((l) => l.replace(/[\s\u3000]/g, '').normalize('NFKC'))
  .filter((l, i, all) => l.length >= 2 && all.indexOf(l) === i)
  .sort((a, b) => b.length - a.length);

const labelRe = (labels: string[]) => new RegExp(labels.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'g');
const LONG_LABELS = labelRe(TABLE_LABELS.filter((l) => l.length >= 4));
/** Short labels (其他, 总计, 规章) are ordinary words too: they mark a table row only next to values. */
const SHORT_LABELS = labelRe(TABLE_LABELS.filter((l) => l.length < 4));
/** What may surround labels in a table row: values, enumerators, bracket and list marks, the 第二十条第(X)项 caption. */
const ROW_NOISE = /第二十条第\(?[一二三四五六七八九十]+\)?项|[\d.,\-/%()、:;|\t一二三四五六七八九十〇]/g;
/** Characters other than labels and values a table row may still hold (a local note in a header, a wrapped fragment). */
const ROW_SLACK = 12;

const TABLE_CACHE = new Map<string, boolean>();

/**
 * True for a table row, header or cell read as a sentence: once its template labels, values and enumerators are
 * taken away, hardly anything is left. A prose sentence that quotes a label ("1件结转下年度继续办理") keeps its words.
 */
export function isTableLine(norm: string): boolean {
  const hit = TABLE_CACHE.get(norm);
  if (hit !== undefined) return hit;
  const compact = norm.replace(/[ \t]/g, '');
  let unlabelled = compact.replace(LONG_LABELS, '');
  if (/\d/.test(compact)) unlabelled = unlabelled.replace(SHORT_LABELS, '');
  const rest = unlabelled.replace(ROW_NOISE, '');
  const labelled = unlabelled.length < compact.length;
  // Sentence punctuation outside the labels marks prose: table rows carry none.
  const value = rest.length === 0 || (labelled && rest.length <= ROW_SLACK && !/[,;。!?]/.test(unlabelled));
  if (TABLE_CACHE.size > 20000) TABLE_CACHE.clear();
  TABLE_CACHE.set(norm, value);
  return value;
}

/**
 * Labels of tables 三 and 四 that read like statements ("4.无正当理由大量反复申请", "未经复议直接起诉", "尚未审结"): in
 * text where a table was flattened into a prose line they must not be taken for the unit's own words.
 */
const T3_T4_LABELS = labelRe(
  [
    // Whole printed labels only: the parser's short keys (结转下年度, 上年结转) are ordinary words of prose too.
    ...[...T3_V2021, ...T3_V2019].map((r) => r.label),
    ...T3_GROUPS.map((g) => g.label),
    ...T4_COLUMNS.flatMap((c) => c.labels),
    '三、本年度办理结果',
    '本年度办理结果',
    '申请人情况',
    '法人或其他组织',
    '未经复议直接起诉',
    '复议后起诉',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
  ]
    .map((l) => l.replace(/[\s\u3000]/g, '').normalize('NFKC'))
    .filter((l, i, all) => l.length >= 4 && all.indexOf(l) === i)
    .sort((a, b) => b.length - a.length),
);

/** A compact normalised sentence with the labels of tables 三/四 replaced by "|" (a clause break). */
export function withoutTableLabels(compact: string): string {
  return compact.replace(T3_T4_LABELS, '|');
}
