// Reading the statistic period ("统计期限为2025年1月1日至12月31日") and the title year, shared by STR-12, MET-03, MET-05.
import type { Sentence } from './context';

export interface Period {
  sentence: Sentence;
  startYear: number;
  startMonth: number;
  startDay: number;
  /** The year printed at the end of the range; null when the range says only "至12月31日". */
  endYear: number | null;
  endMonth: number;
  endDay: number;
}

// 年 and 月 are optional because extraction loses them next to digits ("202511日至1231日", domain.md F12).
// Dotted and hyphenated dates ("2024.1.1-2024.12.31", "2024-01-01至2024-12-31") are read too.
const RANGE =
  /(\d{4})[年./-]?(?:度)?(\d{1,2})[月./-]?(\d{1,2})日?(?:起)?(?:至|到|-|~|—)(?:(\d{4})[年./-]?)?(\d{1,2})[月./-]?(\d{1,2})(?:日|(?!\d))/;
/** Words that make a date range the statistic period rather than some campaign's dates. */
const PERIOD_WORDS = /统计期限|统计时限|统计期间|统计时间|统计周期|数据时限|数据期限|期限为|时限为|时限自|期限自|所列数据|统计数据|涵盖/;

function parseRange(norm: string): Omit<Period, 'sentence'> | null {
  const m = RANGE.exec(norm.replace(/\s/g, ''));
  if (!m) return null;
  const n = (i: number) => (m[i] === undefined ? null : Number(m[i]));
  const [sy, sm, sd, ey, em, ed] = [n(1), n(2), n(3), n(4), n(5), n(6)];
  if (sy === null || sm === null || sd === null || em === null || ed === null) return null;
  if (sy < 1990 || sy > 2100 || sm > 12 || em > 12 || sm < 1 || em < 1 || sd < 1 || sd > 31 || ed < 1 || ed > 31) return null;
  return { startYear: sy, startMonth: sm, startDay: sd, endYear: ey, endMonth: em, endDay: ed };
}

/** The statistic period: a date range in a sentence that names it as such; else a whole-year range anywhere before section 二. */
export function findPeriod(sentences: readonly Sentence[]): Period | null {
  for (const s of sentences) {
    if (!PERIOD_WORDS.test(s.norm)) continue;
    const r = parseRange(s.norm);
    if (r) return { sentence: s, ...r };
  }
  for (const s of sentences) {
    if (s.section !== null && s.section > 1) continue;
    const r = parseRange(s.norm);
    if (r && isFullYear(r)) return { sentence: s, ...r };
  }
  return null;
}

export function isFullYear(p: Omit<Period, 'sentence'>): boolean {
  return (
    p.startMonth === 1 && p.startDay === 1 && p.endMonth === 12 && p.endDay === 31 && (p.endYear === null || p.endYear === p.startYear)
  );
}

export function formatPeriod(p: Omit<Period, 'sentence'>): string {
  const end = `${p.endYear ?? p.startYear}年${p.endMonth}月${p.endDay}日`;
  return `${p.startYear}年${p.startMonth}月${p.startDay}日至${end}`;
}

/** The year a title names ("…2025年政府信息公开工作年度报告"), from the normalised title text. */
export function titleYear(title: string | null): number | null {
  if (!title) return null;
  const m = /(\d{4})\s*年/.exec(title.normalize('NFKC'));
  const y = m ? Number(m[1]) : NaN;
  return y > 1990 && y < 2100 ? y : null;
}
