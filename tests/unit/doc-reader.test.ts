// Tests the .doc/.wps reader on LibreOffice-made Word 97 files: with LibreOffice (full tables) and with the text-only fallback.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docToHtml, readDoc, readDocWith, textToBlocks } from '../../src/main/import/readers/doc';
import { findSoffice } from '../../src/main/import/readers/docx/soffice';
import type { TableBlock } from '../../src/shared/document/types';
import { allTexts, compareWithTruth, loadTruth } from './support/truth-tables';

const FIXTURES = join(__dirname, '..', 'fixtures');
const DOC = join(FIXTURES, 'generated', 'doc');
const files = readdirSync(DOC).filter((f) => f.endsWith('.doc'));
const soffice = findSoffice();
const bytesOf = (f: string) => new Uint8Array(readFileSync(join(DOC, f)));

describe('readDoc with LibreOffice', () => {
  it('has .doc fixtures for 2019, 2021, 2024 and 2025', () => {
    for (const y of [2019, 2021, 2024, 2025]) expect(files).toContain(`${y}_fujian_pingtan_zhq.doc`);
  });

  for (const file of ['2019_fujian_pingtan_zhq.doc', '2024_fujian_pingtan_zhq.doc']) {
    it.skipIf(!soffice)(`${file}: converted tables carry the truth's cells`, async () => {
      const r = await readDoc(bytesOf(file), { fileName: file });
      expect(r.document, JSON.stringify(r.problems)).toBeDefined();
      expect(r.document!.format).toBe('doc');
      expect(r.problems).toEqual([]);
      const truth = loadTruth(file.split('.')[0]!);
      const cmp = compareWithTruth(r.document!, truth);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.checked).toBe(Object.keys(truth.cells).length);
    });
  }

  it.skipIf(!soffice)('review HTML of a .doc carries the same cell anchors as its blocks', async () => {
    const file = '2024_fujian_pingtan_zhq.doc';
    const doc = (await readDoc(bytesOf(file), { fileName: file })).document!;
    const html = (await docToHtml(bytesOf(file)))!;
    const t3 = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')[1]!;
    const cell = t3.rows.find((r) => r.some((c) => c.text.includes('本年新收')))![1]!;
    const path = (cell.anchor as { path: string }).path.replace(/[[\]/]/g, (c) => `\\${c}`);
    const m = new RegExp(`data-anchor="${path}"[^>]*>(.*?)</td>`).exec(html);
    expect(m?.[1]?.replace(/<[^>]+>/g, '')).toBe(cell.text);
  });

  it.skipIf(!soffice)('a .doc renamed .wps reads the same, with format wps', async () => {
    const file = '2025_fujian_pingtan_zhq.doc';
    const asDoc = await readDoc(bytesOf(file), { fileName: file });
    const asWps = await readDoc(bytesOf(file), { fileName: '2025_fujian_pingtan_zhq.wps' });
    expect(asWps.document!.format).toBe('wps');
    expect(asWps.document!.blocks).toEqual(asDoc.document!.blocks);
  });
});

describe('readDoc without LibreOffice (word-extractor fallback)', () => {
  for (const file of files) {
    it(`${file}: text, a partial problem, and the application rows as table rows`, async () => {
      const r = await readDocWith(bytesOf(file), { fileName: file }, { soffice: null });
      expect(r.document).toBeDefined();
      expect(r.problems.map((p) => p.kind)).toEqual(['partial']);
      expect(r.problems[0]!.message).toBe('未安装 LibreOffice，表格结构可能不完整');
      const doc = r.document!;
      expect(doc.blocks.some((b) => b.kind === 'heading' && b.text.trim().startsWith('一、总体情况'))).toBe(true);
      const truth = loadTruth(file.split('.')[0]!);
      const newRow = doc.blocks
        .filter((b): b is TableBlock => b.kind === 'table')
        .flatMap((t) => t.rows)
        .find((row) => row.some((c) => c.text.includes('本年新收')))!;
      const cols = ['natural', 'org_commercial', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total'];
      expect(newRow.slice(-7).map((c) => Number(c.text.replace(/[\s\u00a0]/g, '')))).toEqual(cols.map((c) => truth.cells[`t3/new/${c}`]));
    });
  }

  it('a renamed .wps falls back the same way', async () => {
    const r = await readDocWith(bytesOf('2024_fujian_pingtan_zhq.doc'), { fileName: 'x.wps' }, { soffice: null });
    expect(r.document!.format).toBe('wps');
    expect(allTexts(r.document!).join('')).toContain('本年新收');
  });

  it('splits tab lines into rows at runs of tabs (row ends and merged cells)', () => {
    const blocks = textToBlocks('三、收到和处理\n甲\t1\t2\t\t乙\t3\t4\t\t\n正文');
    expect(blocks[0]).toMatchObject({ kind: 'heading', text: '三、收到和处理' });
    expect((blocks[1] as TableBlock).rows.map((r) => r.map((c) => c.text))).toEqual([
      ['甲', '1', '2'],
      ['乙', '3', '4'],
    ]);
    expect(blocks[2]).toMatchObject({ kind: 'paragraph', text: '正文', anchor: { kind: 'text', line: 3 } });
  });
});

describe('readDoc on bad input', () => {
  it('text bytes named .doc → corrupt-file; empty → empty', async () => {
    const r = await readDoc(new TextEncoder().encode('hello, not a word file'), { fileName: 'a.doc' });
    expect(r.problems[0]!.kind).toBe('corrupt-file');
    expect((await readDoc(new Uint8Array(0), { fileName: 'a.doc' })).problems[0]!.kind).toBe('empty');
  });

  it('a damaged OLE2 file gives corrupt-file without throwing', async () => {
    const bytes = bytesOf(files[0]!).slice(0, 3000);
    const r = await readDocWith(bytes, { fileName: 'cut.doc' }, { soffice: null });
    expect(r.document).toBeUndefined();
    expect(r.problems[0]!.kind).toBe('corrupt-file');
  });

  it('a .docx named .doc is read as Word 2007', async () => {
    const docx = new Uint8Array(readFileSync(join(FIXTURES, 'generated', 'docx', '2024_fujian_pingtan_zhq.bordered.docx')));
    const r = await readDoc(docx, { fileName: 'renamed.doc' });
    expect(r.document!.format).toBe('doc');
    expect(compareWithTruth(r.document!, loadTruth('2024_fujian_pingtan_zhq')).mismatches).toEqual([]);
  });

  it('an HTML page saved as .doc is read as a page', async () => {
    const page = '<html><head><meta charset="utf-8"></head><body><p>一、总体情况</p><p>政府信息公开工作</p></body></html>';
    const r = await readDoc(new TextEncoder().encode(page), { fileName: 'web.doc' });
    expect(r.document!.format).toBe('doc');
    expect(allTexts(r.document!)).toEqual(['一、总体情况', '政府信息公开工作']);
  });
});
