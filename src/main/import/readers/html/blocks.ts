// Walks an article element into blocks in document order: text lines as paragraphs/headings, tables as cell rows with spans.
import { isTag, isText, type Element } from 'domhandler';
import type { Block, TableBlock, TableCell, TextBlock } from '../../../../shared/document/types';
import type { ElementPaths } from './element-path';
import { isBlank } from './chrome';

/** Elements that end the current line and start a new one (what a browser lays out as blocks). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'ul', 'caption', 'tr', 'td', 'th', 'body', 'html', 'listing', 'xmp', 'menu', 'dir',
]); // prettier-ignore
/** Elements whose content is never page text. */
const SKIP_TAGS = new Set(['img', 'style', 'head', 'area', 'map', 'colgroup', 'col', 'wbr', 'picture']);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MAX_ROWSPAN = 65534; // the HTML limits
const MAX_COLSPAN = 1000;

export interface Line {
  text: string;
  /** The block element the line's first text belongs to: its anchor. */
  el: Element;
}

/** Collects inline text into lines; a block boundary or <br> ends a line. */
class LineCollector {
  private parts: string[] = [];
  private el: Element | undefined;
  constructor(private readonly onLine: (line: Line) => void) {}

  append(text: string, el: Element): void {
    this.el ??= el;
    this.parts.push(text);
  }

  flush(): void {
    if (this.el && this.parts.length > 0) {
      const text = collapseWhitespace(this.parts.join(''));
      if (!isBlank(text)) this.onLine({ text, el: this.el });
    }
    this.parts = [];
    this.el = undefined;
  }
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/**
 * Collapses HTML whitespace like a browser (U+00A0 and U+3000 are characters, kept); a line break between two CJK
 * characters disappears, as CSS Text segment-break rules say, so source-wrapped Chinese does not gain spaces.
 */
export function collapseWhitespace(raw: string): string {
  return raw
    .replace(/[ \t\n\r\f]+/g, (ws: string, offset: number, s: string) =>
      ws.includes('\n') && CJK.test(s[offset - 1] ?? '') && CJK.test(s[offset + ws.length] ?? '') ? '' : ' ',
    )
    .replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');
}

type TableHandler = (table: Element) => void;

/** Recursive, but the tree's depth is capped when it is parsed (sanitize.ts), so the stack stays shallow. */
function walk(node: Element, block: Element, out: LineCollector, onTable: TableHandler): void {
  for (const child of node.children) {
    if (isText(child)) {
      out.append(child.data, block);
      continue;
    }
    if (!isTag(child) || SKIP_TAGS.has(child.name)) continue;
    if (child.name === 'br') {
      out.flush();
    } else if (child.name === 'table') {
      out.flush();
      onTable(child);
    } else if (BLOCK_TAGS.has(child.name)) {
      out.flush();
      walk(child, child, out, onTable);
      out.flush();
    } else {
      walk(child, block, out, onTable);
    }
  }
}

/** The table's own rows, in DOM order (rows of nested tables excluded). */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isTag(c)) continue;
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'tbody' || c.name === 'thead' || c.name === 'tfoot') {
      for (const r of c.children) if (isTag(r) && r.name === 'tr') rows.push(r);
    }
  }
  return rows;
}

function rowCells(tr: Element): Element[] {
  return tr.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10); // browsers read the leading digits ("2px" → 2)
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

function containsTable(el: Element): boolean {
  const stack = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.name === 'table') return true;
    stack.push(...n.children);
  }
  return false;
}

/** A table used for page layout: one cell, or narrow rows whose cells hold further tables. */
function isLayoutTable(rows: Element[][]): boolean {
  const cells = rows.flat();
  if (cells.length === 1) return true;
  return rows.every((r) => r.length <= 2) && cells.some(containsTable);
}

/** Whether a <table> element only lays out the page (its cells are read as flowing text, not as a data table). */
export function isLayoutTableElement(table: Element): boolean {
  return isLayoutTable(tableRows(table).map(rowCells));
}

export interface WalkOptions {
  paths: ElementPaths;
  /** Decides whether a text line is kept (chrome and metadata lines are not). */
  keepLine: (text: string) => boolean;
  /** Decides whether a data table is kept (metadata tables are not). */
  keepTable: (table: TableBlock) => boolean;
  /** Whether a kept line is a heading. */
  isHeading: (text: string, el: Element) => boolean;
}

/** Reads a cell's text: block boundaries and <br> become "\n"; nested tables are handed to onTable instead. */
function cellText(td: Element, onTable: TableHandler): string {
  const lines: string[] = [];
  const out = new LineCollector((l) => lines.push(l.text));
  walk(td, td, out, onTable);
  out.flush();
  return lines.join('\n');
}

/** Reads the article into blocks. */
export function readBlocks(article: Element, opts: WalkOptions): Block[] {
  const blocks: Block[] = [];
  const out = new LineCollector((line) => {
    if (!opts.keepLine(line.text)) return;
    const kind: TextBlock['kind'] = HEADING_TAGS.has(line.el.name) || opts.isHeading(line.text, line.el) ? 'heading' : 'paragraph';
    blocks.push({ kind, text: line.text, anchor: { kind: 'html', path: opts.paths.path(line.el) } });
  });
  const onTable: TableHandler = (table) => {
    const rowEls = tableRows(table);
    const cellEls = rowEls.map(rowCells);
    if (isLayoutTable(cellEls)) {
      for (const cell of cellEls.flat()) {
        walk(cell, cell, out, onTable);
        out.flush();
      }
      return;
    }
    const nested: Element[] = [];
    const rows: TableCell[][] = cellEls.map((cells) =>
      cells.map((td) => ({
        text: cellText(td, (t) => nested.push(t)),
        rowSpan: span(td.attribs['rowspan'], MAX_ROWSPAN),
        colSpan: span(td.attribs['colspan'], MAX_COLSPAN),
        anchor: { kind: 'html', path: opts.paths.path(td) },
      })),
    );
    const block: TableBlock = { kind: 'table', rows, anchor: { kind: 'html', path: opts.paths.path(table) } };
    if (rows.some((r) => r.length > 0) && opts.keepTable(block)) blocks.push(block);
    for (const t of nested) onTable(t); // an inner table follows its outer table as a block of its own
  };
  walk(article, article, out, onTable);
  out.flush();
  return blocks;
}

/** Every line of an element, tables flattened one row per line (cells joined by a space): for harvesting metadata. */
export function readLines(root: Element): string[] {
  const lines: string[] = [];
  const out = new LineCollector((l) => lines.push(l.text));
  const onTable: TableHandler = (table) => {
    for (const tr of tableRows(table)) {
      const texts = rowCells(tr).map((td) => cellText(td, onTable).replace(/\n/g, ' '));
      const line = texts.filter((t) => !isBlank(t)).join(' ');
      if (line) lines.push(line);
    }
  };
  walk(root, root, out, onTable);
  out.flush();
  return lines;
}
