// Reads one pdf.js page into plain shapes: text runs from getTextContent, ruling segments and image use from getOperatorList.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfJs } from './assets';
import type { PageContent, Segment, TextRun } from './types';

type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** A filled rectangle thinner than this is drawn as a rule (Word and WPS often draw borders that way). */
const MAX_RULE_THICKNESS = 3;
/** Shorter marks are decoration (bullets, underlines of single glyphs), not table rules. */
const MIN_RULE_LENGTH = 4;
/** How far from axis-parallel a line may lean and still count as a rule. */
const AXIS_TOLERANCE = 0.8;
/** Rules collected per page at most: a page of report tables has a few hundred; a hostile page has millions. */
export const MAX_PAGE_SEGMENTS = 20_000;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function asMatrix(value: unknown): Matrix | undefined {
  if (!value || typeof value !== 'object' || !('length' in value)) return undefined;
  const arr = Array.from(value as ArrayLike<unknown>);
  if (arr.length !== 6 || !arr.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  return arr as Matrix;
}

/** A straight, axis-parallel piece of a path as a segment, or nothing. */
function toSegment(ax: number, ay: number, bx: number, by: number): Segment | undefined {
  const dx = Math.abs(bx - ax);
  const dy = Math.abs(by - ay);
  if (dy <= AXIS_TOLERANCE && dx >= MIN_RULE_LENGTH) return { dir: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) };
  if (dx <= AXIS_TOLERANCE && dy >= MIN_RULE_LENGTH) return { dir: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) };
  return undefined;
}

/** Splits pdf.js path data (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) into polygons of device points. */
function polygons(data: ArrayLike<number>, m: Matrix): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  let start: [number, number] | undefined;
  let i = 0;
  const flush = () => {
    if (current.length > 1) out.push(current);
    current = [];
  };
  while (i < data.length) {
    const op = data[i++];
    if (op === 0) {
      flush();
      start = apply(m, data[i] ?? 0, data[i + 1] ?? 0);
      current = [start];
      i += 2;
    } else if (op === 1) {
      current.push(apply(m, data[i] ?? 0, data[i + 1] ?? 0));
      i += 2;
    } else if (op === 2 || op === 3) {
      // A curve breaks the straight run: rules are never curved.
      flush();
      i += op === 2 ? 6 : 4;
      const end = apply(m, data[i - 2] ?? 0, data[i - 1] ?? 0);
      current = [end];
    } else if (op === 4) {
      if (start && current.length > 1) current.push(start);
      flush();
      current = start ? [start] : [];
    } else {
      break; // unknown op: stop reading this path rather than misread it
    }
  }
  flush();
  return out;
}

/** Rules from one painted path: stroked lines become segments, thin filled boxes become their centre line. */
function pathSegments(data: ArrayLike<number>, m: Matrix, filled: boolean, stroked: boolean, out: Segment[]): void {
  for (const poly of polygons(data, m)) {
    if (filled && poly.length >= 4) {
      const xs = poly.map((p) => p[0]);
      const ys = poly.map((p) => p[1]);
      const x0 = Math.min(...xs);
      const x1 = Math.max(...xs);
      const y0 = Math.min(...ys);
      const y1 = Math.max(...ys);
      const w = x1 - x0;
      const h = y1 - y0;
      if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH) out.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 });
      else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH) out.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 });
      // A large filled box is cell shading or a page background: its edges are not rules unless also stroked.
      if (!stroked) continue;
    }
    if (!stroked && !filled) continue;
    if (filled && !stroked && poly.length < 4) {
      // A filled two-point path paints nothing visible.
      continue;
    }
    for (let k = 1; k < poly.length; k++) {
      const a = poly[k - 1]!;
      const b = poly[k]!;
      const seg = stroked ? toSegment(a[0], a[1], b[0], b[1]) : undefined;
      if (seg) out.push(seg);
    }
  }
}

function isWhite(color: unknown): boolean {
  return typeof color === 'string' && /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(color);
}

/** Walks the operator list keeping the transform stack, collecting rules and noting images. */
export function readOperators(
  pdfjs: PdfJs,
  fnArray: number[],
  argsArray: unknown[],
  viewport: Matrix,
): { segments: Segment[]; hasImages: boolean } {
  const OPS = pdfjs.OPS;
  const stack: Matrix[] = [];
  const colors: { fill: unknown; stroke: unknown }[] = [];
  let ctm: Matrix = multiply(viewport, IDENTITY);
  let fill: unknown = '#000000';
  let stroke: unknown = '#000000';
  let hasImages = false;
  const segments: Segment[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null | undefined;
    switch (fn) {
      case OPS.save:
        stack.push(ctm);
        colors.push({ fill, stroke });
        break;
      case OPS.restore: {
        ctm = stack.pop() ?? ctm;
        const c = colors.pop();
        if (c) ({ fill, stroke } = c);
        break;
      }
      case OPS.transform: {
        const m = asMatrix(args);
        if (m) ctm = multiply(ctm, m);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm);
        colors.push({ fill, stroke });
        const m = asMatrix(args?.[0]);
        if (m) ctm = multiply(ctm, m);
        break;
      }
      case OPS.paintFormXObjectEnd: {
        ctm = stack.pop() ?? ctm;
        const c = colors.pop();
        if (c) ({ fill, stroke } = c);
        break;
      }
      case OPS.setFillRGBColor:
        fill = args?.[0];
        break;
      case OPS.setStrokeRGBColor:
        stroke = args?.[0];
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageXObjectRepeat:
      case OPS.paintImageMaskXObject:
      case OPS.paintInlineImageXObjectGroup:
        hasImages = true;
        break;
      case OPS.constructPath:
        if (segments.length < MAX_PAGE_SEGMENTS) collectPath(OPS, args, ctm, !isWhite(fill), !isWhite(stroke), segments);
        break;
      default:
        break;
    }
  }
  return { segments, hasImages };
}

function collectPath(
  OPS: PdfJs['OPS'],
  args: unknown[] | null | undefined,
  ctm: Matrix,
  fillVisible: boolean,
  strokeVisible: boolean,
  out: Segment[],
): void {
  const paint = args?.[0];
  const data = (args?.[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
  if (!data || typeof paint !== 'number') return;
  const stroked =
    strokeVisible &&
    [OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(paint);
  const filled =
    fillVisible && [OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke].includes(paint);
  if (stroked || filled) pathSegments(data, ctm, filled, stroked, out);
}

interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is RawTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Text items as runs in top-left page coordinates; whitespace-only items (spacers with bogus widths) are dropped. */
export function toRuns(items: unknown[], viewport: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!isTextItem(item) || !item.str.trim()) continue;
    const t = item.transform;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = t;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    if (!(size > 0) || !Number.isFinite(size)) continue;
    const [x, base] = apply(viewport, e, f);
    // Horizontal text only: rotated runs keep their origin box, which is enough to place them.
    const width = Number.isFinite(item.width) ? item.width : 0;
    const [xEnd] = apply(viewport, e + width, f);
    runs.push({ str: item.str, x0: Math.min(x, xEnd), x1: Math.max(x, xEnd), base, y0: base - size * 0.88, y1: base + size * 0.12, size });
  }
  return runs;
}

export interface ReadPageOptions {
  /**
   * False skips pdf.js's operator list (rules and images): for a page whose drawing is too large to be a report's, the
   * text alone is read. Default true.
   */
  drawing?: boolean;
}

/** Reads one page; throws whatever pdf.js throws (the caller turns it into a problem). */
export async function readPage(pdfjs: PdfJs, page: PDFPageProxy, options: ReadPageOptions = {}): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = asMatrix(viewport.transform) ?? IDENTITY;
  const text = await page.getTextContent();
  const runs = toRuns(text.items, vt);
  const base = { page: page.pageNumber, width: viewport.width, height: viewport.height, runs };
  if (options.drawing === false) return { ...base, segments: [], hasImages: false };
  const ops = await page.getOperatorList();
  const { segments, hasImages } = readOperators(pdfjs, ops.fnArray, ops.argsArray as unknown[], vt);
  return { ...base, segments, hasImages };
}
