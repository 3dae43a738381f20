// A PDF rendered by pdf.js (CMaps and standard fonts from the app itself, no eval), pages drawn lazily and zoomable;
// cells and quoted sentences are shown by page and box, headings and sentences without a box by their text.
import { useCallback, useEffect, useRef, useState } from 'react';
import { GlobalWorkerOptions, PDFWorker, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { findInPdf } from './pdf-find';
import { PdfPage } from './pdf-page';
import { ZoomBar, useZoom } from './pdf-zoom';
import type { LocateResult, SourceTarget } from './source-target';

GlobalWorkerOptions.workerSrc = workerUrl;

let sharedWorker: PDFWorker | undefined;

/** One pdf.js worker for the whole session, started when the review screen is first shown: opening a PDF then skips the worker's start-up. */
export function pdfWorker(): PDFWorker {
  sharedWorker ??= new PDFWorker();
  return sharedWorker;
}

type Box = [number, number, number, number];

function decode(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function usePdf(base64: string): { doc: PDFDocumentProxy | null; error: string | null } {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDoc(null);
    setError(null);
    const task = getDocument({
      data: decode(base64),
      worker: pdfWorker(),
      cMapUrl: new URL('pdfjs/cmaps/', document.baseURI).href,
      cMapPacked: true,
      standardFontDataUrl: new URL('pdfjs/standard_fonts/', document.baseURI).href,
      isEvalSupported: false,
      enableXfa: false,
    });
    task.promise.then(setDoc, (e: unknown) =>
      setError(
        (e as { name?: string }).name === 'PasswordException' ? '该 PDF 有密码保护，无法显示。' : 'PDF 无法显示（文件可能已损坏）。',
      ),
    );
    return () => void task.destroy();
  }, [base64]);
  return { doc, error };
}

export function PdfView({
  base64,
  target,
  onLocate,
}: {
  base64: string;
  target: SourceTarget | null;
  onLocate: LocateResult;
}): React.JSX.Element {
  const { doc, error } = usePdf(base64);
  const scroller = useRef<HTMLDivElement>(null);
  const [sizes, setSizes] = useState<Record<number, { w: number; h: number }>>({});
  const [first, setFirst] = useState<{ w: number; h: number } | null>(null);
  const [width, setWidth] = useState(600);
  const [mark, setMark] = useState<{ page: number; box: Box | null; kind: SourceTarget['kind'] } | null>(null);

  useEffect(() => {
    if (!doc) return;
    void doc.getPage(1).then((p) => {
      const v = p.getViewport({ scale: 1 });
      setFirst({ w: v.width, h: v.height });
    });
  }, [doc]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const z = useZoom(scroller, first ? Math.min(2.5, Math.max(0.4, (width - 32) / first.w)) : 1);
  const scale = z.scale;
  const onSize = useCallback(
    (n: number, s: { w: number; h: number }) => setSizes((all) => (all[n]?.w === s.w && all[n]?.h === s.h ? all : { ...all, [n]: s })),
    [],
  );

  // Scroll to a page and a box on it once the page exists; the box becomes the highlight.
  const show = useCallback(
    (page: number, box: Box | null, kind: SourceTarget['kind']) => {
      setMark({ page, box, kind });
      requestAnimationFrame(() => {
        const el = scroller.current?.querySelector<HTMLElement>(`[data-page="${page}"]`);
        const pane = scroller.current;
        if (!el || !pane) return;
        const y = el.offsetTop + (box ? box[1] * scale : 0) - pane.clientHeight / 3;
        // Zoomed in, the box may be off to the side as well.
        const x = el.offsetLeft + (box ? ((box[0] + box[2]) / 2) * scale : 0) - pane.clientWidth / 2;
        pane.scrollTo({ top: Math.max(0, y), left: Math.max(0, x) });
      });
    },
    [scale],
  );

  useEffect(() => {
    if (!doc || !first || !target) return;
    const page = target.kind === 'text' ? undefined : target.source?.page;
    const valid = page !== undefined && page >= 1 && page <= doc.numPages;
    if (target.kind === 'cell' || (target.kind === 'span' && valid && target.source?.box)) {
      if (!valid) return onLocate(false);
      show(page, target.source?.box ?? null, target.kind);
      return onLocate(true);
    }
    let live = true;
    void findInPdf(doc, target.text, valid ? page : 1).then((spot) => {
      if (!live) return;
      if (spot) show(spot.page, spot.box, target.kind);
      onLocate(spot !== null);
    });
    return () => {
      live = false;
    };
  }, [doc, first, target, show, onLocate]);

  return (
    <div className="pdf-pane">
      <ZoomBar z={z} />
      <div ref={scroller} className="pdf-view" aria-label="PDF 原文">
        {error && <p className="error-text">{error}</p>}
        {!doc && !error && <p className="muted pad">正在打开 PDF…</p>}
        {doc &&
          first &&
          Array.from({ length: doc.numPages }, (_, i) => i + 1).map((n) => (
            <PdfPage
              key={n}
              doc={doc}
              pageNo={n}
              scale={scale}
              size={sizes[n] ?? first}
              box={mark?.page === n ? mark.box : null}
              boxKind={mark?.kind === 'cell' ? 'cell' : 'span'}
              eager={n === 1 || mark?.page === n}
              onSize={onSize}
            />
          ))}
      </div>
    </div>
  );
}
