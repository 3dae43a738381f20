// Locates pdf.js and its CMap / standard-font folders on disk, and loads the library once per process, cheaply.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
 * Edits to pdf.js's worker code, as [what it says, the exact text, its replacement]. Each must match once, or none is
 * applied and the original file is loaded.
 *
 * A TrueType font embedded with its own ToUnicode map is neither inflated whole ahead of time nor rebuilt (checkAndRepair: every glyph's outline checked
 * and a new font file written — 30–60 % of reading a WPS-made PDF with embedded CID fonts) when font faces are enabled,
 * which in Node only the reader does (it installs none: font-faces.ts). Text needs the font's widths and its
 * ToUnicode map, which come from the PDF, not from the font program: with an included ToUnicode map pdf.js's repair
 * does not touch that map (adjustTrueTypeToUnicode returns early). Rendering (OCR's page images) opens documents with
 * font faces disabled and keeps the full font.
 */
export const WORKER_PATCHES: readonly [string, string, string][] = [
  [
    'no font program rebuilt for text only',
    `          this.mimetype = "font/opentype";
          data = this.checkAndRepair(name, file, properties);`,
    `          this.mimetype = "font/opentype";
          data = !this.disableFontFace && properties.hasIncludedToUnicodeMap && type !== "OpenType" ? undefined : this.checkAndRepair(name, file, properties);`,
  ],
  [
    'no font program inflated ahead for text only',
    `          if (fontFile.isAsync) {`,
    `          if (fontFile.isAsync && (this.options.disableFontFace || !(toUnicode instanceof BaseStream) || !descriptor.has("FontFile2"))) {`,
  ],
  [
    // Every field of a TextState is its own (class fields, copied by Object.assign); a clone that inherits from the
    // state it copies gains nothing but a new prototype chain, which makes every access to text states megamorphic.
    'text states cloned onto their class',
    `    const clone = Object.assign(Object.create(this), this);`,
    `    const clone = Object.assign(Object.create(TextState.prototype), this);`,
  ],
];

/**
 * The worker file to load: a patched copy (WORKER_PATCHES) written once per pdf.js version under node_modules/.cache,
 * or the original when the copy cannot be written (a read-only install) or a patch no longer matches pdf.js.
 */
export function workerFile(): string {
  // For comparing output and speed with pdf.js as released.
  if (process.env['REPORT_INSPECTOR_PDFJS_UNPATCHED']) return WORKER_FILE;
  try {
    const version = (nodeRequire('pdfjs-dist/package.json') as { version: string }).version;
    const id = createHash('sha256').update(JSON.stringify(WORKER_PATCHES)).digest('hex').slice(0, 12);
    const dir = path.join(PDFJS_ROOT, '..', '.cache', 'report-inspector');
    const patched = path.join(dir, `pdf.worker.${version}.${id}.mjs`);
    if (existsSync(patched)) return patched;
    let source = readFileSync(WORKER_FILE, 'utf8');
    for (const [, from, to] of WORKER_PATCHES) {
      if (source.split(from).length !== 2) return WORKER_FILE;
      source = source.replace(from, () => to);
    }
    mkdirSync(dir, { recursive: true });
    const temp = `${patched}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, source);
    renameSync(temp, patched);
    return patched;
  } catch {
    return WORKER_FILE;
  }
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
    const worker = nodeRequire(workerFile()) as { WorkerMessageHandler?: unknown };
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
    const worker = (await import(pathToFileURL(workerFile()).href)) as { WorkerMessageHandler?: unknown };
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
