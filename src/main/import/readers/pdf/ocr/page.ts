// One scanned page through OCR: render, deskew, find and erase the rules, recognise, and hand back the same shapes the
// text-layer path produces (runs and rule segments in page points) plus the words with their confidence.
import type * as CanvasNs from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PageContent, Segment, TextRun } from '../types';
import type { OcrEngine, OcrWord } from './engine';
import { binarise, eraseRules, estimateSkew, findRules, greyFromRgba, inkShare, otsu, rgbaFromGrey, type Grey } from './image';

/** Render resolution: 200 dpi reads 10.5 pt digits reliably; more costs time without gaining accuracy. */
const DPI = 200;
/** Pixel cap of a rendered page (a 5,000 × 5,000 px scan on a huge page is read at a lower resolution). */
export const MAX_PIXELS = 9_000_000;

/** A word in page points (deskewed frame), with its characters' confidences. */
export interface PlacedWord {
  text: string;
  conf: number;
  box: [number, number, number, number];
  /** Per character: text and confidence (0–100); characters changed from a look-alike letter have confidence 0. */
  chars: { text: string; conf: number }[];
}

/** Ink of the page after rules were erased, counted in square tiles (to tell an empty cell from an unread one). */
export interface InkMap {
  /** Tile size in page points. */
  tile: number;
  cols: number;
  rows: number;
  /** Share of ink pixels per tile, 0–255. */
  share: Uint8Array;
}

export interface OcrPage {
  content: PageContent;
  ink?: InkMap;
  words: PlacedWord[];
  /** Rotation applied before reading, degrees clockwise, about the page centre. */
  skew: number;
  /** Horizontal shift (points) applied after deskewing to continue the previous page's table. */
  dx?: number;
  /** Why nothing could be read, when nothing could (blank page, a picture). */
  empty?: 'blank' | 'picture';
  /** The deskewed page with rules erased and its pixels per point, kept until its table cells are read again. */
  image?: { grey: Grey; scale: number };
}

type CanvasModule = typeof CanvasNs;
let canvasModule: Promise<CanvasModule> | undefined;
const loadCanvas = (): Promise<CanvasModule> => (canvasModule ??= import('@napi-rs/canvas'));

const LOOKALIKE: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  '!': '1',
  z: '2',
  Z: '2',
  S: '5',
  B: '8',
};
const FULLWIDTH_DIGIT = /[\uff10-\uff19]/g;

/** Brackets around a Chinese numeral, as OCR misreads them ("第《五)项", "〈二)"): the full-width pair printed. */
const NUMBERED = /[《〈<[{【〔(（]{1,2}([一二三四五六七八九十]{1,2})[)）》〉>\]}】〕]{1,2}/g;
export const fixBrackets = (text: string): string => text.replace(NUMBERED, '（$1）');

/**
 * Letters standing where digits belong ("1O3", a lone "O" in a table) become digits with confidence 0, so the
 * arithmetic must confirm them; words of other text are left alone.
 */
export function normaliseWord(word: OcrWord): { text: string; chars: { text: string; conf: number }[] } | undefined {
  const chars = word.symbols.length
    ? word.symbols.map((s) => ({ text: s.text.replace(FULLWIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10)), conf: s.conf }))
    : [...word.text].map((ch) => ({ text: ch, conf: word.conf }));
  const text = fixBrackets(chars.map((c) => c.text).join(''));
  if (text === '|' || text === '!') return undefined; // a remnant of a rule, not a character
  // A word of digits with look-alike letters in it, or a lone look-alike letter (in a table it stands for a digit).
  const numeric = /^[\d.,OoDQlIi|!zZSB-]+$/.test(text) && (/\d/.test(text) || /^[OoIlizZ]$/.test(text));
  if (!numeric) return { text, chars };
  const fixed = chars.map((c) => (c.text in LOOKALIKE ? { text: LOOKALIKE[c.text]!, conf: 0 } : c));
  return { text: fixed.map((c) => c.text).join(''), chars: fixed };
}

async function render(page: PDFPageProxy): Promise<{ grey: Grey; scale: number }> {
  const { createCanvas } = await loadCanvas();
  const base = page.getViewport({ scale: 1 });
  const scale = Math.min(DPI / 72, Math.sqrt(MAX_PIXELS / Math.max(1, base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const w = Math.max(1, Math.floor(viewport.width));
  const h = Math.max(1, Math.floor(viewport.height));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  // pdf.js types its canvas as the DOM's; @napi-rs/canvas is what it draws on in Node.
  type RenderArgs = Parameters<PDFPageProxy['render']>[0];
  await page.render({
    canvas: canvas as unknown as RenderArgs['canvas'],
    canvasContext: ctx as unknown as RenderArgs['canvasContext'],
    viewport,
  }).promise;
  const rgba = ctx.getImageData(0, 0, w, h).data;
  return { grey: greyFromRgba(rgba, w, h), scale };
}

/** The grey image turned by `deg` degrees clockwise about its centre, on white. */
async function rotate(grey: Grey, deg: number): Promise<Grey> {
  const { createCanvas } = await loadCanvas();
  const { width: w, height: h } = grey;
  const src = createCanvas(w, h);
  src.getContext('2d').putImageData(new ImageDataCtor(rgbaFromGrey(grey), w, h) as never, 0, 0);
  const dst = createCanvas(w, h);
  const ctx = dst.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.translate(w / 2, h / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(src, -w / 2, -h / 2);
  return greyFromRgba(ctx.getImageData(0, 0, w, h).data, w, h);
}

/** @napi-rs/canvas's ImageData constructor (resolved with the module). */
let ImageDataCtor: new (data: Uint8ClampedArray, w: number, h: number) => unknown;

export async function encodePng(grey: Grey): Promise<Buffer> {
  const { createCanvas, ImageData } = await loadCanvas();
  const canvas = createCanvas(grey.width, grey.height);
  canvas.getContext('2d').putImageData(new ImageData(rgbaFromGrey(grey), grey.width, grey.height), 0, 0);
  return canvas.encode('png');
}

function toRun(w: PlacedWord): TextRun {
  const height = w.box[3] - w.box[1];
  // Digits are about 0.7 em tall, CJK characters about 0.9 em: size from the box keeps words of one line together.
  const size = Math.max(4, height / (/[\u2e80-\u9fff]/.test(w.text) ? 0.9 : 0.72));
  return { str: w.text, x0: w.box[0], x1: w.box[2], y0: w.box[1], y1: w.box[3], base: w.box[3], size };
}

/** Reads one page image. Throws what pdf.js or the engine throws (the caller turns it into a problem). */
export async function ocrPage(page: PDFPageProxy, engine: OcrEngine): Promise<OcrPage> {
  const canvas = await loadCanvas();
  ImageDataCtor = canvas.ImageData as unknown as typeof ImageDataCtor;
  const base = page.getViewport({ scale: 1 });
  const { grey: rendered, scale } = await render(page);
  let grey = rendered;
  let mask = binarise(grey);
  const inked = inkShare(mask);
  const content: PageContent = { page: page.pageNumber, width: base.width, height: base.height, runs: [], segments: [], hasImages: true };
  if (inked < 0.002) return { content, words: [], skew: 0, empty: 'blank' };
  // A photograph or a dark smear: a third of the page inked is no printed page.
  if (inked > 0.35) return { content, words: [], skew: 0, empty: 'picture' };
  const skew = estimateSkew(mask, grey.width, grey.height);
  if (Math.abs(skew) >= 0.1) {
    grey = await rotate(grey, skew);
    mask = binarise(grey, otsu(grey));
  }
  const rules = findRules(mask, grey.width, grey.height, scale);
  const clean = eraseRules(grey, rules.ruleMask);
  const ink = inkMap(binarise(clean, 128), clean.width, clean.height, scale);
  const png = await encodePng(clean);
  const found = await engine.recognize(png, scale * 72);
  const words: PlacedWord[] = [];
  for (const w of found) {
    const norm = normaliseWord(w);
    if (!norm || !norm.text.trim()) continue;
    const box = w.box.map((v) => v / scale) as [number, number, number, number];
    // Words of one recognised line share its baseline (Chinese glyph boxes differ in height), unless the line is
    // much taller than the word (a line running across table rows of different heights).
    const lineH = w.line[3] - w.line[1];
    const wordH = w.box[3] - w.box[1];
    if (lineH <= wordH * 1.6) {
      box[1] = w.line[1] / scale;
      box[3] = w.line[3] / scale;
    }
    words.push({ text: norm.text, conf: Math.min(...norm.chars.map((c) => c.conf)), box, chars: norm.chars });
  }
  content.runs = words.map(toRun);
  content.segments = gridRules(rules.segments);
  return { content, words, skew, ink, image: { grey: clean, scale } };
}

/** How near (points) a horizontal rule's end must come to a vertical rule to be part of the grid. */
const MEET = 2.5;

/**
 * The rules of the grids: a horizontal stroke whose two ends both meet vertical rules. An underline (hyperlink-style
 * text, common in Word exports) starts after the cell's padding and ends with the text: left in, it would cut each
 * underlined cell into one row per line ("1.属于国家秘" | "密"). Vertical rules are all kept.
 */
export function gridRules(segments: Segment[]): Segment[] {
  const vertical = segments.filter((s) => s.dir === 'v');
  const meets = (x: number, y: number) => vertical.some((v) => Math.abs(v.at - x) <= MEET && y >= v.from - MEET && y <= v.to + MEET);
  return segments.filter((s) => s.dir === 'v' || (meets(s.from, s.at) && meets(s.to, s.at)));
}

/** Ink share per tile of about 2 × 2 points. */
function inkMap(mask: Uint8Array, width: number, height: number, scale: number): InkMap {
  const px = Math.max(1, Math.round(2 * scale));
  const cols = Math.ceil(width / px);
  const rows = Math.ceil(height / px);
  const counts = new Uint32Array(cols * rows);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / px) * cols;
    for (let x = 0; x < width; x++) if (mask[y * width + x]) counts[row + Math.floor(x / px)]!++;
  }
  const share = new Uint8Array(counts.length);
  for (let i = 0; i < counts.length; i++) share[i] = Math.round((counts[i]! / (px * px)) * 255);
  return { tile: px / scale, cols, rows, share };
}
