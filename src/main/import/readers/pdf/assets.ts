// Locates pdf.js and its CMap / standard-font folders on disk, and loads the library once per process, cheaply.
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

const WORKER_FILE = path.join(PDFJS_ROOT, 'legacy/build/pdf.worker.mjs');
const MAIN_FILE = path.join(PDFJS_ROOT, 'legacy/build/pdf.mjs');

export type PdfJs = typeof PdfJsModule;

/**
 * Built-ins the legacy build's core-js polyfills overwrite on Node 20 although Node's own are correct for pdf.js:
 * a script `Array.prototype.push` alone cost ~12 % of every parse, and it slowed every other array in the process too.
 * Only replacements are undone; what core-js adds (Promise.withResolvers, Uint8Array.toBase64…) pdf.js needs and keeps.
 */
const RESTORED: readonly [object, string][] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

/** Notes the RESTORED built-ins; the returned function puts back any that were replaced since. */
function guardNatives(): () => void {
  const saved = RESTORED.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key));
  return () =>
    RESTORED.forEach(([owner, key], i) => {
      const before = saved[i];
      if (before && Object.getOwnPropertyDescriptor(owner, key)?.value !== before.value) Object.defineProperty(owner, key, before);
    });
}

/**
 * Loads the two pdf.js modules with a synchronous require (Node ≥ 20.19 can require ES modules). Under tsx (the command
 * line, `npm run bench`, the parse worker started from them) an `import()` sends these 3 MB of code through tsx's loader
 * thread, which rewrites every dynamic import in them with a fine-grained source map: ~2 s on every process start. A
 * require goes through tsx's esbuild hook instead, whose result tsx caches on disk; without tsx it is Node's own loader.
 * Source maps are off while they load: pdf.js reads an Error's stack at start-up, which would parse its 8 MB of .map files.
 */
function requirePdfJs(): PdfJs {
  const proc = process as { sourceMapsEnabled?: boolean };
  const maps = proc.sourceMapsEnabled === true;
  const restore = guardNatives();
  if (maps) process.setSourceMapsEnabled(false);
  try {
    const worker = nodeRequire(WORKER_FILE) as { WorkerMessageHandler?: unknown };
    // pdf.js looks for an already-loaded worker here before importing one by URL, which saves a second module load.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return nodeRequire(MAIN_FILE) as PdfJs;
  } finally {
    if (maps) process.setSourceMapsEnabled(true);
    restore();
  }
}

/** The slower path, for a Node that cannot require ES modules. */
async function importPdfJs(): Promise<PdfJs> {
  const restore = guardNatives();
  try {
    const worker = (await import(pathToFileURL(WORKER_FILE).href)) as { WorkerMessageHandler?: unknown };
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return (await import(pathToFileURL(MAIN_FILE).href)) as PdfJs;
  } finally {
    restore();
  }
}

let loading: Promise<PdfJs> | undefined;

/** Imports pdf.js and its worker code once; the worker runs in this thread (pdf.js's "fake worker"). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    try {
      return requirePdfJs();
    } catch {
      return importPdfJs();
    }
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
