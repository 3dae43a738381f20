// Title, issuing organ, report year and publish date: from portal metadata first, then the document's own words.
// Never from the file name (lessons.md: a year guessed from a file name is a classic bug).
import type { DocumentMeta, SourceDocument } from '../document/types';
import { normalizeText } from '../normalize/text';

export interface ReportMeta {
  title: string | null;
  organ: string | null;
  year: number | null;
  publishedAt: string | null;
}

const TITLE = /^(.{2,60}?)(\d{4})\s*年\s*度?\s*(?:的)?\s*(?:政府)?(?:信息|政务)公开(?:工作)?(?:年度)?报告/;
const PERIOD = /(?:统计期限|统计时限|统计期间|涵盖|期限为|时间为|自)[^。]{0,12}?(\d{4})\s*年\s*1\s*月\s*1\s*日/;
const PERIOD_LOOSE = /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-)\s*(?:\d{4}\s*年\s*)?12\s*月\s*31\s*日/;
const PUBLISHED = /(?:发布|发文|公开)(?:日期|时间|日时间)\s*[:：]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const FIELD = (name: string) => new RegExp(`${name}\\s*[:：]\\s*([^\\s:：]{2,40})`);

export function readMeta(doc: SourceDocument, traditional: boolean): ReportMeta {
  const lines = textLines(doc).map((l) => normalizeText(l, traditional).trim());
  const head = lines.slice(0, 40);
  const meta: DocumentMeta = doc.meta;
  const titleLine = [normalizeText(meta.title ?? '', traditional), ...head.map((l) => l.replace(/^(标题|名称)\s*[:：]\s*/, ''))].find((l) =>
    TITLE.test(l.replace(/ /g, '')),
  );
  const title = titleLine ? titleLine.replace(/ /g, '').replace(/[_|-].*$/, '') : null;
  const t = title ? TITLE.exec(title) : null;
  const year = t ? Number(t[2]) : periodYear(lines);
  const organ = (t ? cleanOrgan(t[1]!) : null) ?? fieldValue(head, '发布机构') ?? frequentUnit(lines);
  return { title, organ, year: year && year > 1990 && year < 2100 ? year : null, publishedAt: meta.publishedAt ?? publishedIn(lines) };
}

function textLines(doc: SourceDocument): string[] {
  const out: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'table') continue;
    out.push(...b.text.split('\n'));
  }
  return out;
}

function periodYear(lines: string[]): number | null {
  for (const l of lines) {
    const m = PERIOD.exec(l) ?? PERIOD_LOOSE.exec(l);
    if (m) return Number(m[1]);
  }
  return null;
}

function publishedIn(lines: string[]): string | null {
  for (const l of [...lines.slice(0, 30), ...lines.slice(-15)]) {
    const m = PUBLISHED.exec(l);
    if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y > 1990 && y < 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fieldValue(lines: string[], name: string): string | null {
  for (const l of lines) {
    const m = FIELD(name).exec(l);
    if (m) return cleanOrgan(m[1]!);
  }
  return null;
}

/** Strips leading words that are not part of a name (关于, 年度 prefixes, quotes, brackets). */
function cleanOrgan(s: string): string | null {
  const name = s
    .replace(/[\s"“”《》【】[\]]/g, '')
    .replace(/^(关于|有关)/, '')
    .trim();
  return name.length >= 2 && name.length <= 40 ? name : null;
}

const UNIT_SUFFIX = /(人民政府|街道办事处|管委会|镇|乡|街道|局)$/;

/** No title and no portal field: the unit name the text repeats most (seed 000 names itself only in prose). */
function frequentUnit(lines: string[]): string | null {
  const text = lines.join('\n');
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/[\u4e00-\u9fff]{2,12}?(?:人民政府|街道办事处|镇|乡|街道)/g)) {
    for (let i = 0; i < m[0].length - 1; i++) {
      const name = m[0].slice(i);
      if (UNIT_SUFFIX.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestCount = 2;
  for (const [name, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && name.length > best.length)) {
      best = name;
      bestCount = n;
    }
  }
  return best;
}
