// Portal chrome of saved government pages: labelled metadata lines (索引号, 发布日期, 来源…) and UI strings kept out of the blocks.
import type { DocumentMeta } from '../../../../shared/document/types';

/** Labels portals put before metadata values; longer spellings first so the alternation prefers them. */
const LABELS = [
  '索引号', '发布机构', '发文机关', '发文机构', '发布日期', '发布时间', '發布日期', '發布時間', '成文日期', '生成日期', '印发日期',
  '信息来源', '信息來源', '文章来源', '稿件来源', '来源', '來源', '发文字号', '文号', '主题分类', '主题词', '公开方式', '公开范围',
  '公开时限', '公开形式', '有效性', '体裁分类', '组配分类', '内容分类', '服务对象', '所属机构', '责任编辑', '浏览次数', '点击数',
  '访问次数', '作者', '时间', '日期',
]; // prettier-ignore

// No separator is required before a label: adjacent spans ("来源：…</span><span>时间：…") often run together.
const LABEL_RE = new RegExp(`()(${LABELS.join('|')})\\s*[:：]`, 'g');
const LINE_STARTS_WITH_LABEL = new RegExp(`^[\\s\\u00a0\\u3000【\\[]*(${LABELS.join('|')})\\s*[:：]`);

/** Field labels whose value is a publication date, best first. 成文日期 (date signed) is never the publication date. */
const PUBLISH_DATE_LABELS = ['发布日期', '发布时间', '發布時間', '發布日期', '时间', '日期'];
const PUBLISHER_LABELS = ['发布机构', '发文机关', '发文机构', '信息来源', '信息來源', '来源', '來源', '文章来源', '稿件来源'];

/** UI strings of portal templates; matched only on short lines, so report prose that mentions them survives. */
const CHROME_RE = new RegExp(
  [
    '关闭窗口', '打印本页', '打印此页', '打印文章', '【\\s*打印\\s*】', '下载\\s*(word|WORD|Word|pdf|PDF)', '扫一扫', '在手机(上)?(打开|查看|浏览)',
    '字号\\s*[:：]', '字体\\s*[:：]', '[【\\[]?\\s*大\\s+中\\s+小\\s*[】\\]]?', '当前位置', '您的位置', '您现在的位置', '网站标识码',
    'ICP\\s*备', '公网安备', '主办单位', '承办单位', '技术支持', '版权所有', '网站地图', '返回顶部', '分享到', '^相关链接', '附件下载',
    '浏览次数', '访问次数', '^【?\\s*(关闭|打印|收藏|返回|顶部|纠错|分享)\\s*】?$', '^首页\\s*[>＞»›]', '长者模式', '无障碍',
  ].join('|'),
); // prettier-ignore

const BLANK_RE = /^[\s\u00a0\u3000\ufeff]*$/;

export function isBlank(text: string): boolean {
  return BLANK_RE.test(text);
}

/** A short line made of template UI (print/close buttons, QR prompt, breadcrumb, footer). */
export function isChromeLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 80 && CHROME_RE.test(t);
}

/** A short line that starts with a metadata label (索引号：…, 来源：… 时间：…). */
export function isMetaLine(text: string): boolean {
  return text.length <= 200 && LINE_STARTS_WITH_LABEL.test(text);
}

/** All `label：value` pairs in a line; a value runs to the next label. */
export function labelledFields(line: string): [string, string][] {
  const hits: { label: string; start: number; end: number }[] = [];
  for (const m of line.matchAll(LABEL_RE)) {
    const lead = m[1] ?? '';
    hits.push({ label: m[2]!, start: m.index + lead.length, end: m.index + m[0].length });
  }
  return hits.map((h, i) => {
    const value = line.slice(h.end, hits[i + 1]?.start ?? line.length);
    return [h.label, value.replace(/^[\s\u00a0\u3000|｜】\]]+|[\s\u00a0\u3000|｜【[]+$/g, '')];
  });
}

/** ISO date (YYYY-MM-DD) from "2025-03-10 15:35", "2025年3月10日", "2025/3/10", "2025.03.10"; undefined when none or invalid. */
export function isoDate(text: string): string | undefined {
  const m = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return undefined; // 2月30日
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** <meta name=…> values a portal template sets, keyed by lower-case name. */
export type HeadMeta = Map<string, string>;

/** Builds the document metadata from head meta tags (preferred: the CMS wrote them) and labelled chrome lines. */
export function buildMeta(head: HeadMeta, title: string | undefined, fields: Map<string, string>): DocumentMeta {
  const meta: DocumentMeta = {};
  const articleTitle = head.get('articletitle') || cleanTitle(title);
  if (articleTitle) meta.title = articleTitle;
  const pubDate = isoDate(head.get('pubdate') ?? '') ?? firstDate(fields);
  if (pubDate) meta.publishedAt = pubDate;
  const publisher = head.get('contentsource') || PUBLISHER_LABELS.map((l) => fields.get(l)).find((v) => v);
  if (publisher) meta.publisher = publisher;
  const author = head.get('author') || fields.get('作者');
  if (author) meta.author = author;
  const all: Record<string, string> = {};
  for (const [k, v] of head) if (v && k !== 'articletitle') all[k] = v;
  for (const [k, v] of fields) if (v) all[k] = v;
  if (Object.keys(all).length > 0) meta.fields = all;
  return meta;
}

function firstDate(fields: Map<string, string>): string | undefined {
  for (const label of PUBLISH_DATE_LABELS) {
    const d = isoDate(fields.get(label) ?? '');
    if (d) return d;
  }
  return undefined;
}

/** "<报告标题>_平潭综合实验区党工委管委会" → the part that names the report. */
function cleanTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const parts = title.split(/\s*[_|｜]\s*|\s+[-–—]\s+/).filter((p) => p.trim());
  return (parts.find((p) => /报告|報告/.test(p)) ?? parts[0] ?? title).trim() || undefined;
}
