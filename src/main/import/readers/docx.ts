// Reader for Word .docx: bounded unzip, WordprocessingML tables/paragraphs with merged cells resolved, core properties; mammoth HTML for review.
import type { DocumentMeta, Problem, ReadResult, SourceDocument } from '../../../shared/document/types';
import { failed, problem, type Reader } from './reader';
import { escapeHtml, reviewHtmlFromMarkup } from '../sanitize';
import { mammothReviewHtml } from './docx/review';
import { checkRatio, listZip, readEntry, ZipError, type ZipEntry } from './docx/zip';
import { coreProperties, headingStyleIds, readBody } from './docx/ooxml';
import { isEncryptedOoxml, isOle2 } from './docx/ole';

const HEADING_RE = /^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)/;

function isHeadingText(text: string): boolean {
  return text.length <= 40 && HEADING_RE.test(text);
}

function notWord(name: string): ReadResult {
  return failed('corrupt-file', `不是有效的 Word 文档：${name}`, `not a valid Word document: ${name}`);
}

/** Maps a refused zip to the problem the user sees. */
function zipProblem(err: ZipError, name: string): ReadResult {
  switch (err.reason) {
    case 'too-large':
      return failed(
        'too-large',
        `Word 文档解压后过大（超过 200 MB），未读取：${name}`,
        `document too large when unpacked: ${name} (${err.message})`,
      );
    case 'bomb':
      return failed(
        'corrupt-file',
        `Word 文档压缩比异常，疑似压缩炸弹，未读取：${name}`,
        `suspicious compression (zip bomb?): ${name} (${err.message})`,
      );
    case 'encrypted':
      return failed('password-protected', `Word 文档已加密，请先去除密码：${name}`, `encrypted document: ${name}`);
    case 'truncated':
      return failed('corrupt-file', `Word 文档已损坏或不完整：${name}`, `damaged or truncated document: ${name} (${err.message})`);
    default:
      return notWord(name);
  }
}

interface DocxParts {
  document: string;
  styles?: string;
  core?: string;
}

/** Unzips only the parts we read, each checked against its declared size and the ratio limit. */
function unpack(bytes: Uint8Array): DocxParts | undefined {
  const entries = listZip(bytes);
  const main = entries.get('word/document.xml') ?? findMainPart(entries);
  if (!main) return undefined;
  checkRatio(main);
  const text = (e: ZipEntry | undefined) => {
    if (!e) return undefined;
    checkRatio(e);
    return readEntry(bytes, e).toString('utf8');
  };
  return { document: text(main)!, styles: text(entries.get('word/styles.xml')), core: text(entries.get('docProps/core.xml')) };
}

/** Some generators name the main part differently (e.g. word/document2.xml); [Content_Types] would say, the name is enough. */
function findMainPart(entries: Map<string, ZipEntry>): ZipEntry | undefined {
  for (const [name, e] of entries) if (/^word\/document\d*\.xml$/.test(name)) return e;
  return undefined;
}

function buildMeta(core: ReturnType<typeof coreProperties>): DocumentMeta {
  const meta: DocumentMeta = {};
  if (core.title) meta.title = core.title;
  if (core.creator) meta.author = core.creator;
  if (core.created) meta.createdAt = core.created; // a creation date, never a publication date
  return meta;
}

export const readDocx: Reader = async (bytes, options) => {
  const name = options.fileName;
  if (bytes.length === 0) return failed('empty', `文件为空：${name}`, `empty file: ${name}`);
  if (isEncryptedOoxml(bytes))
    return failed('password-protected', `Word 文档设有打开密码，请先去除密码：${name}`, `password-protected document: ${name}`);
  if (isOle2(bytes)) {
    // A legacy .doc saved with a .docx name: the .doc reader handles it.
    const { readDoc } = await import('./doc');
    return readDoc(bytes, options);
  }
  try {
    const parts = unpack(bytes);
    if (!parts) return notWord(name);
    const blocks = readBody(parts.document, { headingStyles: headingStyleIds(parts.styles), isHeadingText });
    const meta = buildMeta(coreProperties(parts.core));
    const problems: Problem[] = [];
    if (blocks.length === 0) problems.push(problem('empty', `Word 文档中没有文字：${name}`, `no text in document: ${name}`));
    if (!meta.title) {
      const first = blocks.slice(0, 6).find((b) => b.kind !== 'table' && /报告|報告/.test(b.text));
      if (first && first.kind !== 'table') meta.title = first.text;
    }
    const document: SourceDocument = { format: 'docx', blocks, meta, problems };
    return { document, problems };
  } catch (err) {
    if (err instanceof ZipError) return zipProblem(err, name);
    return failed('corrupt-file', `Word 文档无法解析：${name}`, `document could not be parsed: ${name}: ${(err as Error).message}`);
  }
};

/**
 * mammoth's HTML of the document for the review screen: sanitized, under a strict CSP, each table cell stamped with the
 * reader's anchor (data-anchor="body/tbl[2]/tr[3]/tc[4]"). The zip is vetted with the reader's limits first, because
 * mammoth inflates parts without any. Never throws: an unreadable file gives a page that says so.
 */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  try {
    const parts = unpack(bytes);
    if (!parts) return reviewHtmlFromMarkup('<p>不是有效的 Word 文档</p>');
    const blocks = readBody(parts.document, { headingStyles: headingStyleIds(parts.styles), isHeadingText });
    return await mammothReviewHtml(bytes, blocks, coreProperties(parts.core).title ?? '');
  } catch (err) {
    const why = err instanceof ZipError ? err.message : 'document could not be converted';
    return reviewHtmlFromMarkup(`<p>无法显示此 Word 文档（${escapeHtml(why)}）</p>`);
  }
}
