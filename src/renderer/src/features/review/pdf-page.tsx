// One PDF page: a canvas and pdf.js's text layer, drawn when the page comes near the viewport (or at once when asked), plus the highlight box.
import { useEffect, useRef, useState } from 'react';
import { TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';

interface Props {
  doc: PDFDocumentProxy;
  pageNo: number;
  scale: number;
  size: { w: number; h: number };
  box: [number, number, number, number] | null;
  /** A cell's box or a sentence's (a heading found by its text counts as a sentence). */
  boxKind: 'cell' | 'span';
  eager: boolean;
  onSize: (pageNo: number, size: { w: number; h: number }) => void;
}

function useNearViewport(ref: React.RefObject<HTMLElement | null>, eager: boolean): boolean {
  const [near, setNear] = useState(eager);
  useEffect(() => {
    if (eager) return setNear(true);
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '800px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, eager]);
  return near;
}

export function PdfPage({ doc, pageNo, scale, size, box, boxKind, eager, onSize }: Props): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const near = useNearViewport(host, eager);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    let cancel = (): void => {};
    void (async () => {
      const page = await doc.getPage(pageNo);
      if (cancelled || !canvas.current || !text.current) return;
      const base = page.getViewport({ scale: 1 });
      onSize(pageNo, { w: base.width, h: base.height });
      const viewport = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const c = canvas.current;
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      const task = page.render({ canvas: c, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      const layer = new TextLayer({ textContentSource: page.streamTextContent(), container: text.current, viewport });
      cancel = () => {
        task.cancel();
        layer.cancel();
      };
      text.current.replaceChildren();
      await Promise.all([task.promise, layer.render()]).catch(() => undefined);
    })();
    return () => {
      cancelled = true;
      cancel();
    };
  }, [doc, pageNo, scale, near, onSize]);

  const style = { width: size.w * scale, height: size.h * scale, '--total-scale-factor': scale } as React.CSSProperties;
  return (
    <div ref={host} className="pdf-page" data-page={pageNo} style={style}>
      <canvas ref={canvas} className="pdf-canvas" style={{ width: size.w * scale, height: size.h * scale }} />
      <div ref={text} className="textLayer" />
      {box && (
        <div
          className={`pdf-highlight pdf-highlight--${boxKind}`}
          data-ri-highlight={boxKind}
          style={{ left: box[0] * scale, top: box[1] * scale, width: (box[2] - box[0]) * scale, height: (box[3] - box[1]) * scale }}
        />
      )}
      <span className="pdf-page-no">第 {pageNo} 页</span>
    </div>
  );
}
