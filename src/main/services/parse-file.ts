// One file from disk to report model: read bytes, checksum, pick the reader, parse. Never throws for bad input.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Problem, SourceDocument } from '../../shared/document/types';
import type { ReportModel } from '../../shared/model/report';
import { parseReport } from '../../shared/parse/index';
import { MAX_FILE_BYTES, readDocument } from '../import/read-document';
import type { ReaderProgress } from '../import/readers/reader';

/** Cancel between pages, and progress of long work (OCR pages) with the extra time it needs. */
export interface ParseOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ReaderProgress) => void;
}

export interface ParsedFile {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  document?: SourceDocument;
  model?: ReportModel;
  problems: Problem[];
}

export async function parseFile(path: string, options: ParseOptions = {}): Promise<ParsedFile> {
  const fileName = basename(path);
  const empty = new Uint8Array();
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail(fileName, empty, 'unsupported-format', `不是文件：${fileName}`, `not a file: ${fileName}`);
    if (info.size > MAX_FILE_BYTES)
      return fail(fileName, empty, 'too-large', `文件过大（超过 200 MB），未读取：${fileName}`, `file too large: ${fileName}`);
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : '无法读取';
    return fail(fileName, empty, 'corrupt-file', `${why}：${fileName}`, `cannot read (${code ?? 'error'}): ${fileName}`);
  }
  return parseBytes(bytes, fileName, options);
}

export async function parseBytes(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<ParsedFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let read;
  try {
    read = await readDocument(bytes, {
      fileName,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (e) {
    // Readers return problems; a throw here is a bug in a reader, reported without a stack trace.
    return {
      ...fail(
        fileName,
        bytes,
        'corrupt-file',
        `读取失败：${fileName}（${String((e as Error)?.message ?? e).slice(0, 200)}）`,
        `read failed: ${fileName}`,
      ),
      sha256,
    };
  }
  if (!read.document) return { fileName, bytes, sha256, problems: read.problems };
  const model = parseReport(read.document, fileName);
  return { fileName, bytes, sha256, document: read.document, model, problems: [...read.problems] };
}

function fail(fileName: string, bytes: Uint8Array, kind: Problem['kind'], message: string, messageEn: string): ParsedFile {
  return { fileName, bytes, sha256: '', problems: [{ kind, message, messageEn }] };
}
