// Tests the PDF reader: real and generated PDFs against the truth files, hostile files, and the geometry on synthetic input.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../../src/shared/document/grid';
import type { Block, ReadResult, TableBlock } from '../../src/shared/document/types';
import { readPdf } from '../../src/main/import/readers/pdf';

const FIXTURES = path.join(__dirname, '../fixtures');

interface Truth {
  cells: Record<string, number | null>;
}

/** Label keywords of 表三 rows, from the national template (contract.md row ids); whitespace is removed before matching. */
const T3_ROWS: Record<string, RegExp> = {
  new: /本年新收/,
  carried_in: /上年结转/,
  granted: /予以公开/,
  partial: /部分公开/,
  'denied.state_secret': /国家秘密/,
  'denied.law_prohibited': /禁止公开/,
  'denied.security_stability': /三安全/,
  'denied.third_party': /第三方/,
  'denied.internal_affairs': /内部事务/,
  'denied.process_info': /过程性/,
  'denied.enforcement_file': /执法案卷/,
  'denied.admin_inquiry': /查询事项/,
  'unable.not_held': /不掌握/,
  'unable.needs_creation': /另行制作/,
  'unable.unclear': /仍不明确/,
  'not_processed.petition': /信访/,
  'not_processed.duplicate': /重复申请/,
  'not_processed.publication': /出版物/,
  'not_processed.mass_repeat': /大量反复/,
  'not_processed.reconfirm': /确认或重新/,
  'other.no_correction': /逾期不补正/,
  'other.fee_unpaid': /缴纳费用/,
  'other.other': /3[.、．]其他$/,
  other: /其他处理/,
  total: /（七）总计|^总计$/,
  carried_out: /结转下年度/,
};
const T3_COLS = ['natural', 'org_commercial', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total'];
const VALUE = /^-?\d+(\.\d+)?$/;
/** Rows every reader output must get exactly right (their labels never wrap in these documents). */
const CORE_ROWS = ['new', 'granted', 'denied.state_secret', 'unable.not_held', 'not_processed.duplicate', 'total', 'carried_out'];

function truth(name: string): Truth {
  return JSON.parse(readFileSync(path.join(FIXTURES, 'corpus/truth', `${name}.json`), 'utf8')) as Truth;
}

async function read(rel: string): Promise<ReadResult> {
  const file = path.join(FIXTURES, rel);
  return readPdf(new Uint8Array(readFileSync(file)), { fileName: path.basename(file) });
}

function tables(blocks: Block[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.kind === 'table');
}

/** Each grid row as its label text (all non-value cells) and its value cells in column order. */
function gridRows(table: TableBlock): { label: string; values: string[] }[] {
  return buildGrid(table).map((row) => {
    const seen = new Set<unknown>();
    const label: string[] = [];
    const values: string[] = [];
    for (const slot of row) {
      if (!slot || seen.has(slot.cell)) continue;
      seen.add(slot.cell);
      const text = slot.cell.text.replace(/\s+/g, '');
      if (VALUE.test(text)) values.push(text);
      else label.push(text);
    }
    return { label: label.join(''), values };
  });
}

/** The 表三 values the reader's table gives for one row id: the first row whose label matches and that has seven values. */
function t3Values(blocks: Block[], rowId: string, anyTable = false): number[] | undefined {
  const all = tables(blocks);
  const start = all.findIndex((t) => gridRows(t).some((r) => /本年新收/.test(r.label)));
  if (start < 0) return undefined;
  // Strict: the one table holding 本年新收 (so a table broken across pages must have been joined). Loose: that table
  // and the tables after it, for layouts where the join is not expected to succeed.
  const rows = (anyTable ? all.slice(start) : [all[start]!]).flatMap(gridRows);
  const re = T3_ROWS[rowId]!;
  return rows.find((r) => re.test(r.label) && r.values.length === 7)?.values.map(Number);
}

function truthRow(t: Truth, rowId: string): (number | null)[] {
  return T3_COLS.map((c) => t.cells[`t3/${rowId}/${c}`] ?? null);
}

function t3RowIds(t: Truth): string[] {
  return [
    ...new Set(
      Object.keys(t.cells)
        .filter((k) => k.startsWith('t3/'))
        .map((k) => k.split('/')[1]!),
    ),
  ];
}

/** Share of the truth's 表三 rows that come out with exactly the truth's seven values. */
function t3Score(blocks: Block[], t: Truth, anyTable = false): { ok: number; total: number; wrong: string[] } {
  const ids = t3RowIds(t);
  const wrong = ids.filter((id) => JSON.stringify(t3Values(blocks, id, anyTable)) !== JSON.stringify(truthRow(t, id)));
  return { ok: ids.length - wrong.length, total: ids.length, wrong };
}

describe('readPdf on the real huaian PDF (WPS, CID fonts, ruled tables on pages 3-5)', () => {
  it('reads every 表三 row into separate cells matching the truth, and the 表四 row', async () => {
    const t0 = Date.now();
    const res = await read('corpus/real/2024_jiangsu_huaian_city.pdf');
    expect(Date.now() - t0).toBeLessThan(15_000);
    const doc = res.document!;
    expect(doc.format).toBe('pdf');
    expect(doc.pageCount).toBe(6);
    expect(res.problems).toEqual([]);
    const t = truth('2024_jiangsu_huaian_city');
    const score = t3Score(doc.blocks, t);
    expect(score.wrong).toEqual([]);
    const t4 = tables(doc.blocks)
      .flatMap(gridRows)
      .find((r) => r.values.length === 15);
    const t4Truth = ['review', 'lit_direct', 'lit_after_review'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => t.cells[`t4/${g}/${c}`]),
    );
    expect(t4?.values.map(Number)).toEqual(t4Truth);
  });

  it('gives metadata without a publish date, headings, and pdf anchors with boxes on every cell', async () => {
    const doc = (await read('corpus/real/2024_jiangsu_huaian_city.pdf')).document!;
    expect(doc.meta.title).toBeTruthy();
    expect(doc.meta.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.meta.publishedAt).toBeUndefined();
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''));
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项'])
      expect(headings).toContain(h);
    for (const table of tables(doc.blocks)) {
      for (const cell of table.rows.flat()) {
        expect(cell.anchor?.kind).toBe('pdf');
        if (cell.anchor?.kind !== 'pdf') continue;
        const [x0, y0, x1, y1] = cell.anchor.box!;
        expect(x1).toBeGreaterThan(x0);
        expect(y1).toBeGreaterThan(y0);
      }
    }
    // 表三 runs over pages 4 and 5: one table, its cells anchored on both pages.
    const t3 = tables(doc.blocks).find((t) => gridRows(t).some((r) => /本年新收/.test(r.label)))!;
    const pages = new Set(t3.rows.flat().map((c) => (c.anchor?.kind === 'pdf' ? c.anchor.page : 0)));
    expect([...pages].sort()).toEqual([4, 5]);
    // Page numbers ("- 3 -") are not text of the report.
    expect(doc.blocks.some((b) => b.kind !== 'table' && /^-\s*\d+\s*-$/.test(b.text))).toBe(false);
  });
});

describe('readPdf on LibreOffice renderings of real HTML reports', () => {
  const names = ['2024_fujian_pingtan_zhq', '2021_fujian_pingtan_zhq', '2019_fujian_pingtan_zhq'];
  for (const name of names) {
    for (const variant of ['bordered', 'pagebreak']) {
      it(`${name}.${variant}: every 表三 row as in the truth`, async () => {
        const res = await read(`generated/pdf/${name}.${variant}.pdf`);
        expect(t3Score(res.document!.blocks, truth(name)).wrong).toEqual([]);
      });
    }
  }
  // 2019's borderless rendering wraps every label over two or three lines with the values on a middle line; rebuilding
  // it from text positions is a known gap, so only 2024 and 2021 are held to a score here.
  for (const name of ['2024_fujian_pingtan_zhq', '2021_fujian_pingtan_zhq']) {
    it(`${name}.borderless: 表三 rebuilt from text positions, core rows exact and most rows right`, async () => {
      const res = await read(`generated/pdf/${name}.borderless.pdf`);
      const t = truth(name);
      const blocks = res.document!.blocks;
      for (const id of CORE_ROWS) expect([id, t3Values(blocks, id, true)]).toEqual([id, truthRow(t, id)]);
      const score = t3Score(blocks, t, true);
      expect(score.ok / score.total).toBeGreaterThanOrEqual(0.8);
    });
  }

  it('keeps prose as paragraphs: no table is made of sentence text', async () => {
    const doc = (await read('generated/pdf/2024_fujian_pingtan_zhq.borderless.pdf')).document!;
    const overview = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.includes('平潭综合实验区坚持以习近平新时代'));
    expect(overview).toBeDefined();
    for (const table of tables(doc.blocks)) for (const cell of table.rows.flat()) expect(cell.text).not.toMatch(/。.{10,}。/);
  });
});

describe('readPdf on hostile files', () => {
  const cases: [string, string][] = [
    ['hostile/truncated.pdf', 'corrupt-file'],
    ['hostile/encrypted.pdf', 'password-protected'],
    ['hostile/image-renamed.pdf', 'unsupported-format'],
    ['hostile/zero.pdf', 'empty'],
    // A scan is read by OCR now: its page is reported as read that way (partial), which takes seconds, not minutes.
    ['hostile/scan-only.pdf', 'partial'],
  ];
  for (const [file, kind] of cases) {
    const ocr = file.includes('scan-only');
    it(`${file} → ${kind}, without throwing, quickly`, { timeout: ocr ? 150_000 : 15_000 }, async () => {
      const t0 = Date.now();
      const res = await read(file);
      expect(Date.now() - t0).toBeLessThan(ocr ? 120_000 : 10_000);
      expect(res.problems.map((p) => p.kind)).toContain(kind);
      for (const p of res.problems) {
        expect(p.message).toMatch(/[\u4e00-\u9fff]/);
        expect(p.message).toContain(path.basename(file));
      }
      if (ocr) expect(res.document?.pageCount).toBe(1);
      else expect(res.document).toBeUndefined();
    });
  }

  it('says in Chinese that the page was read by OCR', { timeout: 150_000 }, async () => {
    const res = await read('hostile/scan-only.pdf');
    expect(res.problems.map((p) => p.message).join('\n')).toMatch(/文字识别（OCR）/);
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, 'corpus/real/2024_jiangsu_huaian_city.pdf')));
    const res = await readPdf(bytes, { fileName: 'x.pdf', signal: controller.signal });
    expect(res.problems.length).toBeGreaterThan(0);
    expect(res.document?.blocks.length ?? 0).toBe(0);
  });
});
