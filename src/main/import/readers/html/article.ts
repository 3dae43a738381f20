// Finds the element that holds the report on a saved portal page: known CMS containers first, else the text-dominant element.
import { isTag, isText, type Element } from 'domhandler';
import { isLayoutTableElement } from './blocks';

/** Class names and ids CMS templates give the article body (compared case-insensitively). */
const KNOWN_CLASSES = new Set([
  'trs_editor', 'trs_ueditor', 'article_content', 'article-content', 'article_con', 'zoom', 'custom_unionstyle', 'article',
  'pages_content', 'content_text', 'news_content', 'detail_content', 'view', 'wzcon', 'xxgk_content',
]); // prettier-ignore
const KNOWN_IDS = new Set(['zoom', 'content', 'ucap-content', 'article', 'vsb_content', 'fontzoom', 'artibody', 'zoomcon']);

/** Phrases every 政府信息公开年报 uses; a container without any of them is not the report. */
const MARKER_RE = /总体情况|主动公开|依申请|本年新收|政府信息公开|信息公开|年度报告|行政复议/g;

const BLOCKISH = new Set(['p', 'div', 'table', 'section', 'article', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'blockquote', 'pre', 'dl', 'tbody', 'tr', 'td', 'th']); // prettier-ignore

interface TextStats {
  /** Non-space characters under each element. */
  len: Map<Element, number>;
  /** Characters under each element that are not inside a link (navigation is mostly links). */
  content: Map<Element, number>;
  /** Report marker phrases under each element. */
  marks: Map<Element, number>;
  depth: Map<Element, number>;
}

/** One iterative post-order pass: character counts and marker counts for every element. */
function computeStats(body: Element): TextStats {
  const stats: TextStats = { len: new Map(), content: new Map(), marks: new Map(), depth: new Map([[body, 0]]) };
  const stack: { el: Element; done: boolean; inLink: boolean }[] = [{ el: body, done: false, inLink: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    const { el, inLink } = top;
    if (!top.done) {
      stack.push({ el, done: true, inLink });
      for (const c of el.children) {
        if (!isTag(c)) continue;
        stats.depth.set(c, (stats.depth.get(el) ?? 0) + 1);
        stack.push({ el: c, done: false, inLink: inLink || c.name === 'a' });
      }
      continue;
    }
    let len = 0;
    let content = 0;
    let marks = 0;
    for (const c of el.children) {
      if (isText(c)) {
        const n = c.data.replace(/[\s\u00a0\u3000]+/g, '').length;
        len += n;
        if (!inLink) content += n;
        marks += c.data.match(MARKER_RE)?.length ?? 0;
      } else if (isTag(c)) {
        len += stats.len.get(c) ?? 0;
        content += stats.content.get(c) ?? 0;
        marks += stats.marks.get(c) ?? 0;
      }
    }
    stats.len.set(el, len);
    stats.content.set(el, content);
    stats.marks.set(el, marks);
  }
  return stats;
}

function isKnownContainer(el: Element): boolean {
  const id = el.attribs['id']?.toLowerCase();
  if (id && KNOWN_IDS.has(id)) return true;
  const cls = el.attribs['class'];
  return !!cls && cls.split(/\s+/).some((c) => KNOWN_CLASSES.has(c.toLowerCase()));
}

/** Walks down while one child holds most of the non-link text (and the report phrases). */
function dominantDescent(body: Element, stats: TextStats): Element {
  let cur = body;
  for (;;) {
    let best: Element | undefined;
    for (const c of cur.children) {
      if (isTag(c) && (!best || (stats.content.get(c) ?? 0) > (stats.content.get(best) ?? 0))) best = c;
    }
    // A paragraph is never the container: descend only into elements that themselves hold blocks.
    if (!best || !best.children.some((c) => isTag(c) && BLOCKISH.has(c.name))) return cur;
    const share = (stats.content.get(best) ?? 0) / Math.max(1, stats.content.get(cur) ?? 0);
    const keepsMarks = (stats.marks.get(best) ?? 0) >= 0.6 * (stats.marks.get(cur) ?? 0);
    if (share < 0.6 || !keepsMarks) return cur;
    cur = best;
  }
}

/** A container chosen inside a data table is widened to the element that holds the table: data tables are read as tables. */
function outsideDataTables(el: Element, body: Element): Element {
  let result = el;
  for (let cur: Element | null = el; cur && cur !== body; cur = cur.parent && isTag(cur.parent) ? cur.parent : null) {
    if (cur.name === 'table' && (cur === result || !isLayoutTableElement(cur)) && cur.parent && isTag(cur.parent)) result = cur.parent;
  }
  return result;
}

/** The element whose content is the report, never null: falls back to <body>. */
export function findArticle(body: Element): Element {
  const stats = computeStats(body);
  const fallback = outsideDataTables(dominantDescent(body, stats), body);
  const candidates: Element[] = [];
  for (const [el] of stats.len) {
    if (el !== body && isKnownContainer(el) && (stats.marks.get(el) ?? 0) > 0 && (stats.len.get(el) ?? 0) >= 10) candidates.push(el);
  }
  if (candidates.length === 0) return fallback;
  const maxLen = Math.max(...candidates.map((c) => stats.len.get(c) ?? 0));
  const big = candidates.filter((c) => (stats.len.get(c) ?? 0) >= 0.7 * maxLen);
  big.sort((a, b) => (stats.depth.get(b) ?? 0) - (stats.depth.get(a) ?? 0) || (stats.len.get(b) ?? 0) - (stats.len.get(a) ?? 0));
  const chosen = big[0]!;
  // A known class on a side box must not beat the real article found by text mass; inside it, it is a refinement.
  const small = (stats.content.get(chosen) ?? 0) < 0.5 * (stats.content.get(fallback) ?? 0);
  if (small && !contains(fallback, chosen)) return fallback;
  return outsideDataTables(chosen, body);
}

function contains(ancestor: Element, el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parent && isTag(cur.parent) ? cur.parent : null) if (cur === ancestor) return true;
  return false;
}
