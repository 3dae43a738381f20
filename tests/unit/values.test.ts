// Fitting tokens to cells: exact slots, shifted rows, digit runs split only where the reading is unique.
import { describe, expect, it } from 'vitest';
import { agreed, fitRow, type Token } from '../../src/shared/parse/values';
import type { ColumnDomain } from '../../src/shared/template/catalog';

const num = (text: string, row = 0): Token => ({ kind: 'num', text, pos: 0, row });
const blank = (row = 0): Token => ({ kind: 'blank', text: '', pos: 0, row });
const dash = (text = '/'): Token => ({ kind: 'dash', text, pos: 0, row: 0 });
const counts = (n: number): ColumnDomain[] => Array.from({ length: n }, () => 'count');
const rowSum = (v: number[]) => v[6] === v.slice(0, 6).reduce((a, b) => a + b, 0);
const values = (tokens: Token[], domains: ColumnDomain[], constraint?: (v: number[]) => boolean, lastIsTotal = false) =>
  agreed(fitRow(tokens, { domains, ...(constraint ? { constraint } : {}), lastIsTotal }), domains.length).map((v) =>
    v ? (v.state === 'number' ? v.value : v.state) : '?',
  );

describe('fitRow', () => {
  it('reads one token per cell as printed, keeping blanks and dashes apart from zero', () => {
    expect(values([num('3'), blank(), dash(), num('12')], counts(4))).toEqual([3, 'blank', 'dash', 12]);
  });

  it('splits a run of zeros whose length equals the cell count (F4)', () => {
    expect(values([num('000000'), num('0')], counts(7), rowSum)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('splits a non-zero run only where the row total leaves one reading', () => {
    // 21710000218 = 217 | 1 | 0 | 0 | 0 | 0 | 218 is the only split whose total equals its parts.
    expect(values([num('21710000218')], counts(7), rowSum)).toEqual([217, 1, 0, 0, 0, 0, 218]);
  });

  it('leaves cells ambiguous when the total allows two splits', () => {
    // 330000033: 3|30|0|0|0|0|33 and 33|0|0|0|0|0|33 both add up.
    expect(values([num('330000033')], counts(7), rowSum)).toEqual(['?', '?', 0, 0, 0, 0, 33]);
  });

  it('never splits a run without a constraint into a confident number', () => {
    expect(values([num('693665')], counts(3))).toEqual(['?', '?', '?']);
    expect(values([num('000')], counts(3))).toEqual([0, 0, 0]);
    expect(values([num('007')], counts(3))).toEqual([0, 0, 7]);
  });

  it('allows a minus sign only at the start of a signed column (2019 本年增/减)', () => {
    const d: ColumnDomain[] = ['count', 'signed', 'count'];
    expect(values([num('2648-18538')], d)).toEqual([2648, '?', '?']);
    expect(values([num('35-15')], ['count', 'signed'])).toEqual([35, -15]);
  });

  it('keeps a unit printed in an amount cell', () => {
    const r = agreed(fitRow([num('135'), num('75394432.52元')], { domains: ['count', 'amount'] }), 2);
    expect(r[1]).toMatchObject({ value: 75394432.52, unit: '元' });
  });

  it('reads extra values as ambiguous unless every reading agrees (F6)', () => {
    expect(
      values(
        Array.from({ length: 8 }, () => num('0')),
        counts(7),
      ),
    ).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(values([num('1'), ...Array.from({ length: 7 }, () => num('0'))], counts(7))).toEqual(['?', 0, 0, 0, 0, 0, 0]);
    expect(values([num('1'), ...Array.from({ length: 6 }, () => num('0')), num('2')], counts(7))).toEqual(['?', 0, 0, 0, 0, 0, '?']);
  });

  it('drops trailing empty cells of a flattened colspan (F1) but not a blank inside the row', () => {
    expect(values([num('5'), blank(), blank()], counts(1))).toEqual([5]);
    expect(values([num('0'), blank(), num('0')], ['count', 'signed'])).toEqual([0, '?']);
  });

  it('treats empty slots right after the label as the label span when the row has too many slots', () => {
    expect(values([blank(), ...Array.from({ length: 7 }, () => num('4'))], counts(7))).toEqual([4, 4, 4, 4, 4, 4, 4]);
  });

  it('reads a lone last value as the total when the applicant cells were lost (seed 001)', () => {
    expect(values([num('0')], counts(7), rowSum, true)).toEqual(['?', '?', '?', '?', '?', '?', 0]);
    expect(values([num('0000'), num('0'), num('0')], counts(7), rowSum, true)).toEqual(['?', '?', '?', '?', '?', '?', 0]);
  });

  it('gives up on hostile runs within a bounded number of steps', () => {
    const t0 = Date.now();
    const r = fitRow([num('1'.repeat(400))], { domains: counts(7), constraint: rowSum });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(agreed(r, 7).every((v) => v === null)).toBe(true);
  });
});
