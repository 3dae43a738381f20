// Finding and marking things in the sanitized source frame: a cell by its anchor, a quoted sentence, a heading by its
// text, and where the report itself starts on a saved portal page (its title, not the site's navigation).
import type { CellSource } from '../../../../shared/model/report';
import { squash, type SourceTarget } from './source-target';

export const MARK = 'data-ri-highlight';

/** Clears the previous highlight: our inline styles and marks are removed, the page's own styles remain. */
export function clear(doc: Document): void {
  for (const m of doc.querySelectorAll('mark[data-ri-mark]')) {
    const parent = m.parentNode;
    m.replaceWith(...m.childNodes);
    parent?.normalize();
  }
  for (const el of doc.querySelectorAll<HTMLElement>(`[${MARK}]`)) {
    el.removeAttribute(MARK);
    el.style.removeProperty('outline');
    el.style.removeProperty('outline-offset');
    el.style.removeProperty('background-color');
  }
}

/** Wraps the first occurrence of `text` inside one text node of `el` in a <mark>; null when no single node holds it. */
function wrap(doc: Document, el: HTMLElement, text: string, colour: string): HTMLElement | null {
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(text);
    if (at < 0) continue;
    const hit = n.splitText(at);
    hit.splitText(text.length);
    const mark = doc.createElement('mark');
    mark.setAttribute('data-ri-mark', '');
    mark.style.setProperty('background-color', colour, 'important');
    hit.replaceWith(mark);
    mark.append(hit);
    return mark;
  }
  return null;
}

/**
 * In a long element (a whole line of a text report, a paragraph) the number itself is marked, but only when it occurs
 * exactly once there: a short number such as "0" could otherwise mark the wrong place.
 */
export function markOnce(doc: Document, el: HTMLElement, raw: string): HTMLElement | null {
  const all = el.textContent ?? '';
  if (!raw || all.length < 40 || all.indexOf(raw) < 0 || all.indexOf(raw) !== all.lastIndexOf(raw)) return null;
  return wrap(doc, el, raw, '#ff922b');
}

/** A quoted sentence inside its paragraph: the sentence is marked when one text node holds it, else the paragraph stays outlined. */
export function markSentence(doc: Document, el: HTMLElement, text: string): HTMLElement | null {
  const t = text.trim();
  if (!t || (el.textContent ?? '').trim() === t) return null;
  return wrap(doc, el, t, '#ffd43b');
}

/**
 * The smallest element around the first occurrence of `text`: a heading is often split over several inline elements,
 * so a text node's ancestors are tried while they stay short (a page-wide container would highlight everything).
 */
function allByText(doc: Document, text: string, max = 1): HTMLElement[] {
  const want = squash(text);
  const out: HTMLElement[] = [];
  if (!want || !doc.body) return out;
  const limit = want.length * 3 + 20;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && out.length < max; n = walker.nextNode()) {
    if (!squash(n.textContent ?? '')) continue;
    for (let el = n.parentElement, up = 0; el && up < 4; el = el.parentElement, up++) {
      const t = squash(el.textContent ?? '');
      if (t.length > limit) break;
      if (t.includes(want)) {
        if (!out.includes(el)) out.push(el);
        break;
      }
    }
  }
  return out;
}

export function byText(doc: Document, text: string): HTMLElement | null {
  return allByText(doc, text)[0] ?? null;
}

/**
 * Word anchors ("body/tbl[2]/tr[3]/tc[4]", "body/p[17]") resolved in mammoth's HTML, where Word's tables and paragraphs
 * become body-level <table> and <p>. Rows and cells are counted as the browser sees them.
 */
function byWordPath(doc: Document, path: string): HTMLElement | null {
  const steps = [...path.matchAll(/(tbl|tr|tc|p)\[(\d+)\]/g)].map((m) => ({ kind: m[1], n: Number(m[2]) - 1 }));
  // The frame's elements belong to another realm: compare tag names, never `instanceof`.
  let el = null as HTMLElement | null;
  for (const step of steps) {
    if (step.kind === 'tbl') el = doc.body.querySelectorAll<HTMLElement>(':scope > table, :scope > div > table')[step.n] ?? null;
    else if (step.kind === 'tr') el = el?.tagName === 'TABLE' ? ((el as HTMLTableElement).rows[step.n] ?? null) : null;
    else if (step.kind === 'tc') el = el?.tagName === 'TR' ? ((el as HTMLTableRowElement).cells[step.n] ?? null) : null;
    else el = doc.body.querySelectorAll<HTMLElement>(':scope > p')[step.n] ?? null;
    if (!el) return null;
  }
  return el;
}

/** Last resort for a cell whose anchor does not resolve in this view: the one element that holds its printed text, if only one does. */
function byUniqueText(doc: Document, raw: string): HTMLElement | null {
  if (!raw.trim()) return null;
  const hits = [...doc.querySelectorAll<HTMLElement>('[data-line], td, th, p, li')].filter(
    (e) => e.children.length === 0 && (e.textContent ?? '').includes(raw),
  );
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

function byAnchor(doc: Document, s: CellSource | null): HTMLElement | null {
  try {
    // Word review pages carry the reader's anchor on each cell (data-anchor); counting rows is the fallback.
    if (s?.path && /^body\//.test(s.path))
      return doc.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(s.path)}"]`) ?? byWordPath(doc, s.path);
    if (s?.path) return doc.querySelector<HTMLElement>(s.path);
    if (s?.line !== undefined) return doc.querySelector<HTMLElement>(`[data-line="${Math.trunc(s.line)}"]`);
  } catch {
    // an element path the browser cannot parse
  }
  return null;
}

export function find(doc: Document, target: SourceTarget): HTMLElement | null {
  if (target.kind === 'text') return byText(doc, target.text);
  const el = byAnchor(doc, target.source);
  if (target.kind === 'span') {
    // A sentence's anchor is its paragraph; one that does not hold the sentence (another view of the page) is not trusted.
    const head = squash(target.text).slice(0, 12);
    if (el && squash(el.textContent ?? '').includes(head)) return el;
    return byText(doc, target.text.slice(0, 40)) ?? el;
  }
  return el ?? (target.text ? byUniqueText(doc, target.text) : null);
}

const preceding = (a: Node, b: Node): boolean => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

/**
 * Where the report starts: the last occurrence of its title before its first section heading (a portal repeats the title
 * in its breadcrumb and "related" links, which come first), else that heading, else the title's first occurrence.
 */
export function openingSpot(doc: Document, title: string | null, firstHeading: string | null): HTMLElement | null {
  const heading = firstHeading ? byText(doc, firstHeading) : null;
  const titles = title ? allByText(doc, title, 20) : [];
  const before = heading ? titles.filter((t) => preceding(t, heading)) : titles;
  return before[before.length - 1] ?? heading ?? titles[0] ?? null;
}
