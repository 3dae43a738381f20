// Review HTML for a .docx: mammoth's HTML, sanitized, with each table cell stamped with the reader's anchor path (data-anchor).
import mammoth from 'mammoth';
import { isTag, type Element } from 'domhandler';
import type { Block, TableBlock } from '../../../../shared/document/types';
import { buildReviewHtml, findBody, parseHtmlTree, sanitizeTree } from '../../sanitize';

/** The table's rows in DOM order (thead, tbody, tfoot), without rows of nested tables. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isTag(c)) continue;
    if (c.name === 'tr') rows.push(c);
    else if (['thead', 'tbody', 'tfoot'].includes(c.name)) for (const r of c.children) if (isTag(r) && r.name === 'tr') rows.push(r);
  }
  return rows;
}

/** Tables inside an element that are not inside another table of it. */
function directTables(el: Element): Element[] {
  const out: Element[] = [];
  const stack = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.name === 'table') out.push(n);
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/**
 * Matches the reader's table blocks to mammoth's tables (same order, same emitted cells: mammoth also drops the cells a
 * vertical merge continues) and writes data-anchor="body/tbl[2]/tr[3]/tc[4]" on each td/th, so the review screen can
 * highlight a cell with document.querySelector('[data-anchor="…"]').
 */
export function stampAnchors(body: Element, blocks: Block[]): void {
  const byPath = new Map<string, Element>();
  const bodyTables = directTables(body);
  for (const block of blocks.filter((b): b is TableBlock => b.kind === 'table')) {
    const path = block.anchor?.kind === 'docx' ? block.anchor.path : undefined;
    if (!path) continue;
    const m = /^(.*)\/tbl\[(\d+)\]$/.exec(path);
    if (!m) continue;
    const scope = m[1] === 'body' ? bodyTables : byPath.has(m[1]!) ? directTables(byPath.get(m[1]!)!) : [];
    const table = scope[Number(m[2]) - 1];
    if (!table) continue;
    table.attribs['data-anchor'] = path;
    const trs = rowsOf(table);
    block.rows.forEach((row, r) => {
      const cells = (trs[r]?.children ?? []).filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
      row
        .filter((c) => c.anchor?.kind === 'docx')
        .forEach((cell, i) => {
          const el = cells[i];
          if (!el || cell.anchor?.kind !== 'docx') return;
          el.attribs['data-anchor'] = cell.anchor.path;
          byPath.set(cell.anchor.path, el);
        });
    });
  }
}

/** mammoth HTML → sanitized review page with anchors stamped from the reader's blocks. */
export async function mammothReviewHtml(bytes: Uint8Array, blocks: Block[], title: string): Promise<string> {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { externalFileAccess: false },
  );
  const doc = parseHtmlTree(result.value);
  sanitizeTree(doc);
  const body = findBody(doc);
  if (body) stampAnchors(body, blocks);
  return buildReviewHtml(doc, title);
}
