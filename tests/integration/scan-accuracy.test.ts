// Scanned reports (tests/fixtures/generated/scan, made by scripts/make-fixtures/scans.sh): OCR'd cells against the
// truth of the document they were rendered from. No OCR reading may come out as a confident wrong number: every wrong
// read is ambiguous (or repaired by the arithmetic and then right). Slow (OCR, ~3 s of CPU a page): run on its own.
import { describe, expect, it } from 'vitest';
import type { ParsedCell } from '../../src/shared/model/report';
import { manifestEntries, parseFixture } from './fixture-manifest';

const manifest = manifestEntries((e) => e.kind === 'scan');

/** A number the inspector would take as read, that is not what the document prints. */
function confidentWrong(cell: ParsedCell | undefined, want: number | null): boolean {
  if (!cell || cell.state === 'ambiguous' || cell.state === 'missing') return false;
  return cell.value !== want;
}

describe('scanned reports read by OCR', () => {
  for (const entry of manifest) {
    it(`${entry.file}: no confident wrong number, accuracy ≥ ${entry.minAccuracy ?? 0.98}`, { timeout: 400_000 }, async () => {
      const { model, truth } = await parseFixture(entry, 'rerun scans.sh and update the manifest');
      const ids = Object.keys(truth.cells);
      const wrong = ids.filter((id) => confidentWrong(model.cells[id], truth.cells[id]!));
      expect(wrong.map((id) => `${id}: want ${truth.cells[id]}, got ${JSON.stringify(model.cells[id])}`)).toEqual([]);
      const right = ids.filter((id) => model.cells[id]?.value === truth.cells[id] && model.cells[id]?.state !== 'ambiguous');
      const accuracy = right.length / ids.length;
      console.log(`${entry.file}: ${right.length}/${ids.length} = ${(accuracy * 100).toFixed(1)}% (template ${model.template})`);
      expect(accuracy).toBeGreaterThanOrEqual(entry.minAccuracy ?? 0.98);
      // Repaired cells say so, and what was read.
      for (const c of Object.values(model.cells)) if (c.ocr?.repaired) expect(c.ocr.read).toBeTypeOf('string');
      const invented = truth.undeterminable.filter((id) => model.cells[id]?.state === 'number');
      expect(invented).toEqual([]);
    });
  }
});
