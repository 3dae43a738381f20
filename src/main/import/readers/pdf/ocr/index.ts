// OCR of the pages of a PDF that have no usable text layer: which pages, the engine's lifetime and time budget, progress
// per page and cancel between pages; the OCR'd pages are laid out like text pages and their cells keep confidences.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Block, Problem } from '../../../../../shared/document/types';
import { problem, type ReaderProgress } from '../../reader';
import { toBlocks } from '../assemble';
import { layoutPage, type PageLayout } from '../page-layout';
import { layoutAligned } from './align';
import { annotateOcrBlocks } from './annotate';
import { createEngine, type OcrEngine } from './engine';
import { ocrPage, type OcrPage } from './page';
import { rereadCells } from './reread';
import { pageNeedsOcr } from './which-pages';
import { bounded, Stop } from '../bounded';

/** At most this many pages of one file are OCR'd: an annual report is rarely past 20 pages; a 200-page scan is not one. */
export const MAX_OCR_PAGES = 20;
/**
 * Time allowed per OCR'd page on top of the 30 s every file gets (a page takes about 3 s of CPU; a busy machine
 * running two files at once stretched that to 12 s of wall time). The import worker's limit grows by the same amount,
 * capped: at most 30 s + 15 s + 20 × 15 s = 5 min 45 s for the worst scan.
 */
export const OCR_PAGE_MS = 15_000;
/** Starting the engine (loading the chi_sim model) once per scanned file; as much again for the second reading of the tables (the digits model). */
const ENGINE_START_MS = 15_000;
const REREAD_MS = 15_000;

export interface OcrOptions {
  fileName: string;
  signal?: AbortSignal;
  onProgress?: (p: ReaderProgress) => void;
  /** For tests and the bench: an engine other than tesseract.js. */
  engine?: () => Promise<OcrEngine>;
}

export interface OcrResult {
  blocks: Block[];
  problems: Problem[];
  /** Pages read by OCR, 1-based. */
  pages: number[];
}

const pagesText = (pages: number[]): string =>
  pages.length > 10 ? `${pages.slice(0, 10).join('、')} 等 ${pages.length}` : pages.join('、');

/**
 * OCRs the pages that need it and returns the whole document's blocks, or undefined when no page needs OCR (the
 * text-layer path goes on alone). Never throws: an engine that fails leaves the pages marked as needing OCR.
 */
export async function ocrScannedPages(doc: PDFDocumentProxy, layouts: PageLayout[], options: OcrOptions): Promise<OcrResult | undefined> {
  const { fileName, signal } = options;
  const wanted = layouts.filter((l, _, all) => pageNeedsOcr(l, all)).map((l) => l.page);
  if (!wanted.length) return undefined;
  const todo = wanted.slice(0, MAX_OCR_PAGES);
  const problems: Problem[] = [];
  if (wanted.length > todo.length) {
    problems.push(
      problem(
        'partial',
        `扫描件共 ${wanted.length} 页需要文字识别，只识别了前 ${todo.length} 页（年报通常不超过 20 页）：${fileName}`,
        `${wanted.length} scanned pages; only the first ${todo.length} were OCR'd: ${fileName}`,
      ),
    );
  }
  const extraMs = ENGINE_START_MS + REREAD_MS + todo.length * OCR_PAGE_MS;
  options.onProgress?.({ current: 0, total: todo.length, extraMs });
  const deadline = Date.now() + extraMs;
  const read = new Map<number, OcrPage>();
  const unread: number[] = [];
  const blank: number[] = [];
  const pictures: number[] = [];
  let engine: OcrEngine | undefined;
  let stop: Stop | undefined;
  let failure: string | undefined;
  let blocks: Block[] | undefined;
  try {
    engine = await bounded((options.engine ?? createEngine)(), deadline, signal);
    for (const [i, n] of todo.entries()) {
      const page = await bounded(doc.getPage(n), deadline, signal);
      try {
        const result = await bounded(ocrPage(page, engine), deadline, signal);
        if (result.empty === 'blank') blank.push(n);
        else if (result.empty === 'picture') pictures.push(n);
        read.set(n, result);
      } catch (e) {
        if (e instanceof Stop) throw e;
        unread.push(n);
      } finally {
        page.cleanup();
      }
      options.onProgress?.({ current: i + 1, total: todo.length });
    }
    blocks = toBlocks(mergeLayouts(layouts, read));
    // The tables' cells once more, each on its own; a stop during this keeps the page reading.
    blocks = await rereadCells(blocks, read, engine, (work) => bounded(work, deadline, signal));
  } catch (e) {
    if (e instanceof Stop) stop = e;
    else failure = e instanceof Error ? e.message.split('\n')[0]!.slice(0, 80) : String(e);
  } finally {
    // A recognition still running past the deadline ends with its engine.
    await engine?.close();
  }
  for (const n of todo) if (!read.has(n) && !unread.includes(n)) unread.push(n);
  unread.push(...wanted.slice(todo.length));
  if (stop || failure) {
    const why = stop ? (stop.reason === 'timeout' ? '文字识别超时' : '文字识别已取消') : `文字识别出错（${failure}）`;
    problems.push(
      problem(
        stop?.reason === 'timeout' ? 'timeout' : 'partial',
        `${why}，识别了 ${read.size} 页：${fileName}`,
        `OCR stopped (${stop?.reason ?? 'error'}) after ${read.size} pages: ${fileName}`,
      ),
    );
  }
  if (read.size) {
    problems.push(
      problem(
        'partial',
        `PDF 第 ${pagesText([...read.keys()])} 页是扫描图像，已用文字识别（OCR）读取；识别的数值请核对，算术修正的数值已标出：${fileName}`,
        `pages ${[...read.keys()].join(', ')} were read by OCR: ${fileName}`,
      ),
    );
  }
  if (blank.length)
    problems.push(problem('partial', `PDF 第 ${pagesText(blank)} 页是空白页：${fileName}`, `blank pages ${blank.join(', ')}: ${fileName}`));
  if (pictures.length) {
    problems.push(
      problem(
        'not-a-report',
        `PDF 第 ${pagesText(pictures)} 页是图片（照片或图画），不是文字页面，未识别出文字：${fileName}`,
        `pages ${pictures.join(', ')} are pictures, not text: ${fileName}`,
      ),
    );
  }
  if (unread.length) {
    problems.push(
      problem(
        'needs-ocr',
        `PDF 第 ${pagesText(unread.sort((a, b) => a - b))} 页没有可用的文字层，文字识别（OCR）未能读出：${fileName}`,
        `pages ${unread.join(', ')} have no text layer and were not OCR'd: ${fileName}`,
      ),
    );
  }
  blocks ??= toBlocks(mergeLayouts(layouts, read));
  for (const p of read.values()) delete p.image;
  return { blocks: annotateOcrBlocks(blocks, read), problems, pages: [...read.keys()] };
}

/** The text pages' layouts with the OCR'd pages laid out in their place (a table's continuation aligned). */
function mergeLayouts(layouts: PageLayout[], read: Map<number, OcrPage>): PageLayout[] {
  const merged: PageLayout[] = [];
  for (const l of layouts) {
    const o = read.get(l.page);
    if (!o) {
      merged.push(l);
      continue;
    }
    const { layout, dx } = layoutAligned(o.content, merged[merged.length - 1], layoutPage);
    o.dx = dx;
    merged.push(layout);
  }
  return merged;
}
