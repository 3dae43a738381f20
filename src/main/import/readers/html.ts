// Reader for saved web pages (.html/.htm/.mht): decode, parse like a browser, sanitize, find the article, emit blocks and portal metadata.
import { isTag, type Document, type Element } from 'domhandler';
import type { Block, DocumentMeta, Problem, SourceDocument, TableBlock } from '../../../shared/document/types';
import { failed, problem, type Reader } from './reader';
import { buildReviewHtml, estimateDepth, findBody, flatText, MAX_HTML_DEPTH, parseHtmlTree, sanitizeTree } from '../sanitize';
import { decodeHtmlBytes } from './html/decode';
import { isMhtml, mhtmlToText } from './html/mhtml';
import { ElementPaths } from './html/element-path';
import { findArticle } from './html/article';
import { readBlocks, readLines } from './html/blocks';
import { buildMeta, isChromeLine, isMetaLine, labelledFields, type HeadMeta } from './html/chrome';

export const MAX_HTML_BYTES = 50 * 1024 * 1024;

const HEADING_RE = /^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)/;

interface ParsedPage {
  doc: Document;
  body: Element;
  head: HeadMeta;
  title: string | undefined;
}

/** Decodes, depth-checks, parses, harvests the head, then sanitizes: the tree the blocks and the review page both come from. */
function parsePage(bytes: Uint8Array): ParsedPage | Problem {
  const text = (isMhtml(bytes) ? mhtmlToText(bytes) : undefined) ?? decodeHtmlBytes(bytes).text;
  if (estimateDepth(text) > MAX_HTML_DEPTH) {
    return problem(
      'corrupt-file',
      `网页标签嵌套超过 ${MAX_HTML_DEPTH} 层，疑似恶意文件，未读取`,
      `markup nested deeper than ${MAX_HTML_DEPTH} levels`,
    );
  }
  const doc = parseHtmlTree(text);
  const { head, title } = readHead(doc);
  sanitizeTree(doc);
  const body = findBody(doc);
  if (!body) return problem('corrupt-file', '网页没有正文（body）', 'page has no body');
  return { doc, body, head, title };
}

function readHead(doc: Document): { head: HeadMeta; title: string | undefined } {
  const head: HeadMeta = new Map();
  let title: string | undefined;
  const stack = [...doc.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.name === 'body') continue; // portal metadata lives in the head
    if (n.name === 'meta') {
      const name = (n.attribs['name'] ?? '').toLowerCase();
      const content = (n.attribs['content'] ?? '').trim();
      if (name && content) head.set(name === 'desctiption' ? 'description' : name, content);
    } else if (n.name === 'title') {
      title = flatText(n).trim() || undefined;
    } else {
      stack.push(...n.children);
    }
  }
  return { head, title };
}

/** Labelled chrome fields (索引号, 发布日期, 来源…) from every short line of the page, first occurrence wins. */
function harvestFields(body: Element): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of readLines(body)) {
    if (line.length > 300) continue;
    for (const [label, value] of labelledFields(line)) if (value && !fields.has(label)) fields.set(label, value);
  }
  return fields;
}

/** A table of 索引号/发布机构/… pairs is page metadata, not report content. */
function isMetaTable(table: TableBlock): boolean {
  const cells = table.rows.flat();
  const labelled = cells.filter(
    (c) => isMetaLine(c.text) || /^(索引号|发布机构|发布日期|成文日期|文号|主题分类|来源)[:：]?$/.test(c.text.trim()),
  );
  return labelled.length >= 2 && !cells.some((c) => /本年新收|总体情况|行政复议|主动公开/.test(c.text));
}

function extractBlocks(page: ParsedPage, meta: DocumentMeta): Block[] {
  const article = findArticle(page.body);
  const paths = new ElementPaths(page.body);
  return readBlocks(article, {
    paths,
    keepLine: (text) => !isChromeLine(text) && !isMetaLine(text),
    keepTable: (table) => !isMetaTable(table),
    isHeading: (text) => {
      const t = text.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
      return (t.length <= 40 && HEADING_RE.test(t)) || (!!meta.title && t === meta.title);
    },
  });
}

export const readHtml: Reader = async (bytes, options) => {
  const name = options.fileName;
  if (bytes.length === 0) return failed('empty', `文件为空：${name}`, `empty file: ${name}`);
  if (bytes.length > MAX_HTML_BYTES) {
    return failed('too-large', `网页文件超过 50 MB，未读取：${name}`, `page larger than 50 MB: ${name}`);
  }
  try {
    const page = parsePage(bytes);
    if ('kind' in page) return { problems: [page] };
    if (options.signal?.aborted) return failed('timeout', `已取消：${name}`, `cancelled: ${name}`);
    const meta = buildMeta(page.head, page.title, harvestFields(page.body));
    const blocks = extractBlocks(page, meta);
    if (!/报告|報告/.test(meta.title ?? '')) {
      // A <title> like "某县年报" or a site name: the report's own title line is better.
      const line = blocks.slice(0, 6).find((b) => b.kind !== 'table' && b.text.length <= 60 && /报告|報告/.test(b.text));
      if (line && line.kind !== 'table') meta.title = line.text.trim();
    }
    const problems: Problem[] = [];
    if (blocks.length === 0) problems.push(problem('empty', `网页中没有找到正文文字：${name}`, `no text found in page: ${name}`));
    const document: SourceDocument = { format: 'html', blocks, meta, problems };
    return { document, problems };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return failed('corrupt-file', `网页无法解析：${name}`, `page could not be parsed: ${name}: ${why}`);
  }
};

/**
 * The sanitized page for the review screen. It is built from the same decode → parse → sanitize pipeline as readHtml,
 * so the element paths in the blocks' anchors resolve with document.querySelector in it.
 */
export function htmlReviewPage(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0 || bytes.length > MAX_HTML_BYTES) return undefined;
  const page = parsePage(bytes);
  if ('kind' in page) return undefined;
  return buildReviewHtml(page.doc, page.head.get('articletitle') ?? page.title ?? '');
}
