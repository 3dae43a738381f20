// Resolving rowspan/colspan into a rectangular grid.
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../../src/shared/document/grid';
import { cell } from './helpers';

describe('buildGrid', () => {
  it('places cells around row and column spans', () => {
    const grid = buildGrid({
      kind: 'table',
      rows: [
        [cell('A', 2), cell('B', 1, 2)],
        [cell('C'), cell('D')],
      ],
    });
    expect(grid.map((r) => r.map((s) => (s ? `${s.cell.text}${s.origin ? '' : "'"}` : '.')))).toEqual([
      ['A', 'B', "B'"],
      ["A'", 'C', 'D'],
    ]);
  });

  it('clips spans that reach past the table and clamps absurd ones', () => {
    const grid = buildGrid({ kind: 'table', rows: [[cell('A', 99, 1e9)]] });
    expect(grid.length).toBe(1);
    expect(grid[0]!.length).toBe(1000);
  });
});
