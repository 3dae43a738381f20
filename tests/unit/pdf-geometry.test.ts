// Tests the PDF reader's geometry on synthetic input: grids from rules, merged cells, fake bold, text tables, page joins.
import { describe, expect, it } from 'vitest';
import { joinAcrossPages, toTableBlock } from '../../src/main/import/readers/pdf/assemble';
import { loadPdfJs } from '../../src/main/import/readers/pdf/assets';
import { fillTable } from '../../src/main/import/readers/pdf/fill-table';
import { readOperators } from '../../src/main/import/readers/pdf/page-content';
import type { PageLayout } from '../../src/main/import/readers/pdf/page-layout';
import { dropPageFurniture } from '../../src/main/import/readers/pdf/paragraphs';
import { findSkeletons } from '../../src/main/import/readers/pdf/ruled-tables';
import { findTextTables } from '../../src/main/import/readers/pdf/text-tables';
import { dedupeRuns, groupLines } from '../../src/main/import/readers/pdf/text-runs';
import type { PageTable, Segment, TextRun } from '../../src/main/import/readers/pdf/types';
import { buildGrid } from '../../src/shared/document/grid';

const h = (at: number, from: number, to: number): Segment => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): Segment => ({ dir: 'v', at, from, to });

function run(str: string, x0: number, base: number, size = 10, width?: number): TextRun {
  const w = width ?? [...str].reduce((n, ch) => n + (/[\u4e00-\u9fff]/.test(ch) ? size : size * 0.5), 0);
  return { str, x0, x1: x0 + w, base, y0: base - size * 0.88, y1: base + size * 0.12, size };
}

/** A 3 × 3 grid over x 0..300, y 0..60 with every rule drawn, minus the pieces listed. */
function grid(skip: (s: Segment) => boolean = () => false): Segment[] {
  const out: Segment[] = [];
  for (const y of [0, 20, 40, 60])
    for (const [a, b] of [
      [0, 100],
      [100, 200],
      [200, 300],
    ] as const)
      out.push(h(y, a, b));
  for (const x of [0, 100, 200, 300])
    for (const [a, b] of [
      [0, 20],
      [20, 40],
      [40, 60],
    ] as const)
      out.push(v(x, a, b));
  return out.filter((s) => !skip(s));
}

describe('ruled tables', () => {
  it('builds a full grid from cell-by-cell rules', () => {
    const [sk] = findSkeletons(grid());
    expect(sk?.xs).toEqual([0, 100, 200, 300]);
    expect(sk?.ys).toEqual([0, 20, 40, 60]);
    expect(sk?.cells).toHaveLength(9);
  });

  it('turns a missing inner rule piece into a column span and a row span', () => {
    const [sk] = findSkeletons(
      grid((s) => (s.dir === 'v' && s.at === 100 && s.from === 0) || (s.dir === 'h' && s.at === 40 && s.from === 200)),
    );
    const first = sk!.cells.find((c) => c.row === 0 && c.col === 0)!;
    expect([first.rowSpan, first.colSpan]).toEqual([1, 2]);
    const right = sk!.cells.find((c) => c.row === 1 && c.col === 2)!;
    expect([right.rowSpan, right.colSpan]).toEqual([2, 1]);
    expect(sk!.cells).toHaveLength(7);
  });

  it('ignores a lone underline and does not build a table from it', () => {
    expect(findSkeletons([h(50, 10, 200)])).toEqual([]);
  });

  it('keeps "10" in one cell and cuts a run that crosses a drawn rule', () => {
    const [sk] = findSkeletons(grid());
    const runs = [run('10', 140, 15), run('3 4', 90, 35, 10, 20)];
    const { table } = fillTable(sk!, runs, 1);
    const text = (r: number, c: number) => table.cells.find((x) => x.row === r && x.col === c)?.text;
    expect(text(0, 1)).toBe('10');
    expect(text(1, 0)).toBe('3');
    expect(text(1, 1)).toBe('4');
  });

  it('reads rules through the transform stack of the operator list', async () => {
    const pdfjs = await loadPdfJs();
    const OPS = pdfjs.OPS;
    // A 2 × 2 grid drawn at (0,0)-(100,40) in a space scaled by 2 and moved by (10, 10), then flipped by the viewport.
    const path = new Float32Array([
      0, 0, 0, 1, 100, 0, 0, 0, 20, 1, 100, 20, 0, 0, 40, 1, 100, 40, 0, 0, 0, 1, 0, 40, 0, 50, 0, 1, 50, 40, 0, 100, 0, 1, 100, 40,
    ]);
    const { segments } = readOperators(
      pdfjs,
      [OPS.save, OPS.transform, OPS.constructPath, OPS.restore],
      [null, [2, 0, 0, 2, 10, 10], [OPS.stroke, [path], null], null],
      [1, 0, 0, -1, 0, 200],
    );
    const [sk] = findSkeletons(segments);
    expect(sk?.xs).toEqual([10, 110, 210]);
    expect(sk?.ys).toEqual([110, 150, 190]);
  });
});

describe('text runs', () => {
  it('drops fake-bold copies drawn less than a point away, for text and numbers', () => {
    const runs = dedupeRuns([run('总计', 10, 20), run('总计', 10.4, 20.2), run('218', 60, 20), run('218', 60.3, 20)]);
    expect(runs.map((r) => r.str)).toEqual(['总计', '218']);
  });

  it('collapses a run of doubled glyphs only when its width fits the single string', () => {
    // "1100" one digit-pair wide is a fake-bold "10"; "11" two digits wide is eleven.
    expect(dedupeRuns([run('1100', 0, 10, 10, 11)])[0]!.str).toBe('10');
    expect(dedupeRuns([run('11', 0, 10, 10, 11)])[0]!.str).toBe('11');
  });

  it('drops page numbers in the margins but not numbers in the body', () => {
    const lines = groupLines([run('- 3 -', 280, 820), run('第 3 页', 280, 30), run('3', 100, 400)]);
    expect(dropPageFurniture(lines, 842).map((l) => l.text)).toEqual(['3']);
  });
});

describe('tables without rules', () => {
  it('rebuilds aligned numeric columns into a grid and leaves prose alone', () => {
    const lines = groupLines([
      run('这是一段正文，说明本年度的工作情况，内容较长。', 50, 100),
      run('项目', 50, 130),
      run('甲', 200, 130),
      run('乙', 260, 130),
      run('丙', 320, 130),
      run('本年新收', 50, 150),
      run('10', 200, 150),
      run('3', 260, 150),
      run('13', 320, 150),
      run('上年结转', 50, 170),
      run('7', 200, 170),
      run('0', 260, 170),
      run('7', 320, 170),
    ]);
    const { tables, rest } = findTextTables(lines);
    expect(rest.map((l) => l.text)).toEqual(['这是一段正文，说明本年度的工作情况，内容较长。']);
    expect(tables).toHaveLength(1);
    const rows = buildGrid(toTableBlock(tables)).map((row) => row.map((s) => s?.cell.text ?? ''));
    expect(rows).toContainEqual(['本年新收', '10', '3', '13']);
    expect(rows).toContainEqual(['上年结转', '7', '0', '7']);
  });
});

describe('tables across pages', () => {
  const cell = (row: number, col: number, text: string, x0: number, x1: number) => ({
    row,
    col,
    rowSpan: 1,
    colSpan: 1,
    box: [x0, row * 20, x1, row * 20 + 20] as [number, number, number, number],
    text,
  });
  const part = (page: number, rows: string[][]): PageTable => ({
    page,
    box: [0, 0, 300, rows.length * 20],
    xs: [0, 100, 200, 300],
    ys: rows.map((_, i) => i * 20).concat(rows.length * 20),
    cells: rows.flatMap((r, i) => r.map((t, c) => cell(i, c, t, c * 100, c * 100 + 100))),
  });
  const layout = (page: number, items: PageLayout['items']): PageLayout => ({ page, height: 842, items, chars: 100, hasImages: false });

  it('joins a table that ends a page with one that starts the next, dropping a repeated header', () => {
    const a = part(4, [
      ['项目', '自然人', '总计'],
      ['本年新收', '10', '10'],
    ]);
    const b = part(5, [
      ['项目', '自然人', '总计'],
      ['上年结转', '0', '0'],
    ]);
    const joined = joinAcrossPages([layout(4, [{ kind: 'table', table: a, page: 4 }]), layout(5, [{ kind: 'table', table: b, page: 5 }])]);
    expect(joined).toHaveLength(1);
    const item = joined[0]!;
    if (item.kind !== 'joined') throw new Error('not joined');
    expect(toTableBlock(item.parts).rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目', '自然人', '总计'],
      ['本年新收', '10', '10'],
      ['上年结转', '0', '0'],
    ]);
  });

  it('keeps tables apart when text stands between them or the columns differ', () => {
    const a = part(4, [['项目', '数量', '总计']]);
    const b = { ...part(5, [['甲', '1', '1']]), xs: [0, 50, 250, 300] };
    const para = { kind: 'paragraph' as const, text: '正文', box: [0, 0, 10, 10] as [number, number, number, number], page: 5 };
    expect(
      joinAcrossPages([layout(4, [{ kind: 'table', table: a, page: 4 }]), layout(5, [{ kind: 'table', table: b, page: 5 }])]),
    ).toHaveLength(2);
    expect(
      joinAcrossPages([
        layout(4, [{ kind: 'table', table: a, page: 4 }]),
        layout(5, [para, { kind: 'table', table: part(5, [['甲', '1', '1']]), page: 5 }]),
      ]),
    ).toHaveLength(3);
  });
});
