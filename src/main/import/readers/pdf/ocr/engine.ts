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

export interface OcrEngine {
  recognize(png: Buffer, dpi: number): Promise<OcrWord[]>;
  close(): Promise<void>;
}

/** Installed locations of the engine's parts: the language data package and tesseract's own worker and core. */
export function enginePaths(): { langPath: string; workerPath: string; corePath: string } {
  const tess = path.dirname(nodeRequire.resolve('tesseract.js/package.json'));
  const core = path.dirname(nodeRequire.resolve('tesseract.js-core/package.json'));
  const chi = path.dirname(nodeRequire.resolve('@tesseract.js-data/chi_sim/package.json'));
  return {
    // The integer "best" LSTM model: 1.7 MB, as accurate as "best" and faster.
    langPath: path.join(chi, '4.0.0_best_int'),
    workerPath: path.join(tess, 'src', 'worker-script', 'node', 'index.js'),
    corePath: core,
  };
}

type Box = { x0: number; y0: number; x1: number; y1: number };
const toBox = (b: Box): [number, number, number, number] => [b.x0, b.y0, b.x1, b.y1];

export async function createEngine(): Promise<OcrEngine> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  const paths = enginePaths();
  const worker: TesseractWorker = await createWorker('chi_sim', OEM.LSTM_ONLY, {
    ...paths,
    gzip: true,
    cacheMethod: 'none',
    // Errors come back through the promises; the default handler would also print them.
    errorHandler: () => undefined,
  });
  // Automatic layout: sparse-text mode was faster but scattered prose into single characters.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
  return {
    async recognize(png, dpi) {
      await worker.setParameters({ user_defined_dpi: String(Math.round(dpi)) });
      const r = await worker.recognize(png, {}, { blocks: true, text: false });
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
    },
    async close() {
      await worker.terminate().catch(() => undefined);
    },
  };
}
