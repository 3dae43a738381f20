// Parse accuracy against the ground truth (contract.md §4), for every document in the fixture manifest:
// the real corpus and the Word/PDF/HTML variants generated from it. Truth is never our own output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, manifestEntries, parseFixture } from './fixture-manifest';

// Scans are read by OCR and measured on their own (scan-accuracy.test.ts): slow, and uncertain cells are allowed there.
const manifest = manifestEntries((e) => e.kind !== 'scan');
const gaps = JSON.parse(readFileSync(join(FIXTURES, 'known-gaps.json'), 'utf8')) as Record<string, Record<string, string>>;

describe('parse accuracy on the fixture manifest', () => {
  for (const entry of manifest) {
    it(`${entry.file} matches truth/${entry.truth}.json`, async () => {
      const { model, truth } = await parseFixture(entry, 'rerun scripts/fixtures-manifest.ts');
      expect(model.template).toBe(truth.template);
      const known = entry.kind === 'corpus' ? (gaps[entry.truth] ?? {}) : {};
      const wrong: string[] = [];
      for (const [id, want] of Object.entries(truth.cells)) {
        const cell = model.cells[id];
        if (id in known) {
          expect(cell?.state, `${id}: a known gap must stay uncertain`).toMatch(/ambiguous|missing/);
          continue;
        }
        if (!cell || cell.value !== want)
          wrong.push(`${id}: want ${want}, got ${cell?.value} (${cell?.state}, raw ${JSON.stringify(cell?.raw)})`);
      }
      expect(wrong).toEqual([]);
      // Cells the document does not determine are never confident numbers; a non-report has no numbers at all.
      const undeterminable = truth.template === 'unknown' ? Object.keys(model.cells) : truth.undeterminable;
      const invented = undeterminable.filter((id) => model.cells[id]?.state === 'number');
      expect(invented).toEqual([]);
      if (entry.kind === 'corpus') {
        expect(model.year).toBe(truth.year);
        expect(model.organ).toBe(truth.organ);
        expect(model.publishedAt).toBe(truth.publishedAt);
      }
    });
  }
});
