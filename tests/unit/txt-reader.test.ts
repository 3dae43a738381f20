// Plain-text reader: encodings, table-like lines (pipes, tabs), one block per line with exact line anchors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTxt } from '../../src/main/import/readers/txt';
import { parseReport } from '../../src/shared/parse/index';

const seed = (n: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'seeds', n), 'utf8');

describe('readTxt', () => {
  it('reads a GBK-encoded text exactly as its UTF-8 original', async () => {
    const text = seed('seed-003.txt');
    const gbk = await readTxt(new Uint8Array(iconv.encode(text, 'gbk')), { fileName: 'a.txt' });
    const utf8 = await readTxt(new Uint8Array(Buffer.from(text, 'utf8')), { fileName: 'a.txt' });
    expect(gbk.document!.blocks).toEqual(utf8.document!.blocks);
    expect(parseReport(gbk.document!, 'a.txt').cells).toEqual(parseReport(utf8.document!, 'a.txt').cells);
  });

  it('turns pipe and tab lines into table rows, dropping colspan artefacts at the end of pipe rows', async () => {
    const r = await readTxt(new Uint8Array(Buffer.from('标题\n| 规章 | 0 | 1 | ||\n行政许可\t5\t\n正文', 'utf8')), { fileName: 'b.txt' });
    const blocks = r.document!.blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = blocks[1]!;
    expect(table.kind === 'table' && table.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['规章', '0', '1'],
      ['行政许可', '5', ''],
    ]);
    expect(blocks[2]).toMatchObject({ text: '正文', anchor: { kind: 'text', line: 4 } });
  });

  it('says so for a file without text', async () => {
    const r = await readTxt(new Uint8Array(Buffer.from('\n \n\t\n', 'utf8')), { fileName: 'empty.txt' });
    expect(r.document).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ kind: 'empty' });
    expect(r.problems[0]!.message).toContain('empty.txt');
  });
});
