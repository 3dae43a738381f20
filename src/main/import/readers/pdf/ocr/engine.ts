// The OCR engine: tesseract.js with the chi_sim LSTM model, everything loaded from installed packages (no network, no
// cache written), one engine per scanned file, words with per-character confidence in image pixels.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Worker as TesseractWorker } from 'tesseract.js';

const nodeRequire = createRequire(import.meta.url);

/** A recognised character: its text, confidence (0–100) and box in image pixels. */
export interface OcrSymbol {
  text: string;
  conf: number;
  box: [number, number, number, number];
}

export interface OcrWord {
  text: string;
  /** Lowest character confidence of the word, 0–100. */
  conf: number;
  box: [number, number, number, number];
  /** Box of the word's line (for a common baseline and size). */
  line: [number, number, number, number];
  symbols: OcrSymbol[];
}

export type StripMode = 'digits' | 'digits-chi' | 'text';

/** Characters a value cell may hold. */
const DIGITS = '0123456789.';

export interface OcrEngine {
  /** A whole page, laid out automatically. */
  recognize(png: Buffer, dpi: number): Promise<OcrWord[]>;
  /**
   * A strip of table cells stacked one above the other, read as one block: `digits` with the English model limited to
   * digits and the decimal point, `digits-chi` with chi_sim limited alike (two models, so two independent readings),
   * `text` with chi_sim.
   */
  recognizeStrip(png: Buffer, dpi: number, mode: StripMode): Promise<OcrWord[]>;
  close(): Promise<void>;
}

/** Installed locations of the engine's parts: a language data package and tesseract's own worker and core. */
export function enginePaths(lang: 'chi_sim' | 'eng' = 'chi_sim'): { langPath: string; workerPath: string; corePath: string } {
  const tess = path.dirname(nodeRequire.resolve('tesseract.js/package.json'));
  const core = path.dirname(nodeRequire.resolve('tesseract.js-core/package.json'));
  const data = path.dirname(nodeRequire.resolve(`@tesseract.js-data/${lang}/package.json`));
  return {
    // The integer "best" LSTM models (chi_sim 1.7 MB, eng 2.9 MB): as accurate as "best" and faster.
    langPath: path.join(data, '4.0.0_best_int'),
    workerPath: path.join(tess, 'src', 'worker-script', 'node', 'index.js'),
    corePath: core,
  };
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const toBox = (b: Box): [number, number, number, number] => [b.x0, b.y0, b.x1, b.y1];

function wordsOf(r: Awaited<ReturnType<TesseractWorker['recognize']>>): OcrWord[] {
  const words: OcrWord[] = [];
  for (const block of r.data.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        for (const w of line.words) {
          if (!w.text.trim()) continue;
          const symbols = w.symbols.map((s) => ({ text: s.text, conf: s.confidence, box: toBox(s.bbox) }));
          const conf = symbols.length ? Math.min(...symbols.map((s) => s.conf)) : w.confidence;
          words.push({ text: w.text, conf, box: toBox(w.bbox), line: toBox(line.bbox), symbols });
        }
      }
    }
  }
  return words;
}

async function startWorker(lang: 'chi_sim' | 'eng'): Promise<TesseractWorker> {
  const { createWorker, OEM } = await import('tesseract.js');
  return createWorker(lang, OEM.LSTM_ONLY, {
    ...enginePaths(lang),
    gzip: true,
    cacheMethod: 'none',
    // Errors come back through the promises; the default handler would also print them.
    errorHandler: () => undefined,
  });
}

export async function createEngine(): Promise<OcrEngine> {
  const { PSM } = await import('tesseract.js');
  const worker = await startWorker('chi_sim');
  // The digits reader starts when the first table is read (a scan without tables never loads it).
  let digits: Promise<TesseractWorker> | undefined;
  // Automatic layout: sparse-text mode was faster but scattered prose into single characters.
  // debug_file: tesseract's own notes ("Detected 29 diacritics") go nowhere instead of to the terminal.
  // tessedit_do_invert: printed reports have no white-on-black text; tesseract would try every line inverted too.
  const page = {
    tessedit_pageseg_mode: PSM.AUTO,
    tessedit_char_whitelist: '',
    tessedit_do_invert: '0',
    preserve_interword_spaces: '1',
    debug_file: '/dev/null',
  };
  await worker.setParameters(page);
  return {
    async recognize(png, dpi) {
      await worker.setParameters({ ...page, user_defined_dpi: String(Math.round(dpi)) });
      return wordsOf(await worker.recognize(png, {}, { blocks: true, text: false }));
    },
    async recognizeStrip(png, dpi, mode) {
      const w =
        mode !== 'digits'
          ? worker
          : await (digits ??= startWorker('eng').then(async (d) => {
              await d.setParameters({
                tessedit_char_whitelist: DIGITS,
                tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
                tessedit_do_invert: '0',
                debug_file: '/dev/null',
              });
              return d;
            }));
      await w.setParameters({
        user_defined_dpi: String(Math.round(dpi)),
        ...(mode !== 'digits'
          ? { tessedit_pageseg_mode: PSM.SINGLE_BLOCK, tessedit_char_whitelist: mode === 'digits-chi' ? DIGITS : '' }
          : {}),
      });
      return wordsOf(await w.recognize(png, {}, { blocks: true, text: false }));
    },
    async close() {
      await worker.terminate().catch(() => undefined);
      if (digits) await (await digits.catch(() => undefined))?.terminate().catch(() => undefined);
    },
  };
}
