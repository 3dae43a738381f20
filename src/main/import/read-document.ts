// Picks the reader for a file by its bytes (magic numbers) first and its extension second.
import type { ReadResult, SourceFormat } from '../../shared/document/types';
import { failed, type Reader, type ReaderOptions } from './readers/reader';

/** Larger files are refused before any parsing: no real report comes near this. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/**
 * Each reader is loaded when a file needs it: a text report does not pay for the HTML parser, mammoth or word-extractor
 * (a third of a command-line parse's start-up), a PDF not for the Word readers.
 */
const READERS: Record<SourceFormat, () => Promise<Reader>> = {
  pdf: async () => (await import('./readers/pdf')).readPdf,
  html: async () => (await import('./readers/html')).readHtml,
  docx: async () => (await import('./readers/docx')).readDocx,
  doc: async () => (await import('./readers/doc')).readDoc,
  wps: async () => (await import('./readers/doc')).readDoc,
  txt: async () => (await import('./readers/txt')).readTxt,
};

const EXTENSIONS: Record<string, SourceFormat> = {
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  shtml: 'html',
  mht: 'html',
  docx: 'docx',
  doc: 'doc',
  wps: 'wps',
  txt: 'txt',
};

export function extensionFormat(fileName: string): SourceFormat | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return EXTENSIONS[ext];
}

/** Detects the real format from the first bytes; the extension only decides between look-alikes. */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat | undefined {
  const byExt = extensionFormat(fileName);
  const head = bytes.subarray(0, 8);
  const startsWith = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  if (startsWith(0x25, 0x50, 0x44, 0x46)) return 'pdf'; // %PDF
  if (startsWith(0x50, 0x4b, 0x03, 0x04)) return byExt === 'wps' ? 'wps' : 'docx'; // zip: docx (or a zip named otherwise)
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return byExt === 'wps' ? 'wps' : 'doc'; // OLE2
  if (byExt === 'pdf' || byExt === 'docx' || byExt === 'doc' || byExt === 'wps') {
    // The extension promises a binary format the bytes do not have; let the reader say so precisely.
    return byExt;
  }
  return byExt;
}

export async function readDocument(bytes: Uint8Array, options: ReaderOptions): Promise<ReadResult> {
  const name = options.fileName;
  if (bytes.length === 0) return failed('empty', `文件为空（0 字节）：${name}`, `empty file (0 bytes): ${name}`);
  if (bytes.length > MAX_FILE_BYTES) {
    return failed('too-large', `文件过大（超过 200 MB），未读取：${name}`, `file too large (over 200 MB): ${name}`);
  }
  const format = detectFormat(bytes, name);
  if (!format) {
    return failed('unsupported-format', `不支持的文件类型：${name}（支持 PDF、Word、网页、文本）`, `unsupported file type: ${name}`);
  }
  return (await READERS[format]())(bytes, options);
}
