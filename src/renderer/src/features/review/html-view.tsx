// A sanitized document (web page, Word or text as HTML) in a sandboxed frame without scripts; cells are found by element path or line.
import { useEffect, useRef, useState } from 'react';
import { squash, type LocateResult, type SourceTarget } from './source-target';

const MARK = 'data-ri-highlight';

/** Clears the previous highlight: our inline styles and marks are removed, the page's own styles remain. */
function clear(doc: Document): void {
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

/**
 * In a long element (a whole line of a text report, a paragraph) the number itself is marked, but only when it occurs
 * exactly once there: a short number such as "0" could otherwise mark the wrong place.
 */
function markOnce(doc: Document, el: HTMLElement, raw: string): HTMLElement | null {
  const all = el.textContent ?? '';
  if (!raw || all.length < 40 || all.indexOf(raw) < 0 || all.indexOf(raw) !== all.lastIndexOf(raw)) return null;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const at = n.data.indexOf(raw);
    if (at < 0) continue;
    const hit = n.splitText(at);
    hit.splitText(raw.length);
    const mark = doc.createElement('mark');
    mark.setAttribute('data-ri-mark', '');
    mark.style.setProperty('background-color', '#ff922b', 'important');
    hit.replaceWith(mark);
    mark.append(hit);
    return mark;
  }
  return null;
}

/**
 * The smallest element around the first occurrence of `text`: a heading is often split over several inline elements,
 * so a text node's ancestors are tried while they stay short (a page-wide container would highlight everything).
 */
function byText(doc: Document, text: string): HTMLElement | null {
  const want = squash(text);
  if (!want || !doc.body) return null;
  const limit = want.length * 3 + 20;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!squash(n.textContent ?? '')) continue;
    for (let el = n.parentElement, up = 0; el && up < 4; el = el.parentElement, up++) {
      const t = squash(el.textContent ?? '');
      if (t.length > limit) break;
      if (t.includes(want)) return el;
    }
  }
  return null;
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

function find(doc: Document, target: SourceTarget): HTMLElement | null {
  if (target.kind === 'text') return byText(doc, target.text);
  const s = target.source;
  let el: HTMLElement | null = null;
  try {
    // Word review pages carry the reader's anchor on each cell (data-anchor); counting rows is the fallback.
    if (s?.path && /^body\//.test(s.path))
      el = doc.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(s.path)}"]`) ?? byWordPath(doc, s.path);
    else if (s?.path) el = doc.querySelector<HTMLElement>(s.path);
    else if (s?.line !== undefined) el = doc.querySelector<HTMLElement>(`[data-line="${Math.trunc(s.line)}"]`);
  } catch {
    el = null; // an element path the browser cannot parse
  }
  return el ?? (target.text ? byUniqueText(doc, target.text) : null);
}

export function HtmlView({
  html,
  target,
  onLocate,
}: {
  html: string;
  target: SourceTarget | null;
  onLocate: LocateResult;
}): React.JSX.Element {
  const frame = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState(0);

  useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (!loaded || !doc || !target) return;
    clear(doc);
    const el = find(doc, target);
    if (!el) return onLocate(false);
    el.setAttribute(MARK, target.kind);
    // Inline styles set through the DOM are not subject to the frame's CSP, and the page's own CSS cannot win over them.
    el.style.setProperty('outline', '3px solid #e8590c', 'important');
    el.style.setProperty('outline-offset', '-2px', 'important');
    if (target.kind === 'cell') el.style.setProperty('background-color', '#ffe066', 'important');
    const mark = target.kind === 'cell' && target.text ? markOnce(doc, el, target.text) : null;
    // With the number itself marked, the whole (long) element only keeps its outline.
    if (mark) el.style.removeProperty('background-color');
    (mark ?? el).scrollIntoView({ block: 'center', inline: 'center' });
    onLocate(true);
  }, [target, loaded, onLocate]);

  return (
    <iframe
      ref={frame}
      className="source-frame"
      title="原文"
      // No allow-scripts: nothing in the document can run. allow-same-origin only lets this page reach in to highlight.
      sandbox="allow-same-origin"
      referrerPolicy="no-referrer"
      srcDoc={html}
      onLoad={() => setLoaded((n) => n + 1)}
    />
  );
}
