// Reader for legacy Word .doc and Kingsoft .wps: LibreOffice → .docx when installed (full tables), else word-extractor text.
import WordExtractor from 'word-extractor';
import type { Block, Problem, ReadResult, SourceFormat, TableCell } from '../../../shared/document/types';
import { failed, problem, type Reader, type ReaderOptions } from './reader';
import { docxToHtml, readDocx } from './docx';
import { readHtml } from './html';
import { isEncryptedLegacyWord, isEncryptedOoxml, isOle2, notWordOle } from './docx/ole';
import { convertToDocx, findSoffice } from './docx/soffice';

const HEADING_RE = /^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)/;

export interface DocReadOptions {
  /** Path of soffice; null forces the text-only fallback (tests, or LibreOffice known broken). Default: looked up. */
  soffice?: string | null;
}

function formatOf(fileName: string): SourceFormat {
  return /\.wps$/i.test(fileName) ? 'wps' : 'doc';
}

const startsWith = (bytes: Uint8Array, text: string) => Buffer.from(bytes.subarray(0, text.length)).toString('latin1') === text;

/** Blocks from word-extractor's text: tab-separated lines become table rows, other lines paragraphs. */
export function textToBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let rows: TableCell[][] = [];
  let tableLine = 0;
  const endTable = () => {
    if (rows.length > 0) blocks.push({ kind: 'table', rows, anchor: { kind: 'text', line: tableLine } });
    rows = [];
  };
  body.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.includes('\t')) {
      if (rows.length === 0) tableLine = line;
      // Word ends each cell and each row with a mark that comes out as a tab; a run of tabs is a row end (or merged cells).
      for (const segment of raw.split(/\t{2,}/)) {
        const cells = segment.split('\t').map((t) => t.replace(/^[ ]+|[ ]+$/g, ''));
        while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
        if (cells.length > 0) rows.push(cells.map((text) => ({ text, rowSpan: 1, colSpan: 1, anchor: { kind: 'text', line } })));
      }
      return;
    }
    endTable();
    const text = raw.replace(/^[ ]+|[ ]+$/g, '');
    if (/^[\s\u00a0\u3000]*$/.test(text)) return;
    const kind =
      text.replace(/^[\s\u3000]+/, '').length <= 40 && HEADING_RE.test(text.replace(/^[\s\u3000]+/, '')) ? 'heading' : 'paragraph';
    blocks.push({ kind, text, anchor: { kind: 'text', line } });
  });
  endTable();
  return blocks;
}

async function readWithExtractor(bytes: Uint8Array, format: SourceFormat, name: string, why: Problem): Promise<ReadResult> {
  try {
    const extracted = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const blocks = textToBlocks(extracted.getBody());
    const problems = [why];
    if (blocks.length === 0) problems.push(problem('empty', `Word 文档中没有文字：${name}`, `no text in document: ${name}`));
    const first = blocks.slice(0, 6).find((b) => b.kind !== 'table' && /报告|報告/.test(b.text));
    const meta = first && first.kind !== 'table' ? { title: first.text } : {};
    return { document: { format, blocks, meta, problems }, problems };
  } catch (err) {
    return failed(
      'corrupt-file',
      `不是有效的 Word 文档，或文档已损坏：${name}`,
      `not a readable Word document: ${name}: ${(err as Error).message}`,
    );
  }
}

const NO_SOFFICE = problem(
  'partial',
  '未安装 LibreOffice，表格结构可能不完整',
  'LibreOffice is not installed: table structure may be incomplete',
);

/** Reads a .doc/.wps; `docOptions.soffice` picks or disables the LibreOffice path. */
export async function readDocWith(bytes: Uint8Array, options: ReaderOptions, docOptions: DocReadOptions = {}): Promise<ReadResult> {
  const name = options.fileName;
  const format = formatOf(name);
  if (bytes.length === 0) return failed('empty', `文件为空：${name}`, `empty file: ${name}`);
  if (isEncryptedOoxml(bytes) || isEncryptedLegacyWord(bytes)) {
    return failed('password-protected', `Word 文档设有打开密码，请先去除密码：${name}`, `password-protected document: ${name}`);
  }
  if (startsWith(bytes, 'PK\u0003\u0004')) return withFormat(await readDocx(bytes, options), format); // a .docx under an old name
  const notWord = isOle2(bytes) ? notWordOle(bytes) : undefined;
  if (notWord) {
    return notWord === 'header'
      ? failed(
          'corrupt-file',
          `不是有效的 Word 文档（复合文档的文件头已损坏）：${name}`,
          `not a valid Word document (corrupt OLE2 header): ${name}`,
        )
      : failed(
          'corrupt-file',
          `不是有效的 Word 文档（复合文档中没有 Word 正文）：${name}`,
          `not a valid Word document (no WordDocument stream): ${name}`,
        );
  }
  if (!isOle2(bytes)) {
    // "Web page" saves named .doc are common; RTF needs LibreOffice like a real .doc does.
    const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').toLowerCase();
    if (/<html|<!doctype html|<body|<meta/.test(head)) return withFormat(await readHtml(bytes, options), format);
    if (!startsWith(bytes, '{\\rtf')) return failed('corrupt-file', `不是有效的 Word 文档：${name}`, `not a valid Word document: ${name}`);
  }
  const soffice = docOptions.soffice === undefined ? findSoffice() : docOptions.soffice;
  if (!soffice) {
    if (!isOle2(bytes)) return failed('unsupported-format', `读取 RTF 文档需要安装 LibreOffice：${name}`, `RTF needs LibreOffice: ${name}`);
    return readWithExtractor(bytes, format, name, NO_SOFFICE);
  }
  const converted = await convertToDocx(soffice, bytes, options.signal);
  if (!converted.ok) {
    const why = problem(
      'partial',
      `LibreOffice 转换失败（${converted.reason === 'timeout' ? '超时' : '出错'}），表格结构可能不完整`,
      `LibreOffice conversion ${converted.reason}: ${converted.detail}`,
    );
    if (!isOle2(bytes)) return failed('corrupt-file', `RTF 文档无法转换：${name}`, `RTF could not be converted: ${name}`);
    return readWithExtractor(bytes, format, name, why);
  }
  return withFormat(await readDocx(converted.docx, options), format);
}

function withFormat(result: ReadResult, format: SourceFormat): ReadResult {
  if (result.document) result.document.format = format;
  return result;
}

export const readDoc: Reader = (bytes, options) => readDocWith(bytes, options);

/**
 * Review HTML for a .doc/.wps: converted with LibreOffice, then shown like a .docx (cells stamped with the same
 * data-anchor paths readDoc's blocks carry). Undefined when LibreOffice is missing or fails: show the text instead.
 */
export async function docToHtml(bytes: Uint8Array, signal?: AbortSignal): Promise<string | undefined> {
  if (startsWith(bytes, 'PK\u0003\u0004')) return docxToHtml(bytes);
  const soffice = findSoffice();
  if (!soffice || !isOle2(bytes) || isEncryptedLegacyWord(bytes)) return undefined;
  const converted = await convertToDocx(soffice, bytes, signal);
  return converted.ok ? docxToHtml(converted.docx) : undefined;
}
