// Sheets to one PDF. Fast path: the whole batch as one document, paged ahead (each sheet numbering its own pages), printed
// once, its page count checked against the plan. Should Chromium have paged differently (an unusual font, text the
// estimate underrated), every sheet is printed on its own instead and the files concatenated: slower, always right.
import { setImmediate as yieldNow } from 'node:timers/promises';
import { sheetsDocument } from '../../shared/print/sheet-html';
import type { SheetData } from '../../shared/print/types';
import { mergePdfs, pageCount } from './pdf-merge';
import type { Printer } from './printer';

export class PrintCancelled extends Error {
  constructor() {
    super('已取消打印。');
    this.name = 'PrintCancelled';
  }
}

export interface SheetsPdfOptions {
  signal?: AbortSignal;
  /** Called after each sheet printed on its own (the slow path); the fast path prints all at once. */
  onSheet?: (done: number, total: number) => void;
  /** Forces the one-by-one path (tests). */
  oneByOne?: boolean;
}

export interface SheetsPdf {
  bytes: Uint8Array;
  pages: number;
  /** How the PDF was made: 'batch' (one document) or 'one-by-one' (fallback). */
  how: 'batch' | 'one-by-one';
}

const check = (signal?: AbortSignal): void => {
  if (signal?.aborted) throw new PrintCancelled();
};

export async function printSheetsPdf(printer: Printer, data: readonly SheetData[], options: SheetsPdfOptions = {}): Promise<SheetsPdf> {
  if (data.length === 0) throw new Error('no sheets');
  check(options.signal);
  if (!options.oneByOne) {
    const doc = sheetsDocument(data, 'paged');
    const bytes = await printer.pdf(doc.html);
    check(options.signal);
    const pages = pageCount(bytes);
    if (pages === doc.pages) return { bytes, pages, how: 'batch' };
  }
  return oneByOne(printer, data, options);
}

async function oneByOne(printer: Printer, data: readonly SheetData[], options: SheetsPdfOptions): Promise<SheetsPdf> {
  const results = new Array<Uint8Array>(data.length);
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < data.length) {
      check(options.signal);
      const i = next++;
      await yieldNow();
      // On its own, Chromium's paging with CSS page counters numbers the sheet's pages exactly.
      results[i] = await printer.pdf(sheetsDocument([data[i]!], 'flow').html);
      options.onSheet?.(++done, data.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(printer.concurrency, data.length)) }, lane));
  check(options.signal);
  const merged = mergePdfs(results, data.length === 1 ? '评分表' : `评分表（${data.length} 份）`);
  return { ...merged, how: 'one-by-one' };
}
