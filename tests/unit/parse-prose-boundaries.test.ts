// Issue 9: tables end where the document says they end. Prose next to a table — a numbered paragraph with a year and
// counts after 表二, a sentence with a count before 表三, a one-line summary under a 表四 heading — never spoils a cell,
// in any format: web page, Word, ruled and unruled PDF, tab-separated text, one cell per line, pdftotext output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceDocument } from '../../src/shared/document/types';
import type { ReportModel } from '../../src/shared/model/report';
import { readHtml } from '../../src/main/import/readers/html';
import { readDocx } from '../../src/main/import/readers/docx';
import { readBody } from '../../src/main/import/readers/docx/ooxml';
import { readPdf } from '../../src/main/import/readers/pdf';
import { readTxt } from '../../src/main/import/readers/txt';
import { parseReport } from '../../src/shared/parse/index';
import { buildStream, isProse } from '../../src/shared/parse/stream';
import { docFromText } from './helpers';
import { expectedCells, proseReport, toDocumentXml, toHtml, toText, type ProseOptions } from './support/prose-report';

const SYNTHETIC = join(import.meta.dirname, '..', 'fixtures', 'synthetic');

/** Every cell of the template, as the document prints it: a number, or "/" for 行政强制. */
function expectEveryCell(m: ReportModel, o: ProseOptions): void {
  expect(m.template).toBe('v2021');
  const want = expectedCells(o);
  const got = Object.fromEntries(Object.keys(want).map((id) => [id, m.cells[id]?.value]));
  expect(got).toEqual(want);
  for (const [id, v] of Object.entries(want)) expect([id, m.cells[id]?.state]).toEqual([id, v === null ? 'dash' : 'number']);
  expect(Object.keys(m.cells).length).toBe(Object.keys(want).length);
}

async function html(o: ProseOptions): Promise<SourceDocument> {
  const r = await readHtml(new TextEncoder().encode(toHtml(proseReport(o))), { fileName: 'prose.html' });
  return r.document!;
}

function wordXml(o: ProseOptions): SourceDocument {
  const blocks = readBody(toDocumentXml(proseReport(o)), { headingStyles: new Set(['1']), isHeadingText: () => false });
  return { format: 'docx', blocks, meta: {}, problems: [] };
}

async function fixture(name: string): Promise<SourceDocument> {
  const bytes = new Uint8Array(readFileSync(join(SYNTHETIC, name)));
  const reader = name.endsWith('.pdf') ? readPdf : name.endsWith('.docx') ? readDocx : readTxt;
  const r = await reader(bytes, { fileName: name });
  expect(r.document, JSON.stringify(r.problems)).toBeDefined();
  return r.document!;
}

describe('prose next to a table never spoils its cells', () => {
  for (const t4 of ['none', 'counts'] as const) {
    const o = { t4 };
    describe(`表四 summary "${t4}"`, () => {
      it('web page: the amount alone in its <td> stays itself; the <p> after </table> is not read', async () => {
        const m = parseReport(await html(o), 'prose.html');
        expectEveryCell(m, o);
        expect(m.cells['t2/admin_fees/amount']!.source).toEqual({
          path: expect.stringMatching(/table:nth-of-type\(1\)>.*td:nth-of-type\(2\)$/),
        });
      });

      it('Word (hand-written WordprocessingML with gridSpan)', () => expectEveryCell(parseReport(wordXml(o), 'prose.docx'), o));

      it('tab-separated text: a table row ends at its line, prose lines are not values', () =>
        expectEveryCell(parseReport(docFromText(toText(proseReport(o), 'tabs')), 'prose.txt'), o));

      it('one cell per line: a line of prose ends a value zone and is skipped under a heading', () =>
        expectEveryCell(parseReport(docFromText(toText(proseReport(o), 'lines')), 'prose.txt'), o));
    });
  }

  // Made from the same report by scripts/make-fixtures/prose-tables.ts (LibreOffice, pdftotext).
  for (const name of [
    'prose-tables.docx',
    'prose-tables.ruled.pdf',
    'prose-tables.unruled.pdf',
    'prose-tables.layout.txt',
    'prose-tables.raw.txt',
  ]) {
    it(`${name}: every cell`, async () => expectEveryCell(parseReport(await fixture(name), name), { t4: 'counts' }));
  }

  it('a table row label inside a sentence is not the row: the row is read from the table', () => {
    const text = toText(proseReport({ t4: 'counts' }), 'lines').replace(
      '2.全年召开新闻发布会2场。',
      '2.全年主动公开行政许可决定30件、行政处罚决定9件，规章0件。',
    );
    const m = parseReport(docFromText(text), 'labels-in-prose.txt');
    expectEveryCell(m, { t4: 'counts' });
  });

  it("a year in a table heading worded in the unit's own way is not a value", () => {
    for (const mode of ['tabs', 'lines'] as const) {
      const text = toText(proseReport({ t4: 'counts' }), mode).replace(
        '四、行政复议和行政诉讼情况',
        '四、2024年度本局行政复议和行政诉讼情况',
      );
      expectEveryCell(parseReport(docFromText(text), `heading-${mode}.txt`), { t4: 'counts' });
    }
  });

  it('a sentence between a label and its values leaves the row uncertain, never a number from the sentence', () => {
    const text = toText(proseReport({ t4: 'counts' }), 'lines').replace(
      '行政事业性收费\n1.5',
      '行政事业性收费\n本年度共收取费用3件，合计1万元。\n1.5',
    );
    const m = parseReport(docFromText(text), 'between.txt');
    expect(m.cells['t2/admin_fees/amount']!.state).toMatch(/ambiguous|missing/);
    expect(m.cells['t2/admin_fees/amount']!.value).toBeNull();
    expect(m.cells['t2/coercion/decisions']).toMatchObject({ state: 'dash', value: null });
  });

  it('neighbouring cells are never merged: "2" | "0" stay 2 and 0', async () => {
    const page = toHtml(proseReport({ t4: 'counts' })).replace(
      '<td>行政规范性文件</td><td>3</td><td>1</td><td>12</td>',
      '<td>行政规范性文件</td><td>2</td><td>0</td><td>12</td>',
    );
    const r = await readHtml(new TextEncoder().encode(page), { fileName: 'cells.html' });
    const m = parseReport(r.document!, 'cells.html');
    expect(m.cells['t2/normative_docs/issued']).toMatchObject({ value: 2, state: 'number' });
    expect(m.cells['t2/normative_docs/repealed']).toMatchObject({ value: 0, state: 'number' });
    expect(m.cells['t2/normative_docs/in_force']).toMatchObject({ value: 12, state: 'number' });
  });
});

describe('what counts as a line of prose', () => {
  it('sentences with a year, a count or sentence punctuation', () => {
    for (const s of [
      '1.2024年，本局通过门户网站发布政策解读15篇，回应社会关切8次。',
      '本年度未发生行政复议、行政诉讼案件。',
      '2.全年召开新闻发布会2场。',
      '326 条。',
      '全年新收政府信息公开申请12件，上年结转2件',
    ])
      expect([s, isProse(s)]).toEqual([s, true]);
  });

  it('not table labels, headers, notes (also wrapped open), values, or a page flattened to one line', () => {
    for (const s of [
      '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
      '(二)部分公开(区分处理的,只计这一情形,',
      '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
      '某某县发展和改革局2024年度政府信息公开工作年度报告',
      '2024年本局未收取信息处理费',
      '本年收费金额(单位:万元)',
      '第二十条第(一)项',
      '3件',
      '1,234',
      '10 2 0 0 0 0 12',
      '行政事业性收费 1.5',
      '二、主动公开政府信息情况',
      '规章000规范性文件898989第二十条第(五)项行政许可3960181其他对外管理服务事项100153行政处罚26480430。2019年',
    ])
      expect([s, isProse(s)]).toEqual([s, false]);
  });

  it('a note wrapped over lines stays a note on its middle line', () => {
    const s = buildStream(
      docFromText('(二)部分公开(区分处理\n的，只计这一情形，不计其\n他情形)\n5 0 0 0 0 0 5\n2024年，全年办结13件。'),
      false,
    );
    expect(s.units.map((u) => !!u.prose)).toEqual([false, false, false, false, true]);
  });
});
