// The second reading of scanned tables: which cells are values, what two digit readers and the page read make of one,
// label words put back to the format's wording, underlines that are no rules, ink in a cell.
import { describe, expect, it } from 'vitest';
import type { TableCell } from '../../src/shared/document/types';
import type { OcrWord } from '../../src/main/import/readers/pdf/ocr/engine';
import { eraseUnderline, stack, type Grey } from '../../src/main/import/readers/pdf/ocr/image';
import { nearestPart, snapLabel } from '../../src/main/import/readers/pdf/ocr/lexicon';
import { fixBrackets, gridRules } from '../../src/main/import/readers/pdf/ocr/page';
import { inkIn, isBareRow, isDataRow, isValueCell, strayInk, valueLeft, valueReading } from '../../src/main/import/readers/pdf/ocr/reread';

const cell = (text: string, x: number): TableCell => ({
  text,
  rowSpan: 1,
  colSpan: 1,
  anchor: { kind: 'pdf', page: 1, box: [x, 0, x + 30, 20] },
});
const word = (text: string, conf = 97): OcrWord => ({
  text,
  conf,
  box: [0, 0, 10, 10],
  line: [0, 0, 10, 10],
  symbols: [...text].map((ch) => ({ text: ch, conf, box: [0, 0, 1, 1] as [number, number, number, number] })),
});
function grey(width: number, height: number, ink: [number, number, number, number][]): Grey {
  const data = new Uint8Array(width * height).fill(255);
  for (const [x0, y0, x1, y1] of ink) for (let y = y0; y < y1; y++) data.fill(40, y * width + x0, y * width + x1);
  return { width, height, data };
}

describe('value cells of a scanned table', () => {
  // 表三 rows as the page read them: labels, then values; some values misread as Chinese characters or missed.
  const rows = [
    [cell('申请人情况', 250)],
    [cell('自然人', 250), cell('商业企业', 290), cell('其他', 330)],
    [cell('一、本年新收', 70), cell('3001', 250), cell('四', 290), cell('', 330)],
    [cell('二、上年结转', 70), cell('34', 250), cell('0', 290), cell('0', 330)],
    [cell('三、本年度办理结果', 70), cell('吕', 250), cell('0', 290), cell('1', 330)],
  ];
  const left = valueLeft(rows)!;

  it('finds where the values stand from the numbers the page read', () => {
    expect(left).toBeGreaterThan(240);
    expect(left).toBeLessThanOrEqual(250);
  });

  it('reads a misread or missed value as digits, and labels and headers as text', () => {
    const kinds = rows.map((r) => (isBareRow(r) ? 'bare' : isDataRow(r, left) ? 'data' : 'other'));
    expect(kinds).toEqual(['other', 'other', 'data', 'data', 'data']);
    expect(isValueCell(rows[2]![2]!, 'data', left)).toBe(true); // 四 where 53 is printed
    expect(isValueCell(rows[2]![3]!, 'data', left)).toBe(true); // nothing read
    expect(isValueCell(rows[4]![1]!, 'data', left)).toBe(true); // 0 over an underline read as 吕
    expect(isValueCell(rows[2]![0]!, 'data', left)).toBe(false);
    expect(isValueCell(rows[1]![2]!, 'other', left)).toBe(false); // 其他: a header, not a value
  });

  it('takes every cell of a row without a label as a value (表四), but not a short label before numbers', () => {
    const t4 = [cell('', 90), cell('1', 143), cell('己', 477), cell('19', 505)];
    expect(isBareRow(t4)).toBe(true);
    expect(t4.every((c) => isValueCell(c, 'bare', valueLeft([t4])))).toBe(true);
    const t2 = [cell('规章', 70), cell('0', 240), cell('0', 330), cell('0', 410)];
    expect(isValueCell(t2[0]!, isBareRow(t2) ? 'bare' : 'data', valueLeft([t2, t2]))).toBe(false);
  });
});

describe('what the readers make of a value cell', () => {
  it('agrees when both cell readers read the same digits', () => {
    expect(valueReading('20', [word('26')], [word('26')])).toMatchObject({ text: '26', ocr: { agreed: true, pageRead: '20' } });
  });

  it('does not agree when the cell readers differ, and keeps every reading', () => {
    expect(valueReading('454', [word('154')], [word('454')])).toMatchObject({
      text: '154',
      ocr: { agreed: false, secondRead: '454', pageRead: '454' },
    });
  });

  it('lets the page read break a tie of low confidence only', () => {
    expect(valueReading('8', [word('6', 70)], [word('6', 70)]).ocr.agreed).toBe(false);
    expect(valueReading('6', [word('6', 70)], [word('6', 70)]).ocr.agreed).toBe(true);
  });

  it('drops a speck read as a decimal point, keeps a real one', () => {
    expect(valueReading('0', [word('.0')], [word('0')]).text).toBe('0');
    expect(valueReading('96171.6', [word('96171.6')], [word('96171.6')]).text).toBe('96171.6');
  });

  it('takes what chi_sim alone read, in doubt, when the English model saw no digit (a thin lone 1)', () => {
    expect(valueReading('1', [], [word('1')])).toMatchObject({ text: '1', ocr: { agreed: false, secondRead: '', digits: [{ ch: '1' }] } });
  });

  it('keeps a dash, and leaves ink no reader could read as an unread cell with no text', () => {
    expect(valueReading('－', [], [])).toMatchObject({ text: '－', ocr: { agreed: true } });
    expect(valueReading('由四', [], [])).toMatchObject({ text: '', ocr: { unread: true, agreed: false } });
  });
});

describe('ink the readers left unread', () => {
  const at = (text: string, box: [number, number, number, number]): OcrWord => ({
    text,
    conf: 97,
    box,
    line: box,
    symbols: [{ text, conf: 97, box }],
  });

  it('sees a minus sign beside the digits, or merged into a digit box wider than tall', () => {
    const crop = grey(90, 50, [
      [4, 24, 16, 27], // "-"
      [24, 6, 30, 44], // "1"
      [40, 6, 64, 44], // "8"
    ]);
    expect(strayInk(crop, [at('1', [22, 5, 32, 45]), at('8', [38, 5, 66, 45])], 4)).toBe(true);
    expect(strayInk(crop, [at('1', [2, 8, 33, 38]), at('8', [38, 5, 66, 45])], 4)).toBe(true);
    expect(valueReading('18', [word('18')], undefined, true).ocr).toMatchObject({ agreed: false, stray: true });
  });

  it('does not take a reading that covers the ink, or a speck, for a missed character', () => {
    const crop = grey(90, 50, [
      [24, 6, 30, 44],
      [40, 6, 64, 44],
      [80, 2, 82, 4],
    ]);
    expect(strayInk(crop, [at('1', [22, 5, 32, 45]), at('8', [38, 5, 66, 45])], 4)).toBe(false);
  });
});

describe('labels put back to the format wording', () => {
  it('finds the nearest part of a label', () => {
    expect(nearestPart('本机关不党所', '1.本机关不掌握相关政府信息')).toEqual({ distance: 2, part: '本机关不掌握' });
  });

  it('mends a label read with a character or two wrong', () => {
    expect(snapLabel('1.本机关不党所相关政')).toBe('1.本机关不掌握相关政');
    expect(snapLabel('1.屋于国家秘密')).toBe('1.属于国家秘密');
  });

  it('leaves text alone that is exact, too short, or near no label', () => {
    expect(snapLabel('1.属于国家秘密')).toBe('1.属于国家秘密');
    expect(snapLabel('总汁')).toBe('总汁');
    expect(snapLabel('今年我区公开政府信息')).toBe('今年我区公开政府信息');
  });

  it('puts back brackets around a Chinese numeral', () => {
    expect(fixBrackets('第二十条第《五)项')).toBe('第二十条第（五）项');
    expect(fixBrackets('第〈（八）项')).toBe('第（八）项');
    expect(fixBrackets('《条例》')).toBe('《条例》');
  });
});

describe('rules and ink of a scanned page', () => {
  it('keeps the rules of a grid and drops an underline that meets no vertical rule at its end', () => {
    const segs = [
      { dir: 'v' as const, at: 100, from: 100, to: 200 },
      { dir: 'v' as const, at: 200, from: 100, to: 200 },
      { dir: 'h' as const, at: 100, from: 100, to: 200 },
      { dir: 'h' as const, at: 150, from: 103, to: 170 }, // under "1.属于国家秘"
    ];
    expect(gridRules(segs).filter((s) => s.dir === 'h')).toEqual([segs[2]]);
  });

  it('tells a printed digit from scanner speckles', () => {
    const ppp = 4;
    expect(inkIn(grey(60, 60, [[28, 16, 31, 44]]), ppp)).toBe(true); // a "1": 3 × 28 px
    expect(
      inkIn(
        grey(60, 60, [
          [5, 5, 7, 7],
          [40, 50, 42, 52],
        ]),
        ppp,
      ),
    ).toBe(false);
  });

  it('erases an underline under a digit, not the foot of a 2', () => {
    const underlined = grey(40, 40, [
      [15, 8, 25, 28],
      [10, 31, 30, 33],
    ]);
    eraseUnderline(underlined, 4);
    expect(underlined.data[32 * 40 + 20]).toBe(255);
    expect(underlined.data[20 * 40 + 20]).toBe(40);
    const two = grey(40, 40, [
      [15, 8, 25, 30],
      [10, 30, 30, 32],
    ]);
    eraseUnderline(two, 4);
    expect(two.data[31 * 40 + 20]).toBe(40);
  });

  it('stacks cell images with a slot per cell', () => {
    const { image, slots } = stack([grey(10, 5, []), grey(20, 8, [])], 4, 2);
    expect(slots).toEqual([
      [2, 7],
      [11, 19],
    ]);
    expect([image.width, image.height]).toEqual([24, 21]);
  });
});
