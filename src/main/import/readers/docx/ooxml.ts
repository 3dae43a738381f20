// Reads WordprocessingML (word/document.xml) into blocks: paragraphs, and tables with gridSpan/vMerge resolved into colSpan/rowSpan.
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type Element } from 'domhandler';
import type { Block, TableBlock, TableCell, TextBlock } from '../../../../shared/document/types';

/**
 * XML is parsed with htmlparser2 in XML mode: it knows no DTDs, so entity declarations are never expanded
 * (no "billion laughs"), and it never fetches anything.
 */
export function parseXml(xml: string): Element[] {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true }).children.filter(isTag);
}

/** Local name without the namespace prefix ("w:p" → "p"): generators do not all use the "w" prefix. */
export function local(el: Element): string {
  const i = el.name.indexOf(':');
  return i < 0 ? el.name : el.name.slice(i + 1);
}

export function kids(el: Element, name?: string): Element[] {
  return el.children.filter((c): c is Element => isTag(c) && (name === undefined || local(c) === name));
}

export function find(el: Element, name: string): Element | undefined {
  return kids(el, name)[0];
}

function attr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  for (const [k, v] of Object.entries(el.attribs)) if (k === name || k.endsWith(`:${name}`)) return v;
  return undefined;
}

/** Containers whose content belongs to the surrounding flow (content controls, custom XML, smart tags, tracked insertions). */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'hyperlink', 'fldSimple', 'r', 'moveTo', 'dir', 'bdo']);
/** Parts of a paragraph that are not its visible text: deleted runs, field codes, properties, the fallback copy of drawings. */
const SKIP = new Set(['del', 'moveFrom', 'instrText', 'delText', 'pPr', 'rPr', 'Fallback', 'footnoteReference', 'commentReference']);

/** Visible text of a paragraph: w:t, w:tab → "\t", w:br/w:cr → "\n". */
export function paragraphText(p: Element): string {
  const out: string[] = [];
  const stack: Element[] = [p];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const name = local(el);
    if (el !== p && SKIP.has(name)) continue;
    if (name === 't') {
      out.push(el.children.map((c) => (isText(c) ? c.data : '')).join(''));
      continue;
    }
    if (name === 'tab' || name === 'ptab') out.push('\t');
    else if ((name === 'br' && attr(el, 'type') !== 'page') || name === 'cr') out.push('\n');
    else if (name === 'noBreakHyphen') out.push('-');
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (isTag(c)) stack.push(c);
    }
  }
  return out.join('');
}

export interface OoxmlContext {
  /** Style id → whether it is a heading style (from styles.xml). */
  headingStyles: Set<string>;
  isHeadingText: (text: string) => boolean;
}

function isHeading(p: Element, text: string, ctx: OoxmlContext): boolean {
  const pPr = find(p, 'pPr');
  const style = attr(find(pPr ?? p, 'pStyle'), 'val');
  if (style && ctx.headingStyles.has(style)) return true;
  const outline = attr(find(pPr ?? p, 'outlineLvl'), 'val');
  if (outline !== undefined && Number(outline) < 9) return true;
  return ctx.isHeadingText(text.trim());
}

/** Flattens transparent wrappers so body/row/cell children come out as p, tbl, tr, tc in document order. */
function flow(el: Element, want: Set<string>): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [...kids(el)].reverse();
  while (stack.length > 0) {
    const c = stack.pop()!;
    const name = local(c);
    if (want.has(name)) out.push(c);
    else if (TRANSPARENT.has(name)) for (const k of kids(c).reverse()) stack.push(k);
  }
  return out;
}

const BODY_PARTS = new Set(['p', 'tbl']);

interface Emitter {
  blocks: Block[];
  ctx: OoxmlContext;
}

/** Reads a table; nested tables are emitted right after it, as blocks of their own. */
function readTable(tbl: Element, path: string, em: Emitter): void {
  const nested: { el: Element; path: string }[] = [];
  const rows: TableCell[][] = [];
  /** Per grid column: the cell a vertical merge started in, while the merge runs. */
  const active = new Map<number, TableCell>();
  flow(tbl, new Set(['tr'])).forEach((tr, r) => {
    const row: TableCell[] = [];
    const trPr = find(tr, 'trPr');
    let col = Number(attr(find(trPr ?? tr, 'gridBefore'), 'val') ?? 0) || 0;
    if (col > 0) row.push({ text: '', rowSpan: 1, colSpan: Math.min(col, 1000) }); // keeps later cells in their grid columns
    flow(tr, new Set(['tc'])).forEach((tc, c) => {
      const tcPr = find(tc, 'tcPr');
      const span = Math.min(Math.max(1, Number(attr(find(tcPr ?? tc, 'gridSpan'), 'val') ?? 1) || 1), 1000);
      const vMergeEl = tcPr ? find(tcPr, 'vMerge') : undefined;
      const vMerge = vMergeEl ? (attr(vMergeEl, 'val') ?? 'continue') : undefined;
      const start = col;
      col += span;
      const above = active.get(start);
      if (vMerge === 'continue' && above) {
        above.rowSpan++;
        return;
      }
      const cellPath = `${path}/tr[${r + 1}]/tc[${c + 1}]`;
      const cell: TableCell = { text: cellText(tc, cellPath, nested), rowSpan: 1, colSpan: span, anchor: { kind: 'docx', path: cellPath } };
      if (vMerge === 'restart') active.set(start, cell);
      else active.delete(start);
      row.push(cell);
    });
    rows.push(row);
  });
  const block: TableBlock = { kind: 'table', rows, anchor: { kind: 'docx', path } };
  if (rows.some((r) => r.length > 0)) em.blocks.push(block);
  for (const n of nested) readTable(n.el, n.path, em);
}

function cellText(tc: Element, path: string, nested: { el: Element; path: string }[]): string {
  const lines: string[] = [];
  let t = 0;
  for (const part of flow(tc, BODY_PARTS)) {
    if (local(part) === 'tbl') nested.push({ el: part, path: `${path}/tbl[${++t}]` });
    else lines.push(...paragraphText(part).split('\n'));
  }
  return lines
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((l) => !/^[\s\u00a0\u3000]*$/.test(l))
    .join('\n');
}

/** Blocks of the document body in order; anchors count body-level paragraphs and tables from 1. */
export function readBody(documentXml: string, ctx: OoxmlContext): Block[] {
  const root = parseXml(documentXml).find((e) => local(e) === 'document');
  const body = root ? find(root, 'body') : undefined;
  if (!body) return [];
  const em: Emitter = { blocks: [], ctx };
  let p = 0;
  let t = 0;
  for (const part of flow(body, BODY_PARTS)) {
    if (local(part) === 'tbl') {
      readTable(part, `body/tbl[${++t}]`, em);
      continue;
    }
    const path = `body/p[${++p}]`;
    for (const line of paragraphText(part).split('\n')) {
      const text = line.replace(/^[ \t]+|[ \t]+$/g, '');
      if (/^[\s\u00a0\u3000]*$/.test(text)) continue;
      const kind: TextBlock['kind'] = isHeading(part, text, ctx) ? 'heading' : 'paragraph';
      em.blocks.push({ kind, text, anchor: { kind: 'docx', path } });
    }
  }
  return em.blocks;
}

/** Style ids whose style name is a heading or title ("heading 1", "Title", "标题 1"). */
export function headingStyleIds(stylesXml: string | undefined): Set<string> {
  const ids = new Set<string>();
  if (!stylesXml) return ids;
  const root = parseXml(stylesXml).find((e) => local(e) === 'styles');
  for (const style of root ? kids(root, 'style') : []) {
    const id = attr(style, 'styleId');
    const name = attr(find(style, 'name'), 'val') ?? '';
    if (id && /^(heading\s*\d|title|标题(\s*\d)?)$/i.test(name.trim())) ids.add(id);
  }
  return ids;
}

/** title, creator and created (ISO date) from docProps/core.xml. */
export function coreProperties(coreXml: string | undefined): { title?: string; creator?: string; created?: string } {
  if (!coreXml) return {};
  const root = parseXml(coreXml)[0];
  const text = (name: string) => {
    const el = root ? kids(root).find((k) => local(k) === name) : undefined;
    return el
      ? el.children
          .map((c) => (isText(c) ? c.data : ''))
          .join('')
          .trim() || undefined
      : undefined;
  };
  const created = /^(\d{4}-\d{2}-\d{2})/.exec(text('created') ?? '')?.[1];
  return { title: text('title'), creator: text('creator'), created };
}
