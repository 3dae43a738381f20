// Tests the saved-page reader on the real Pingtan pages (tables against truth/*.json, metadata, chrome) and on synthetic pages.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parse } from 'parse5';
import { readHtml, htmlReviewPage } from '../../src/main/import/readers/html';
import type { SourceDocument, TableBlock } from '../../src/shared/document/types';
import { allTexts, CHROME_STRINGS, compareWithTruth, CORPUS, loadTruth } from './support/truth-tables';

const REAL = join(CORPUS, 'real');
const GENERATED_HTML = join(__dirname, '..', 'fixtures', 'generated', 'html');
const pages = readdirSync(REAL).filter((f) => f.endsWith('.html'));

async function read(bytes: Uint8Array, fileName = 'page.html'): Promise<SourceDocument> {
  const r = await readHtml(bytes, { fileName });
  expect(r.document, JSON.stringify(r.problems)).toBeDefined();
  return r.document!;
}

const html = (body: string, head = '') => new TextEncoder().encode(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('readHtml on the real Pingtan pages', () => {
  it('finds all eight pages', () => expect(pages.length).toBeGreaterThanOrEqual(8));

  for (const file of pages) {
    const truthName = file.replace(/\.html$/, '');
    it(`${file}: tables carry the truth's cells, publishedAt and no chrome`, async () => {
      const truth = loadTruth(truthName);
      const doc = await read(new Uint8Array(readFileSync(join(REAL, file))), file);
      expect(doc.format).toBe('html');
      expect(doc.meta.publishedAt).toBe(truth.publishedAt);
      expect(doc.meta.title).toMatch(/报告/);
      const cmp = compareWithTruth(doc, truth);
      expect(cmp.mismatches).toEqual([]);
      const cellCount = Object.keys(truth.cells).length;
      expect(cmp.checked).toBe(cellCount);
      const texts = allTexts(doc);
      for (const chrome of CHROME_STRINGS)
        expect(
          texts.filter((t) => t.includes(chrome)),
          chrome,
        ).toEqual([]);
      expect(texts.some((t) => /总体情况|概述/.test(t))).toBe(true);
    });
  }

  it('the 2013 page (no tables) gives paragraphs only, with its headings', async () => {
    const doc = await read(new Uint8Array(readFileSync(join(REAL, '2013_fujian_pingtan_zhq_dishuiju.html'))));
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(doc.blocks.filter((b) => b.kind === 'heading').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the 2020 repeated rowspan label and the cell "2"+"0" = 20', async () => {
    const doc = await read(new Uint8Array(readFileSync(join(REAL, '2020_fujian_pingtan_zhq.html'))));
    const t3 = doc.blocks.filter((b): b is TableBlock => b.kind === 'table')[1]!;
    const labels = t3.rows.flat().filter((c) => c.text.replace(/\s/g, '').includes('本年度办理结果'));
    expect(labels.length).toBe(2);
    const newRow = t3.rows.find((r) => r.some((c) => c.text.includes('本年新收')))!;
    expect(newRow[1]!.text).toBe('20');
  });

  it('anchors resolve: each cell path selects a td/th in the sanitized review page', async () => {
    const bytes = new Uint8Array(readFileSync(join(REAL, '2024_fujian_pingtan_zhq.html')));
    const doc = await read(bytes);
    const review = htmlReviewPage(bytes)!;
    expect(review).toMatch(/^<!doctype html>/);
    expect(review).toContain("default-src 'none'");
    expect(review).not.toMatch(/<script|<iframe|onclick=/i);
    const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
    const cell = table.rows[3]![1]!;
    expect(cell.anchor?.kind).toBe('html');
    const path = (cell.anchor as { path: string }).path;
    expect(path).toMatch(/^body>.*table:nth-of-type\(1\)>tbody:nth-of-type\(1\)>tr:nth-of-type\(4\)>td:nth-of-type\(2\)$/);
    expect(resolvePath(review, path)).toBe(cell.text);
  });
});

/** A tiny querySelector for our "tag:nth-of-type(n)" chains, run on a fresh parse of the review page (as a browser would). */
function resolvePath(page: string, path: string): string | undefined {
  type N = { nodeName: string; childNodes?: N[]; value?: string };
  const doc = parse(page) as unknown as N;
  const htmlEl = doc.childNodes!.find((n) => n.nodeName === 'html')!;
  let cur: N | undefined = htmlEl.childNodes!.find((n) => n.nodeName === 'body');
  for (const step of path.split('>').slice(1)) {
    const m = /^(.+):nth-of-type\((\d+)\)$/.exec(step)!;
    cur = (cur?.childNodes ?? []).filter((n) => n.nodeName === m[1]!.replace(/\\/g, ''))[Number(m[2]) - 1];
  }
  const text = (n: N): string => (n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join(''));
  return cur ? text(cur).trim() : undefined;
}

describe('readHtml charsets', () => {
  const source = readFileSync(join(REAL, '2024_fujian_pingtan_zhq.html'), 'utf8');
  const truth = loadTruth('2024_fujian_pingtan_zhq');

  it('decodes a GBK copy that declares gb2312', async () => {
    const text = source.replace(/<meta charset="?utf-8"?\s*\/?>/i, '').replace('<head>', '<head><meta charset=gb2312>');
    const doc = await read(new Uint8Array(iconv.encode(text, 'gbk')));
    expect(compareWithTruth(doc, truth).mismatches).toEqual([]);
  });

  it('detects a GBK copy with no charset declaration at all', async () => {
    const text = source.replace(/<meta[^>]*charset[^>]*>/gi, '');
    const doc = await read(new Uint8Array(iconv.encode(text, 'gbk')));
    expect(compareWithTruth(doc, truth).mismatches).toEqual([]);
    expect(doc.meta.publishedAt).toBe('2025-03-10');
  });

  it('reads the generated GBK fixtures (gb2312 meta, and no charset at all)', async () => {
    const gbk = readdirSync(GENERATED_HTML).filter((x) => x.endsWith('.gbk.html'));
    expect(gbk.length).toBeGreaterThanOrEqual(2);
    for (const f of gbk) {
      const doc = await read(new Uint8Array(readFileSync(join(GENERATED_HTML, f))));
      expect(compareWithTruth(doc, loadTruth(f.split('.')[0]!)).mismatches, f).toEqual([]);
    }
  });

  it('reads a GBK quoted-printable .mht web archive', async () => {
    const bytes = new Uint8Array(readFileSync(join(GENERATED_HTML, '2023_fujian_pingtan_zhq.gbk.mht')));
    const doc = await read(bytes, 'page.mht');
    const truth = loadTruth('2023_fujian_pingtan_zhq');
    expect(compareWithTruth(doc, truth).mismatches).toEqual([]);
    expect(doc.meta.publishedAt).toBe(truth.publishedAt);
  });

  it('honours a UTF-8 BOM', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...html('<p>一、总体情况</p><p>政府信息公开</p>')]);
    const doc = await read(bytes);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', text: '一、总体情况' });
  });
});

describe('readHtml structure', () => {
  it('splits <br> lines, keeps nbsp and U+3000 inside text, drops blank paragraphs', async () => {
    const doc = await read(html('<div class="TRS_Editor"><p>政府信息公开&nbsp;年报<br>第二行　内容</p><p>&nbsp;</p><p>三</p></div>'));
    expect(doc.blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toEqual(['政府信息公开\u00a0年报', '第二行\u3000内容', '三']);
  });

  it('reads spans, clamps bad ones, joins cell lines with \\n, flattens a nested table', async () => {
    const doc = await read(
      html(`<p>三、收到和处理政府信息公开申请情况</p><table>
        <tr><td rowspan="2">一、本年新收<br>政府信息公开申请数量</td><td colspan="abc">1</td><td colspan="0">2</td><td rowspan="-3"><p>3</p><p>4</p></td></tr>
        <tr><td>x<table><tr><td>inner</td><td>cell</td></tr></table>y</td></tr></table>`),
    );
    const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
    expect(tables).toHaveLength(2);
    expect(tables[0]!.rows[0]!.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
      ['一、本年新收\n政府信息公开申请数量', 2, 1],
      ['1', 1, 1],
      ['2', 1, 1],
      ['3\n4', 1, 1],
    ]);
    expect(tables[0]!.rows[1]!.map((c) => c.text)).toEqual(['x\ny']);
    expect(tables[1]!.rows[0]!.map((c) => c.text)).toEqual(['inner', 'cell']);
  });

  it('harvests chrome metadata and keeps it out of the blocks; never dates from 成文日期', async () => {
    const doc = await read(
      html(
        `<div class="nav">当前位置：首页 > 政务公开</div><table class="xxgk"><tr><td>索引号：</td><td>123-456/2024</td><td>成文日期：</td><td>2024-01-05</td></tr>
         <tr><td>发布机构：</td><td>某某县人民政府办公室</td><td>发布日期：</td><td>2024年1月18日</td></tr></table>
         <div id="zoom"><p>一、总体情况</p><p>本年度政府信息公开工作……</p><p>打印本页 关闭窗口</p></div><div>网站标识码：1234 闽ICP备0001号</div>`,
        '<title>某县2023年政府信息公开工作年度报告_某县人民政府</title>',
      ),
    );
    expect(doc.meta.publishedAt).toBe('2024-01-18');
    expect(doc.meta.title).toBe('某县2023年政府信息公开工作年度报告');
    expect(doc.meta.publisher).toBe('某某县人民政府办公室');
    expect(doc.meta.fields?.['索引号']).toBe('123-456/2024');
    expect(allTexts(doc)).toEqual(['一、总体情况', '本年度政府信息公开工作……']);
  });

  it('finds the article by text mass when no known container exists', async () => {
    const para = '<p>本机关认真贯彻政府信息公开条例，主动公开政府信息一千余条，依申请公开办理及时。</p>'.repeat(6);
    const doc = await read(
      html(`<div><a href="/">首页</a><a href="/a">政务公开</a></div><div><div>${para}</div></div><div>主办单位：某县</div>`),
    );
    expect(doc.blocks).toHaveLength(6);
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('reads an old table-layout page: the article cell flows, the data table stays a table, chrome and metadata go', async () => {
    const data =
      '<table border="1"><tr><td>信息内容</td><td>本年新收</td></tr><tr><td>一、本年新收政府信息公开申请数量</td><td>5</td></tr></table>';
    const doc = await read(
      html(
        `<table width="100%"><tr><td><a href="/">首页</a> | <a href="/">政务公开</a></td></tr></table>
        <table><tr><td><ul><li><a>机构概况</a></li><li><a>政策文件</a></li></ul></td>
        <td><table><tr><td>索引号：</td><td>001-2024</td><td>发布日期：</td><td>2024-01-30</td></tr></table>
        <p align=center><b>某县2023年政府信息公开工作年度报告</b></p><p>一、总体情况</p><p>2023年，某县认真贯彻落实政府信息公开条例……</p>
        <p>三、收到和处理政府信息公开申请情况</p>${data}<p>【打印本页】【关闭窗口】</p></td></tr></table>
        <table><tr><td>主办单位：某县人民政府办公室 网站标识码：1234 ICP备12345号</td></tr></table>`,
        '<title>某县年报</title>',
      ),
    );
    expect(doc.meta).toMatchObject({ title: '某县2023年政府信息公开工作年度报告', publishedAt: '2024-01-30' });
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph', 'heading', 'table']);
    const table = doc.blocks[4] as TableBlock;
    expect(table.rows[1]!.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '5']);
    expect(table.anchor).toEqual({
      kind: 'html',
      path: 'body>table:nth-of-type(2)>tbody:nth-of-type(1)>tr:nth-of-type(1)>td:nth-of-type(2)>table:nth-of-type(2)',
    });
  });

  it('refuses pages over 50 MB and hostile nesting, without throwing', async () => {
    const big = await readHtml(new Uint8Array(50 * 1024 * 1024 + 1), { fileName: 'big.html' });
    expect(big.problems[0]?.kind).toBe('too-large');
    const deep = html('<div>'.repeat(100_000) + '政府信息公开' + '</div>'.repeat(100_000));
    const t = Date.now();
    const r = await readHtml(deep, { fileName: 'deep.html' });
    expect(Date.now() - t).toBeLessThan(5000);
    expect(r.problems[0]?.kind).toBe('corrupt-file');
    expect(r.document).toBeUndefined();
  });

  it('reads a 400-level nesting and a large page quickly', async () => {
    const deep = await read(html('<div>'.repeat(400) + '<p>一、总体情况</p>' + '</div>'.repeat(400)));
    expect(allTexts(deep)).toEqual(['一、总体情况']);
    const row = '<tr><td>一、本年新收政府信息公开申请数量</td><td>1</td><td>2</td></tr>';
    const bigPage = html(`<div class="TRS_Editor"><p>政府信息公开</p><table>${row.repeat(60_000)}</table></div>`);
    expect(bigPage.length).toBeGreaterThan(5_000_000);
    const t = Date.now();
    const doc = await read(bigPage);
    expect(Date.now() - t).toBeLessThan(20_000);
    expect((doc.blocks[1] as TableBlock).rows).toHaveLength(60_000);
  });
});
