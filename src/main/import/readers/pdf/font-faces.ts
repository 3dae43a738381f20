// Keeps pdf.js from preparing embedded fonts for drawing: text and operator lists never draw a glyph.
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface FontLoaderLike {
  bind: (font: unknown) => Promise<void>;
}

function fontLoaderOf(doc: PDFDocumentProxy): FontLoaderLike | undefined {
  const transport: unknown = (doc as unknown as { _transport?: unknown })._transport;
  if (!transport || typeof transport !== 'object' || !('fontLoader' in transport)) return undefined;
  const loader: unknown = transport.fontLoader;
  if (!loader || typeof loader !== 'object' || !('bind' in loader) || typeof loader.bind !== 'function') return undefined;
  return loader as FontLoaderLike;
}

/** False once a document's font loader could not be found: later documents then take pdf.js's own Node setting. */
let loaderFound = true;

/** The `disableFontFace` option for the next document: off (the fast path) while skipFontFaces can do its work. */
export function disableFontFaceOption(): boolean {
  return !loaderFound;
}

/**
 * Makes the document's font loader a no-op; true when it could.
 *
 * pdf.js sends every embedded font to a loader meant for a browser page. With `disableFontFace: true` (the Node default)
 * the worker instead compiles an outline path for every glyph shown on every page — a quarter to a third of the parse
 * time, of use only to a renderer. So the reader opens documents with font faces enabled and, through this, installs
 * nothing. If a pdf.js update moves this private field, nothing breaks: Node has no document to install fonts in, pdf.js
 * falls back to glyph paths by itself, and from the next document on the reader asks for glyph paths directly again.
 */
export function skipFontFaces(doc: PDFDocumentProxy): boolean {
  const loader = fontLoaderOf(doc);
  loaderFound = loader !== undefined;
  if (!loader) return false;
  loader.bind = () => Promise.resolve();
  return true;
}
