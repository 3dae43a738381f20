// Writes the article of a saved report page as a standalone HTML file (bordered and border-less) for LibreOffice to turn into Word.
// Usage: tsx scripts/make-fixtures/word-source.ts <page.html> <out-dir> <truth-name>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeOuter } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { isTag, type Element } from 'domhandler';
import { findBody, parseHtmlTree, sanitizeTree } from '../../src/main/import/sanitize';
import { findArticle } from '../../src/main/import/readers/html/article';

const [page, outDir, name] = process.argv.slice(2);
if (!page || !outDir || !name) throw new Error('usage: word-source.ts <page.html> <out-dir> <truth-name>');

const doc = parseHtmlTree(readFileSync(page, 'utf8'));
sanitizeTree(doc);
const body = findBody(doc);
if (!body) throw new Error(`${page}: no body`);
const article = findArticle(body);
const title = /<meta name="ArticleTitle" content="([^"]*)"/.exec(readFileSync(page, 'utf8'))?.[1] ?? name;

/** Removes every border from the tables: the Word documents some offices publish have none. */
function stripBorders(el: Element): void {
  if (el.name === 'table' || el.name === 'td' || el.name === 'th') {
    delete el.attribs['border'];
    const style = (el.attribs['style'] ?? '').replace(/(mso-)?border[a-z-]*\s*:[^;]*;?/gi, '');
    el.attribs['style'] = `${style};border:none`;
  }
  for (const c of el.children) if (isTag(c)) stripBorders(c);
}

const wrap = (inner: string) =>
  `<!doctype html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body>\n<p style="text-align:center">${title}</p>\n${inner}\n</body></html>\n`;

/** Tables without a border attribute still get visible borders in the bordered variant. */
function addBorders(el: Element): void {
  if (el.name === 'table') el.attribs['border'] = el.attribs['border'] ?? '1';
  for (const c of el.children) if (isTag(c)) addBorders(c);
}

addBorders(article);
writeFileSync(join(outDir, `${name}.bordered.html`), wrap(serializeOuter(article as never, { treeAdapter: adapter })));
stripBorders(article);
writeFileSync(join(outDir, `${name}.borderless.html`), wrap(serializeOuter(article as never, { treeAdapter: adapter })));
