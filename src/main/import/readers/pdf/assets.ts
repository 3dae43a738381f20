// Locates pdf.js and its CMap / standard-font folders on disk, and loads the library once per process.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

const nodeRequire = createRequire(import.meta.url);

/** Folder of the installed pdfjs-dist package. */
export const PDFJS_ROOT = path.dirname(nodeRequire.resolve('pdfjs-dist/package.json'));
/** Packed CMaps: without them Chinese PDFs with non-embedded fonts yield no text. The renderer build copies this folder. */
export const PDFJS_CMAP_DIR = path.join(PDFJS_ROOT, 'cmaps') + path.sep;
/** Standard 14 font data, for PDFs that reference fonts without embedding them. The renderer build copies this folder. */
export const PDFJS_STANDARD_FONT_DIR = path.join(PDFJS_ROOT, 'standard_fonts') + path.sep;

export type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | undefined;

/** Imports pdf.js and its worker code once; the worker runs in this thread (pdf.js's "fake worker"). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = (await import(pathToFileURL(path.join(PDFJS_ROOT, 'legacy/build/pdf.worker.mjs')).href)) as {
      WorkerMessageHandler?: unknown;
    };
    // pdf.js looks for an already-loaded worker here before importing one by URL, which saves a second module load.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
