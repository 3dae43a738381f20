// Tests the .docx reader: generated Word fixtures against truth/*.json, merged cells, properties, and hostile files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docxToHtml, readDocx } from '../../src/main/import/readers/docx';
import { readBody } from '../../src/main/import/readers/docx/ooxml';
import type { SourceDocument, TableBlock } from '../../src/shared/document/types';
import { buildGrid } from '../../src/shared/document/grid';
import { allTexts, compareWithTruth, loadTruth } from './support/truth-tables';
import { zipOne } from './support/zip-one';

const FIXTURES = join(__dirname, '..', 'fixtures');
const DOCX = join(FIXTURES, 'generated', 'docx');
const HOSTILE = join(FIXTURES, 'hostile');
const files = readdirSync(DOCX).filter((f) => f.endsWith('.docx'));

async function read(path: string): Promise<SourceDocument> {
  const r = await readDocx(new Uint8Array(readFileSync(path)), { fileName: path });
  expect(r.document, JSON.stringify(r.problems)).toBeDefined();
  return r.document!;
}

describe('readDocx on Word files made from the real pages', () => {
  it('has bordered and border-less fixtures for 2019, 2021, 2024 and 2025', () => {
    for (const y of [2019, 2021, 2024, 2025]) {
      for (const v of ['bordered', 'borderless']) expect(files).toContain(`${y}_fujian_pingtan_zhq.${v}.docx`);
    }
  });

  for (const file of files) {
    it(`${file}: tables carry the truth's cells`, async () => {
      const truth = loadTruth(file.split('.')[0]!);
      const doc = await read(join(DOCX, file));
      expect(doc.format).toBe('docx');
      const cmp = compareWithTruth(doc, truth);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.checked).toBe(Object.keys(truth.cells).length);
      expect(doc.meta.title).toMatch(/政府信息公开工作年度报告/);
      expect(doc.blocks.some((b) => b.kind === 'heading' && /^一、总体情况/.test(b.text.trim()))).toBe(true);
    });
  }

  it('anchors name body tables, rows and cells; vMerge and gridSpan become spans that build a full grid', async () => {
    const doc = await read(join(DOCX, '2024_fujian_pingtan_zhq.bordered.docx'));
    const t3 = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')[1]!;
    expect(t3.anchor).toEqual({ kind: 'docx', path: 'body/tbl[2]' });
    const merged = t3.rows.flat().find((c) => c.text.replace(/\s/g, '').includes('本年度办理结果'))!;
    expect(merged.rowSpan).toBe(22);
    expect(t3.rows[0]![0]!.colSpan).toBe(3);
    const grid = buildGrid(t3);
    expect(grid.every((row) => row.length === 10 && row.every((slot) => slot !== null))).toBe(true);
    expect(t3.rows[3]![1]!.anchor).toEqual({ kind: 'docx', path: 'body/tbl[2]/tr[4]/tc[2]' });
  });

  it('gives mammoth HTML for the review screen, sanitized, with spans', async () => {
    const html = await docxToHtml(new Uint8Array(readFileSync(join(DOCX, '2024_fujian_pingtan_zhq.bordered.docx'))));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/rowspan="22"/);
    expect(html).toContain('本年新收');
    // The reader's cell anchors are stamped on mammoth's cells: the 本年新收 row's first value cell is tc[2] of row 4.
    const cell = /<td[^>]*data-anchor="body\/tbl\[2\]\/tr\[4\]\/tc\[2\]"[^>]*>(.*?)<\/td>/.exec(html);
    expect(cell?.[1]?.replace(/<[^>]+>/g, '')).toBe('217');
    const merged = /<td[^>]*rowspan="22"[^>]*data-anchor="([^"]+)"/.exec(html);
    expect(merged?.[1]).toBe('body/tbl[2]/tr[6]/tc[1]');
  });

  it('gives a page saying so, not a throw, for a file that is not Word', async () => {
    const html = await docxToHtml(new Uint8Array(readFileSync(join(HOSTILE, 'bomb.docx'))));
    expect(html).toContain('无法显示此 Word 文档');
  });
});

describe('readBody on hand-written WordprocessingML', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const ctx = { headingStyles: new Set(['1']), isHeadingText: () => false };
  const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;

  it('reads text runs, tabs, breaks, heading styles; skips deleted text and field codes', () => {
    const xml = `<w:document ${W}><w:body><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>
      <w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>
      <w:r><w:instrText>PAGE</w:instrText></w:r><w:ins><w:r><w:t>增</w:t></w:r></w:ins></w:p></w:body></w:document>`;
    const blocks = readBody(xml, ctx);
    expect(blocks).toEqual([
      { kind: 'heading', text: '一、总体情况', anchor: { kind: 'docx', path: 'body/p[1]' } },
      { kind: 'paragraph', text: '甲\t乙', anchor: { kind: 'docx', path: 'body/p[2]' } },
      { kind: 'paragraph', text: '丙增', anchor: { kind: 'docx', path: 'body/p[2]' } },
    ]);
  });

  it('resolves gridBefore, gridSpan and vMerge restart/continue, and flattens a nested table', () => {
    const nested = `<w:tbl><w:tr>${tc('内')}</w:tr></w:tbl>`;
    const xml = `<w:document ${W}><w:body><w:tbl>
      <w:tr>${tc('A', '<w:vMerge w:val="restart"/>')}${tc('B', '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${tc('', '<w:vMerge/>')}${tc('1')}<w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p>${nested}</w:tc></w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('3')}${tc('4')}</w:tr></w:tbl></w:body></w:document>`;
    const [outer, inner] = readBody(xml, ctx) as TableBlock[];
    expect(outer!.rows.map((r) => r.map((c) => [c.text, c.rowSpan, c.colSpan]))).toEqual([
      [
        ['A', 2, 1],
        ['B', 1, 2],
      ],
      [
        ['1', 1, 1],
        ['2', 1, 1],
      ],
      [
        ['', 1, 1],
        ['3', 1, 1],
        ['4', 1, 1],
      ],
    ]);
    expect(inner!.anchor).toEqual({ kind: 'docx', path: 'body/tbl[1]/tr[2]/tc[3]/tbl[1]' });
    expect(inner!.rows[0]![0]!.text).toBe('内');
  });
});

describe('readDocx on hostile files', () => {
  const hostile = async (file: string) => readDocx(new Uint8Array(readFileSync(join(HOSTILE, file))), { fileName: file });

  it('not a zip → corrupt-file 不是有效的 Word 文档', async () => {
    const r = await hostile('not-a-zip.docx');
    expect(r.document).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ kind: 'corrupt-file' });
    expect(r.problems[0]!.message).toContain('不是有效的 Word 文档');
  });

  it('zero bytes → empty; truncated → corrupt-file', async () => {
    expect((await hostile('zero.docx')).problems[0]!.kind).toBe('empty');
    expect((await hostile('truncated.docx')).problems[0]!.kind).toBe('corrupt-file');
  });

  it('a zip declaring a 3 GB document.xml is refused before inflating', async () => {
    const r = await hostile('bomb.docx');
    expect(r.problems[0]!.kind).toBe('too-large');
  });

  it('a part with a bomb-like ratio is refused', async () => {
    const r = await hostile('bomb-ratio.docx');
    expect(r.problems[0]!.kind).toBe('corrupt-file');
    expect(r.problems[0]!.message).toContain('压缩');
  });

  it('an entry that inflates past its declared size is cut off', async () => {
    // The header claims 10 bytes while the data inflates to 5 MB: inflation stops at the declared size.
    const data = deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
    const r = await readDocx(zipOne('word/document.xml', data, 10), { fileName: 'liar.docx' });
    expect(r.problems[0]!.kind).toBe('corrupt-file');
  });

  it('entity declarations are not expanded (no billion laughs)', async () => {
    const r = await hostile('entities.docx');
    const texts = r.document ? allTexts(r.document) : [];
    expect(texts.join('').length).toBeLessThan(1000);
    expect(texts).toContain('实体不展开');
  });

  it('an OLE2 file with an EncryptedPackage named .docx → password-protected', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    ole.writeUInt16LE(9, 30);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(ole, 1152);
    const r = await readDocx(new Uint8Array(ole), { fileName: 'secret.docx' });
    expect(r.problems[0]!.kind).toBe('password-protected');
  });

  it('a Word letter that is not a report reads fine as paragraphs without tables', async () => {
    const r = await hostile('not-a-report.docx');
    expect(r.document?.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(allTexts(r.document!).join('')).toContain('季度工作会议');
  });
});
