// Plain text (.txt): text extractions and flattened pages. Tab- and pipe-separated lines become table rows;
// every other non-empty line is a block of its own (line anchors stay exact; the parser joins labels across lines).
import type { Block, TableBlock } from '../../../shared/document/types';
import { decodeText } from './decode';
import type { Reader } from './reader';

const MAX_CHARS = 20_000_000;

export const readTxt: Reader = async (bytes, { fileName }) => {
  const text = decodeText(bytes);
  if (text.length > MAX_CHARS) {
    return { problems: [{ kind: 'too-large', message: `文本过长，未读取：${fileName}`, messageEn: `text too long: ${fileName}` }] };
  }
  const blocks = textBlocks(text);
  if (blocks.length === 0) {
    return { problems: [{ kind: 'empty', message: `文件没有文字内容：${fileName}`, messageEn: `no text in file: ${fileName}` }] };
  }
  return { document: { format: 'txt', blocks, meta: {}, problems: [] }, problems: [] };
};

const PIPE_ROW = /^\s*\|.*\|\s*$/;

export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let table: TableBlock | null = null;
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      const anchor = { kind: 'text' as const, line: i + 1 };
      const cells = rowCells(line);
      if (cells) {
        if (!table) blocks.push((table = { kind: 'table', rows: [], anchor }));
        table.rows.push(cells.map((c) => ({ text: c, rowSpan: 1, colSpan: 1, anchor })));
        return;
      }
      table = null;
      // One block per line: its anchor is exact, and a page number on a line of its own stays recognisable.
      if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line, anchor });
    });
  return blocks;
}

/** The cells of a table-like line (pipes or tabs), or null for prose. Trailing empty pipe cells are colspan artefacts (F1). */
function rowCells(line: string): string[] | null {
  if (PIPE_ROW.test(line)) {
    const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
    const cells = inner.split('|').map((c) => c.trim());
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  }
  if (line.includes('\t') && line.trim() !== '') return line.split('\t').map((c) => c.trim());
  return null;
}
