// Zoom of the PDF pane: fit to width by default, −/+ in steps (also Ctrl+wheel), the scroll position kept in proportion.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type Zoom = 'fit' | number;

const MIN = 0.4;
const MAX = 4;
const STEP = 1.25;

const clamp = (s: number): number => Math.min(MAX, Math.max(MIN, Math.round(s * 100) / 100));

export interface ZoomState {
  scale: number;
  zoom: Zoom;
  zoomIn: () => void;
  zoomOut: () => void;
  fit: () => void;
}

/** `fitScale` is the scale at which a page fills the pane's width. */
export function useZoom(scroller: React.RefObject<HTMLDivElement | null>, fitScale: number): ZoomState {
  const [zoom, setZoom] = useState<Zoom>('fit');
  const scale = zoom === 'fit' ? fitScale : zoom;
  const ratio = useRef<number | null>(null);

  const change = useCallback(
    (next: (current: number) => Zoom) => {
      const el = scroller.current;
      if (el && el.scrollHeight > 0) ratio.current = el.scrollTop / el.scrollHeight;
      setZoom((z) => next(z === 'fit' ? fitScale : z));
    },
    [scroller, fitScale],
  );
  const zoomIn = useCallback(() => change((s) => clamp(s * STEP)), [change]);
  const zoomOut = useCallback(() => change((s) => clamp(s / STEP)), [change]);
  const fit = useCallback(() => change(() => 'fit'), [change]);

  // Same place in the document after the pages took their new size.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && ratio.current !== null) el.scrollTop = ratio.current * el.scrollHeight;
    ratio.current = null;
  }, [scale, scroller]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent): void => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      if (e.deltaY < 0) zoomIn();
      else if (e.deltaY > 0) zoomOut();
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scroller, zoomIn, zoomOut]);

  return { scale, zoom, zoomIn, zoomOut, fit };
}

export function ZoomBar({ z }: { z: ZoomState }): React.JSX.Element {
  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="PDF 缩放">
      <button type="button" onClick={z.zoomOut} title="缩小（Ctrl+滚轮）" aria-label="缩小">
        −
      </button>
      <span className="pdf-zoom-value" aria-live="polite">
        {Math.round(z.scale * 100)}%
      </span>
      <button type="button" onClick={z.zoomIn} title="放大（Ctrl+滚轮）" aria-label="放大">
        +
      </button>
      <button type="button" onClick={z.fit} aria-pressed={z.zoom === 'fit'}>
        适合宽度
      </button>
    </div>
  );
}
