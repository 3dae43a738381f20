// PDF reader: pdf.js text and operator lists → paragraphs, headings and ruled or aligned tables, with page anchors.
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentMeta, Problem, ReadResult } from '../../../shared/document/types';
import { failed, problem, type Reader, type ReaderOptions } from './reader';
import { toBlocks } from './pdf/assemble';
import { loadPdfJs, PDFJS_CMAP_DIR, PDFJS_STANDARD_FONT_DIR } from './pdf/assets';
import { disableFontFaceOption, skipFontFaces } from './pdf/font-faces';
import { pdfMeta } from './pdf/meta';
import { layoutPage, type PageLayout } from './pdf/page-layout';
import { readPage } from './pdf/page-content';
import { ocrScannedPages } from './pdf/ocr/index';
import { MAX_PAGE_CONTENT_BYTES, MAX_PAGE_DRAWING_BYTES, MAX_STREAM_BYTES, scanStreams, type StreamScan } from './pdf/streams';
import { bounded, Stop } from './pdf/bounded';

/** Pages beyond this are not read: no annual report is that long, a hostile file may be. */
export const MAX_PDF_PAGES = 300;
/** Whole-file time budget; the contract allows 30 s for everything, parsing included. */
export const PDF_TIME_BUDGET_MS = 20_000;
/** A page with an image and fewer characters than this is taken for a scan. */
const SCAN_CHARS = 20;

function notPdf(bytes: Uint8Array, fileName: string): ReadResult | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return undefined;
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (png || jpeg) {
    const kind = png ? 'PNG' : 'JPEG';
    return failed(
      'unsupported-format',
      `文件名为 PDF，但内容是 ${kind} 图片，不是 PDF 文件：${fileName}`,
      `named .pdf but is a ${kind} image: ${fileName}`,
    );
  }
  return failed('corrupt-file', `不是有效的 PDF 文件（缺少 PDF 文件头）：${fileName}`, `not a valid PDF (no PDF header): ${fileName}`);
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.name : '';
}

function openFailure(e: unknown, fileName: string): ReadResult {
  if (errorName(e) === 'PasswordException') {
    return failed('password-protected', `PDF 文件设有打开密码，无法读取：${fileName}`, `PDF is password-protected: ${fileName}`);
  }
  if (e instanceof Stop) return stopFailure(e, fileName);
  return failed(
    'corrupt-file',
    `PDF 文件已损坏或不完整，无法打开：${fileName}`,
    `PDF is corrupt or truncated and cannot be opened: ${fileName}`,
  );
}

function stopFailure(e: Stop, fileName: string): ReadResult {
  return e.reason === 'timeout'
    ? failed('timeout', `PDF 读取超时（超过 ${PDF_TIME_BUDGET_MS / 1000} 秒），已停止：${fileName}`, `PDF reading timed out: ${fileName}`)
    : failed('partial', `PDF 读取已取消：${fileName}`, `PDF reading cancelled: ${fileName}`);
}

export const readPdf: Reader = async (bytes, { fileName, signal, onProgress }) => {
  if (bytes.length === 0) return failed('empty', `文件为空（0 字节）：${fileName}`, `empty file (0 bytes): ${fileName}`);
  const wrong = notPdf(bytes, fileName);
  if (wrong) return wrong;
  const scan = scanStreams(bytes);
  if (scan.bomb) {
    const mb = MAX_STREAM_BYTES / 1024 / 1024;
    return failed(
      'too-large',
      `PDF 中有数据流解压后超过 ${mb} MB（压缩炸弹），拒绝读取：${fileName}`,
      `a stream of the PDF inflates to more than ${mb} MB (a compression bomb); refused: ${fileName}`,
    );
  }
  const deadline = Date.now() + PDF_TIME_BUDGET_MS;
  let task: PDFDocumentLoadingTask | undefined;
  try {
    const pdfjs = await loadPdfJs();
    task = pdfjs.getDocument({
      // pdf.js may take ownership of the buffer; give it a copy so the caller's bytes stay intact.
      data: bytes.slice(),
      cMapUrl: PDFJS_CMAP_DIR,
      cMapPacked: true,
      standardFontDataUrl: PDFJS_STANDARD_FONT_DIR,
      isEvalSupported: false,
      // Font faces "on", but never installed (skipFontFaces): with them off pdf.js builds a path for every glyph shown.
      disableFontFace: disableFontFaceOption(),
      useSystemFonts: false,
      enableXfa: false,
      disableAutoFetch: true,
      disableStream: true,
      isOffscreenCanvasSupported: false,
      verbosity: 0,
    });
    let doc: PDFDocumentProxy;
    try {
      doc = await bounded(task.promise, deadline, signal);
    } catch (e) {
      return openFailure(e, fileName);
    }
    skipFontFaces(doc);
    return await readPages(pdfjs, doc, scan, fileName, deadline, signal, onProgress);
  } catch (e) {
    if (e instanceof Stop) return stopFailure(e, fileName);
    return failed(
      'corrupt-file',
      `PDF 文件无法读取（${e instanceof Error ? e.message.slice(0, 80) : '未知错误'}）：${fileName}`,
      `PDF could not be read: ${fileName}`,
    );
  } finally {
    // Ends pdf.js work still running for this file (a page that outlived the deadline) and frees its memory.
    void task?.destroy().catch(() => undefined);
  }
};

async function readPages(
  pdfjs: Awaited<ReturnType<typeof loadPdfJs>>,
  doc: PDFDocumentProxy,
  scan: StreamScan,
  fileName: string,
  deadline: number,
  signal?: AbortSignal,
  onProgress?: ReaderOptions['onProgress'],
): Promise<ReadResult> {
  const problems: Problem[] = [];
  const total = doc.numPages;
  const limit = Math.min(total, MAX_PDF_PAGES);
  const layouts: PageLayout[] = [];
  const broken: number[] = [];
  /** Pages not read (content too large for a report's page) and pages read as text only (drawing too large). */
  const oversized: { page: number; bytes: number }[] = [];
  const textOnly: { page: number; bytes: number }[] = [];
  let stopped: Stop | undefined;
  for (let n = 1; n <= limit; n++) {
    try {
      const page = await bounded(doc.getPage(n), deadline, signal);
      const ref = page.ref?.num ?? -1;
      const bytes = scan.pageContent.get(ref) ?? 0;
      if (bytes > MAX_PAGE_CONTENT_BYTES) {
        oversized.push({ page: n, bytes });
        page.cleanup();
        continue;
      }
      if (bytes > MAX_PAGE_DRAWING_BYTES) textOnly.push({ page: n, bytes });
      // No operator list where it cannot give anything: a page too large to draw, or one that surely draws nothing.
      const drawing = bytes <= MAX_PAGE_DRAWING_BYTES && scan.pageDraws.get(ref) !== false;
      const content = await bounded(readPage(pdfjs, page, { drawing }), deadline, signal);
      page.cleanup();
      layouts.push(layoutPage(content));
    } catch (e) {
      if (e instanceof Stop) {
        stopped = e;
        break;
      }
      broken.push(n);
    }
  }
  if (total > limit) {
    problems.push(
      problem(
        'partial',
        `PDF 共 ${total} 页，只读取了前 ${limit} 页：${fileName}`,
        `PDF has ${total} pages; only the first ${limit} were read: ${fileName}`,
      ),
    );
  }
  if (stopped) {
    const read = layouts.length;
    const why = stopped.reason === 'timeout' ? `读取超时（超过 ${PDF_TIME_BUDGET_MS / 1000} 秒）` : '读取已取消';
    problems.push(
      problem(
        stopped.reason === 'timeout' ? 'timeout' : 'partial',
        `PDF ${why}，只读取了 ${read} 页：${fileName}`,
        `PDF reading stopped (${stopped.reason}) after ${read} pages: ${fileName}`,
      ),
    );
  }
  if (oversized.length) {
    problems.push(
      problem(
        'partial',
        `PDF 第 ${listPages(oversized.map((p) => p.page))} 页的内容异常庞大（解压后 ${megabytes(oversized)} MB 的绘图指令），不可能是年报的页面，未读取：${fileName}`,
        `PDF pages ${oversized.map((p) => p.page).join(', ')} hold ${megabytes(oversized)} MB of drawing; not read: ${fileName}`,
      ),
    );
  }
  if (textOnly.length) {
    problems.push(
      problem(
        'partial',
        `PDF 第 ${listPages(textOnly.map((p) => p.page))} 页的图形过于复杂（解压后 ${megabytes(textOnly)} MB 的绘图指令），只读取了文字，未识别表格线：${fileName}`,
        `PDF pages ${textOnly.map((p) => p.page).join(', ')} hold ${megabytes(textOnly)} MB of drawing; text read, table rules not: ${fileName}`,
      ),
    );
  }
  if (broken.length) {
    problems.push(
      problem(
        'corrupt-file',
        `PDF 第 ${listPages(broken)} 页已损坏，无法读取：${fileName}`,
        `PDF pages ${broken.join(', ')} are corrupt: ${fileName}`,
      ),
    );
  }
  if (!layouts.length)
    return {
      problems: problems.length
        ? problems
        : [problem('corrupt-file', `PDF 没有可读取的页面：${fileName}`, `PDF has no readable page: ${fileName}`)],
    };
  // Pages without a usable text layer are read by OCR (pdf/ocr/); the rest keep their text.
  const ocr = await ocrScannedPages(doc, layouts, { fileName, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
  problems.push(...(ocr ? ocr.problems : scanProblems(layouts, fileName)));
  const meta: DocumentMeta = await pdfMeta(doc).catch(() => ({}));
  return { document: { format: 'pdf', blocks: ocr?.blocks ?? toBlocks(layouts), meta, pageCount: total, problems }, problems };
}

/** The largest page's content in MB, one decimal. */
function megabytes(pages: { bytes: number }[]): string {
  return (Math.max(...pages.map((p) => p.bytes)) / 1024 / 1024).toFixed(1);
}

function listPages(pages: number[]): string {
  const shown = pages.slice(0, 10).join('、');
  return pages.length > 10 ? `${shown} 等 ${pages.length}` : shown;
}

function scanProblems(layouts: PageLayout[], fileName: string): Problem[] {
  const scanned = layouts.filter((l) => l.hasImages && l.chars < SCAN_CHARS).map((l) => l.page);
  const chars = layouts.reduce((n, l) => n + l.chars, 0);
  if (scanned.length) {
    return [
      problem(
        'needs-ocr',
        `PDF 第 ${listPages(scanned)} 页没有可用的文字层（可能是扫描件），需要 OCR 识别后才能读取：${fileName}`,
        `pages ${scanned.join(', ')} have no text layer (scanned?); OCR needed: ${fileName}`,
      ),
    ];
  }
  if (chars === 0)
    return [
      problem(
        'needs-ocr',
        `PDF 中没有任何文字（文字可能已转为图形），需要 OCR 识别：${fileName}`,
        `PDF has no text at all; OCR needed: ${fileName}`,
      ),
    ];
  return [];
}
