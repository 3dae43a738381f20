// A sanitized document (web page, Word or text as HTML) in a sandboxed frame without scripts: opens on the report's own
// title, and shows a cell (by element path or line), a quoted sentence or a heading when asked.
import { useEffect, useRef, useState } from 'react';
import { MARK, clear, find, markOnce, markSentence, openingSpot } from './html-find';
import type { LocateResult, SourceTarget } from './source-target';

interface Props {
  html: string;
  target: SourceTarget | null;
  onLocate: LocateResult;
  /** The report's title and its first section heading: the frame opens there rather than on the site's navigation. */
  opening?: { title: string | null; heading: string | null };
}

function highlight(doc: Document, el: HTMLElement, target: SourceTarget): HTMLElement | null {
  el.setAttribute(MARK, target.kind);
  // Inline styles set through the DOM are not subject to the frame's CSP, and the page's own CSS cannot win over them.
  el.style.setProperty('outline', `3px solid ${target.kind === 'span' ? '#f79009' : '#e8590c'}`, 'important');
  el.style.setProperty('outline-offset', '-2px', 'important');
  if (target.kind === 'cell') el.style.setProperty('background-color', '#ffe066', 'important');
  if (target.kind === 'span') el.style.setProperty('background-color', '#fff8e1', 'important');
  const mark =
    target.kind === 'cell' && target.text
      ? markOnce(doc, el, target.text)
      : target.kind === 'span'
        ? markSentence(doc, el, target.text)
        : null;
  // With the number itself marked, the whole (long) element only keeps its outline.
  if (mark && target.kind === 'cell') el.style.removeProperty('background-color');
  return mark;
}

export function HtmlView({ html, target, onLocate, opening }: Props): React.JSX.Element {
  const frame = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState(0);
  const openingRef = useRef(opening);
  openingRef.current = opening;
  const targetRef = useRef(target);
  targetRef.current = target;

  // On opening, scroll to where the report starts, unless something was asked for already.
  useEffect(() => {
    const doc = frame.current?.contentDocument;
    const o = openingRef.current;
    if (!loaded || !doc || !o || targetRef.current) return;
    const el = openingSpot(doc, o.title, o.heading);
    if (el) el.scrollIntoView({ block: 'start' });
  }, [loaded]);

  useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (!loaded || !doc || !target) return;
    clear(doc);
    const el = find(doc, target);
    if (!el) return onLocate(false);
    const mark = highlight(doc, el, target);
    (mark ?? el).scrollIntoView({ block: 'center', inline: 'nearest' });
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
