// Finds a piece of text (a section title, a quoted sentence) in a PDF's text content and returns where it is, in points from the top-left of its page.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { squash } from './source-target';

export interface PdfSpot {
  page: number;
  box: [number, number, number, number];
}

const MAX_PAGES = 200;

type Item = Extract<
  Awaited<ReturnType<Awaited<ReturnType<PDFDocumentProxy['getPage']>>['getTextContent']>>['items'][number],
  { str: string }
>;

/** Searches from `fromPage` to the end, then the pages before it (a sentence's anchor names its page when it has one). */
export async function findInPdf(doc: PDFDocumentProxy, text: string, fromPage = 1): Promise<PdfSpot | null> {
  const want = squash(text).slice(0, 24);
  if (!want) return null;
  const last = Math.min(doc.numPages, MAX_PAGES);
  const start = Math.min(Math.max(1, fromPage), last);
  const order = [...Array.from({ length: last - start + 1 }, (_, i) => start + i), ...Array.from({ length: start - 1 }, (_, i) => i + 1)];
  for (const p of order) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items = content.items.filter((i): i is Item => 'str' in i);
    // Concatenate the page's runs, remembering which run each character came from.
    let joined = '';
    const owner: number[] = [];
    items.forEach((it, k) => {
      const s = squash(it.str);
      joined += s;
      for (let c = 0; c < s.length; c++) owner.push(k);
    });
    const at = joined.indexOf(want);
    if (at < 0) continue;
    const item = items[owner[at] ?? 0];
    if (!item) continue;
    const vp = page.getViewport({ scale: 1 });
    const [x, y] = vp.convertToViewportPoint(item.transform[4] ?? 0, item.transform[5] ?? 0) as [number, number];
    const h = Math.max(8, item.height || Math.abs(item.transform[3] ?? 10));
    return { page: p, box: [x - 2, y - h - 2, x + Math.max(item.width, h * want.length) + 2, y + 3] };
  }
  return null;
}
