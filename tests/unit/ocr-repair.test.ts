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

/** A cell read three times (reread.ts): the English digits reader (the cell's text), chi_sim on the cell, the page. */
type Triple = { first: string; second: string; page: string; agreed?: boolean };
const T3_COLS = ['natural', 'org_commercial', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total'];

/** Rows of 表三 as OCR'd and read again cell by cell; a plain string is a cell the two cell readers read alike. */
function table3(rows: Record<string, (string | Triple)[]>): { cells: Record<string, ParsedCell>; doc: SourceDocument } {
  const cells: Record<string, ParsedCell> = {};
  const grid: TableCell[][] = [];
  Object.entries(rows).forEach(([rowId, reads], r) => {
    const row: TableCell[] = [];
    reads.forEach((read, i) => {
      const t: Triple = typeof read === 'string' ? { first: read, second: read, page: read, agreed: true } : read;
      const box: [number, number, number, number] = [100 + i * 40, 100 + r * 30, 140 + i * 40, 130 + r * 30];
      const id = rowId.startsWith('t2/') ? rowId : `t3/${rowId}/${T3_COLS[i]}`;
      cells[id] = t.first
        ? { value: Number(t.first), state: 'number', raw: t.first, source: { page: 1, box } }
        : { value: null, state: 'blank', raw: '', source: { page: 1, box } };
      row.push({
        text: t.first,
        rowSpan: 1,
        colSpan: 1,
        anchor: { kind: 'pdf', page: 1, box },
        ocr: {
          confidence: 97,
          digits: [...t.first].map((ch) => ({ ch, conf: 97 })),
          ...(t.first ? {} : { unread: true }),
          secondRead: t.second,
          pageRead: t.page,
          agreed: t.agreed ?? false,
        },
      });
    });
    grid.push(row);
  });
  return { cells, doc: { format: 'pdf', blocks: [{ kind: 'table', rows: grid }], meta: {}, problems: [] } };
}

/** The cells of the first table row of a document made by table3(). */
function firstRow(doc: SourceDocument): TableCell[] {
  const table = doc.blocks[0];
  return table?.kind === 'table' ? table.rows[0]! : [];
}

describe('OCR repair with each cell read again by two readers', () => {
  const zeros = ['0', '0', '0', '0', '0'];

  it('takes a cell both cell readers read alike, even in table 二 where no identity can confirm it', () => {
    const { cells, doc } = table3({ 't2/regulations/issued': ['26'] });
    expect(repairOcrCells(cells, doc)['t2/regulations/issued']).toMatchObject({ value: 26, state: 'number' });
  });

  it('does not take readings that agree without confidence when an identity they are in fails', () => {
    const { cells, doc } = table3({ granted: ['7', ...zeros, '8'] });
    for (const c of firstRow(doc)) c.ocr!.confidence = 80;
    expect(repairOcrCells(cells, doc)['t3/granted/natural']!.state).toBe('ambiguous');
    expect(repairOcrCells(cells, doc)['t3/granted/total']!.state).toBe('ambiguous');
  });

  it('settles readers that disagree by the arithmetic when a row and a column confirm it, marked as repaired', () => {
    const { cells, doc } = table3({
      granted: [{ first: '154', second: '454', page: '454' }, ...zeros, '454'],
      partial: ['3', ...zeros, '3'],
      total: ['457', ...zeros, '457'],
    });
    const out = repairOcrCells(cells, doc);
    expect(out['t3/granted/natural']).toMatchObject({ value: 454, state: 'number', ocr: { repaired: true, read: '154' } });
    expect(out['t3/granted/natural']!.note).toContain('454');
  });

  it('leaves ambiguous a glyph misread alike in a row and its total when no column can confirm it', () => {
    // Printed 5 … 5: the first reader says 3 and 5, chi_sim 2 and 2; only 2 + 0 … = 2 adds up, but nothing else confirms it.
    const { cells, doc } = table3({
      granted: [{ first: '3', second: '2', page: '' }, ...zeros, { first: '5', second: '2', page: 'In' }],
    });
    const out = repairOcrCells(cells, doc);
    expect(out['t3/granted/natural']!.state).toBe('ambiguous');
    expect(out['t3/granted/total']!.state).toBe('ambiguous');
  });

  it("keeps a sum that fails as the report's own when two models read every cell of it alike", () => {
    const { cells, doc } = table3({ granted: ['7', ...zeros, '8'] });
    for (const c of firstRow(doc)) c.ocr!.confidence = 99;
    const out = repairOcrCells(cells, doc);
    expect(out['t3/granted/natural']).toMatchObject({ value: 7, state: 'number' });
    expect(out['t3/granted/total']).toMatchObject({ value: 8, state: 'number' });
  });

  it('doubts a reading with ink beside it even when the readers agree (a minus sign merged into a 1)', () => {
    const { cells, doc } = table3({ 't2/penalty/delta': ['18'] });
    const cell = firstRow(doc)[0]!;
    cell.ocr = { ...cell.ocr!, agreed: false, stray: true };
    expect(repairOcrCells(cells, doc)['t2/penalty/delta']!.state).toBe('ambiguous');
  });

  it('keeps one unreadable row from leaving the rest of the table in doubt', () => {
    const { cells, doc } = table3({
      // No reading of this row adds up (a value under the seal was read as 1 by every reader).
      granted: [{ first: '447', second: '447', page: '' }, '7', '1', '0', '0', '0', { first: '454', second: '154', page: '' }],
      partial: [{ first: '12', second: '12', page: '' }, ...zeros, '12'],
      total: ['459', '7', '1', '0', '0', '0', '466'],
    });
    const out = repairOcrCells(cells, doc);
    expect(out['t3/granted/natural']!.state).toBe('ambiguous');
    expect(out['t3/partial/natural']).toMatchObject({ value: 12, state: 'number' });
  });
});
