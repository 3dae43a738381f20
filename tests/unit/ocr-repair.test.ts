// The arithmetic as the second reader of OCR'd cells: one reading that restores R4 is proposed and marked; several,
// none, or a confident reading the arithmetic contradicts are ambiguous; table 二 OCR numbers are never confirmed.
import { describe, expect, it } from 'vitest';
import type { SourceDocument, TableCell } from '../../src/shared/document/types';
import type { ParsedCell } from '../../src/shared/model/report';
import { readingsOf, repairOcrCells } from '../../src/shared/parse/ocr-repair';

type Read = { raw: string; conf: number[] };
const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** 表四's review group as OCR'd: one cell per column, each with its digits' confidences. */
function group(reads: Read[]): { cells: Record<string, ParsedCell>; doc: SourceDocument } {
  const cells: Record<string, ParsedCell> = {};
  const row: TableCell[] = [];
  reads.forEach((r, i) => {
    const box: [number, number, number, number] = [100 + i * 50, 500, 150 + i * 50, 520];
    cells[`t4/review/${cols[i]}`] = { value: Number(r.raw), state: 'number', raw: r.raw, source: { page: 1, box } };
    row.push({
      text: r.raw,
      rowSpan: 1,
      colSpan: 1,
      anchor: { kind: 'pdf', page: 1, box },
      ocr: { confidence: Math.min(...r.conf), digits: [...r.raw].map((ch, k) => ({ ch, conf: r.conf[k]! })) },
    });
  });
  return { cells, doc: { format: 'pdf', blocks: [{ kind: 'table', rows: [row] }], meta: {}, problems: [] } };
}

describe('OCR repair by the arithmetic', () => {
  it('lists every reading of the doubtful digits', () => {
    expect(
      readingsOf('35', {
        confidence: 40,
        digits: [
          { ch: '3', conf: 99 },
          { ch: '5', conf: 40 },
        ],
      }),
    ).toHaveLength(10);
    expect(readingsOf('8', { confidence: 99, digits: [{ ch: '8', conf: 99 }] })).toEqual([8]);
  });

  it('keeps confirmed reads and marks their confidence', () => {
    const { cells, doc } = group([
      { raw: '7', conf: [99] },
      { raw: '2', conf: [98] },
      { raw: '1', conf: [97] },
      { raw: '0', conf: [99] },
      { raw: '10', conf: [99, 99] },
    ]);
    const out = repairOcrCells(cells, doc);
    expect(out['t4/review/total']).toMatchObject({ value: 10, state: 'number', ocr: { confidence: 99 } });
  });

  it('proposes the one reading of a low-confidence digit that restores R4, marked repaired', () => {
    const { cells, doc } = group([
      { raw: '7', conf: [99] },
      { raw: '8', conf: [55] }, // a 2 read as 8
      { raw: '1', conf: [97] },
      { raw: '0', conf: [99] },
      { raw: '10', conf: [99, 99] },
    ]);
    const out = repairOcrCells(cells, doc);
    expect(out['t4/review/corrected']).toMatchObject({ value: 2, state: 'number', ocr: { repaired: true, read: '8' } });
  });

  it('leaves cells ambiguous when several readings fit', () => {
    const { cells, doc } = group([
      { raw: '7', conf: [50] },
      { raw: '8', conf: [55] },
      { raw: '1', conf: [97] },
      { raw: '0', conf: [99] },
      { raw: '10', conf: [99, 99] },
    ]);
    const out = repairOcrCells(cells, doc);
    expect(out['t4/review/upheld']!.state).toBe('ambiguous');
    expect(out['t4/review/corrected']!.state).toBe('ambiguous');
  });

  it('never passes a confident read the arithmetic contradicts', () => {
    const { cells, doc } = group([
      { raw: '13', conf: [98, 98] },
      { raw: '4', conf: [99] },
      { raw: '8', conf: [99] },
      { raw: '1', conf: [98] },
      { raw: '206', conf: [98, 92, 99] }, // 26 with a rule's remnant read as 0
    ]);
    const out = repairOcrCells(cells, doc);
    for (const c of cols) expect(out[`t4/review/${c}`]!.state).toBe('ambiguous');
  });
});
