// Text whose tables lost their reading order (plain pdftotext puts cells in column order; layout text lets value
// lines float away from their labels) is read only partly — but a cell is either right or uncertain, never wrong.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/main/services/parse-file';

const dir = join(import.meta.dirname, '..', 'fixtures', 'degraded');
const truthDir = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'truth');

describe('degraded text extractions', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    it(`${name}: no confident wrong number`, async () => {
      const truth = JSON.parse(readFileSync(join(truthDir, `${name.slice(0, name.indexOf('.'))}.json`), 'utf8')) as {
        cells: Record<string, number | null>;
      };
      const { model } = await parseFile(join(dir, name));
      expect(model?.template).not.toBe('unknown');
      const wrong = Object.entries(truth.cells).filter(([id, v]) => model!.cells[id]?.state === 'number' && model!.cells[id]!.value !== v);
      expect(wrong).toEqual([]);
      // Still useful: a part of the table is read.
      const right = Object.entries(truth.cells).filter(([id, v]) => model!.cells[id]?.value === v).length;
      expect(right).toBeGreaterThan(Object.keys(truth.cells).length * 0.1);
    });
  }
});
