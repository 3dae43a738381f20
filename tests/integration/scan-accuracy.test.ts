// Scanned reports (tests/fixtures/generated/scan, made by scripts/make-fixtures/scans.sh): OCR'd cells against the
// truth of the document they were rendered from. No OCR reading may come out as a confident wrong number: every wrong
// read is ambiguous (or repaired by the arithmetic and then right). Slow (OCR, ~3 s of CPU a page): run on its own.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/main/services/parse-file';
import type { ParsedCell } from '../../src/shared/model/report';

const root = join(import.meta.dirname, '..', 'fixtures');
interface Entry {
  file: string;
  sha256: string;
  truth: string;
  kind: string;
  /** Share of truth cells read right that this fixture must reach (measured; the aim is 0.98). */
  minAccuracy?: number;
}
interface Truth {
  template: string;
  cells: Record<string, number | null>;
  undeterminable: string[];
}
const manifest = (JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Entry[]).filter((e) => e.kind === 'scan');

/** A number the inspector would take as read, that is not what the document prints. */
function confidentWrong(cell: ParsedCell | undefined, want: number | null): boolean {
  if (!cell || cell.state === 'ambiguous' || cell.state === 'missing') return false;
  return cell.value !== want;
}

describe('scanned reports read by OCR', () => {
  for (const entry of manifest) {
    it(`${entry.file}: no confident wrong number, accuracy ≥ ${entry.minAccuracy ?? 0.98}`, { timeout: 400_000 }, async () => {
      const path = join(root, entry.file);
      expect(createHash('sha256').update(readFileSync(path)).digest('hex'), 'fixture changed: rerun scans.sh and update the manifest').toBe(
        entry.sha256,
      );
      const truth = JSON.parse(readFileSync(join(root, 'corpus', 'truth', `${entry.truth}.json`), 'utf8')) as Truth;
      const { model, problems } = await parseFile(path);
      expect(model, problems.map((p) => p.message).join('; ')).toBeDefined();
      const ids = Object.keys(truth.cells);
      const wrong = ids.filter((id) => confidentWrong(model!.cells[id], truth.cells[id]!));
      expect(wrong.map((id) => `${id}: want ${truth.cells[id]}, got ${JSON.stringify(model!.cells[id])}`)).toEqual([]);
      const right = ids.filter((id) => model!.cells[id]?.value === truth.cells[id] && model!.cells[id]?.state !== 'ambiguous');
      const accuracy = right.length / ids.length;
      console.log(`${entry.file}: ${right.length}/${ids.length} = ${(accuracy * 100).toFixed(1)}% (template ${model!.template})`);
      expect(accuracy).toBeGreaterThanOrEqual(entry.minAccuracy ?? 0.98);
      // Repaired cells say so, and what was read.
      for (const c of Object.values(model!.cells)) if (c.ocr?.repaired) expect(c.ocr.read).toBeTypeOf('string');
      const invented = truth.undeterminable.filter((id) => model!.cells[id]?.state === 'number');
      expect(invented).toEqual([]);
    });
  }
});
