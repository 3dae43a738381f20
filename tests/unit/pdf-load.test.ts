// Tests how the PDF reader loads pdf.js: built-ins and the source-map setting left as found, font faces never prepared.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { loadPdfJs, WORKER_PATCHES, workerFile } from '../../src/main/import/readers/pdf/assets';
import { disableFontFaceOption, skipFontFaces } from '../../src/main/import/readers/pdf/font-faces';
import { readPage } from '../../src/main/import/readers/pdf/page-content';

const HUAIAN = path.join(__dirname, '../fixtures/corpus/real/2024_jiangsu_huaian_city.pdf');

describe('loadPdfJs', () => {
  it('keeps the source-map setting it found', async () => {
    const proc = process as { sourceMapsEnabled?: boolean };
    const before = proc.sourceMapsEnabled;
    process.setSourceMapsEnabled(true);
    try {
      await loadPdfJs();
      expect(proc.sourceMapsEnabled ?? true).toBe(true);
    } finally {
      process.setSourceMapsEnabled(before === true);
    }
  });

  it('leaves push, JSON and Function#toString native (core-js replaces them with slow script versions on Node 20)', async () => {
    await loadPdfJs();
    // Another realm's toString prints a script function's real source, so a polyfill cannot pass for native here.
    const nativeToString = vm.runInNewContext('Function.prototype.toString') as (this: unknown) => string;
    for (const fn of [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]) {
      expect(nativeToString.call(fn)).toMatch(/\{\s*\[native code\]\s*\}$/);
    }
    // What core-js adds and pdf.js needs stays.
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});

describe('the patched pdf.js worker', () => {
  it('applies every patch (a pdf.js update that moves one loads the original: correct, but slower)', () => {
    const file = workerFile();
    expect(file).toMatch(/report-inspector/);
    const source = readFileSync(file, 'utf8');
    for (const [what, from, to] of WORKER_PATCHES) {
      expect(source.includes(to), what).toBe(true);
      expect(source.includes(from), what).toBe(false);
    }
  });
});

describe('skipFontFaces', () => {
  it('finds the font loader of a pdf.js document, and pages still read with font faces left uninstalled', async () => {
    const pdfjs = await loadPdfJs();
    const task = pdfjs.getDocument({
      data: new Uint8Array(readFileSync(HUAIAN)),
      disableFontFace: false,
      isEvalSupported: false,
      verbosity: 0,
    });
    try {
      const doc = await task.promise;
      // Fails when a pdf.js update moves the loader: the reader then still works, but a third slower.
      expect(skipFontFaces(doc)).toBe(true);
      const content = await readPage(pdfjs, await doc.getPage(1));
      expect(content.runs.map((r) => r.str).join('')).toContain('政府信息公开');
    } finally {
      await task.destroy();
    }
  });

  it('asks pdf.js for glyph paths again once a document has no font loader to skip, until one has', async () => {
    expect(skipFontFaces({} as PDFDocumentProxy)).toBe(false);
    expect(disableFontFaceOption()).toBe(true);
    const pdfjs = await loadPdfJs();
    const task = pdfjs.getDocument({ data: new Uint8Array(readFileSync(HUAIAN)), disableFontFace: true, verbosity: 0 });
    try {
      expect(skipFontFaces(await task.promise)).toBe(true);
      expect(disableFontFaceOption()).toBe(false);
    } finally {
      await task.destroy();
    }
  });
});
