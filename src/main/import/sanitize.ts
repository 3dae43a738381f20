// Parses untrusted HTML into a browser-shaped tree, strips everything active or remote, and serializes it for the review screen.
import { parse, serializeOuter } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { Parser } from 'htmlparser2';
import { Element, Text, isTag, isText, type ChildNode, type Document, type ParentNode } from 'domhandler';

/** Browsers flatten nesting beyond 512 levels; deeper markup is only ever hostile, and parse5 slows quadratically on it. */
export const MAX_HTML_DEPTH = 512;
/** Depth the parsed tree is cut at, so every recursive walk (ours, the serializer's) stays far from the stack limit. */
const TREE_DEPTH_CAP = 400;

export const REVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** Elements removed with their whole content: active, embedding, form controls, or remote-loading. */
const DROP_ELEMENTS = new Set([
  'script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'base', 'link', 'meta',
  'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'keygen', 'template', 'portal', 'svg', 'math',
  'audio', 'video', 'source', 'track', 'canvas', 'dialog', 'title',
]); // prettier-ignore

/** Attributes that carry a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'background', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'data', 'codebase', 'usemap', 'manifest', 'ping', 'xlink:href', 'xml:base']); // prettier-ignore
const DROP_ATTRIBUTES = new Set(['srcset', 'imagesrcset', 'http-equiv', 'integrity', 'nonce', 'autofocus']);

/** Largest nesting depth the markup asks for, counted by a fast linear tokenizer before the real parse. */
export function estimateDepth(html: string): number {
  let depth = 0;
  let max = 0;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        if (depth > max) max = depth;
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.end(html);
  return max;
}

/** Parses like a browser does (tbody insertion, implied ends), so element paths resolve the same in the review screen. */
export function parseHtmlTree(html: string): Document {
  const doc = parse(stripBulk(html), { treeAdapter: adapter }) as Document;
  capDepth(doc, TREE_DEPTH_CAP);
  return doc;
}

/**
 * Empties script bodies and drops inline data URIs over 1 MB before parsing: both are discarded anyway, and the HTML
 * tokenizer walks them character by character (a 45 MB embedded image costs seconds). Element structure is unchanged.
 */
function stripBulk(html: string): string {
  const lean = dropLongDataUris(html.replace(/(<script\b[^>]*>)[\s\S]*?(?=<\/script)/gi, '$1'), 1 << 20);
  // Word-exported pages are ~80% inline mso styles and parse5 reads ~2 MB/s here: past 8 MB, drop style attributes
  // (the text and element structure stay; only the review page loses inline looks) so 50 MB pages finish in seconds.
  return lean.length > DENSE_PAGE_CHARS ? lean.replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '') : lean;
}

const DENSE_PAGE_CHARS = 8_000_000;

const URI_REST = /[^"'\s)>]*/y;

/** A scan with a plain star: a {1048576,} quantifier overflows V8's regex stack on long runs. */
function dropLongDataUris(html: string, limit: number): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = html.indexOf('data:'); i >= 0; i = html.indexOf('data:', i + 5)) {
    URI_REST.lastIndex = i + 5;
    URI_REST.exec(html);
    const end = URI_REST.lastIndex;
    if (end - i > limit) {
      parts.push(html.slice(from, i));
      from = end;
    }
    i = Math.max(i, end - 5);
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/** Replaces whatever lies deeper than `limit` by its plain text: iterative, so hostile nesting cannot overflow the stack. */
function capDepth(root: ParentNode, limit: number): void {
  const stack: { node: ParentNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= limit) {
      const text = flatText(node);
      for (const child of [...node.children]) detach(child);
      if (text) appendChild(node, new Text(text));
      continue;
    }
    for (const child of node.children) if (isTag(child)) stack.push({ node: child, depth: depth + 1 });
  }
}

/** Text content without recursion. */
export function flatText(node: ParentNode): string {
  const parts: string[] = [];
  const stack: ChildNode[] = [...node.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) parts.push(n.data);
    else if (isTag(n)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join('');
}

function detach(node: ChildNode): void {
  const parent = node.parent;
  if (!parent) return;
  const i = parent.children.indexOf(node);
  if (i >= 0) parent.children.splice(i, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = node.prev = node.next = null;
}

function appendChild(parent: ParentNode, child: ChildNode): void {
  const last = parent.children[parent.children.length - 1] ?? null;
  child.parent = parent;
  child.prev = last;
  child.next = null;
  if (last) last.next = child;
  parent.children.push(child);
}

/** Removes, in place, everything that could run, navigate, submit or load from outside. Element paths are computed afterwards. */
export function sanitizeTree(root: ParentNode): void {
  const stack: ParentNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of [...node.children]) {
      if (isTag(child)) {
        if (DROP_ELEMENTS.has(child.name)) {
          detach(child);
          continue;
        }
        sanitizeElement(child);
        stack.push(child);
      } else if (!isText(child)) {
        detach(child); // comments (incl. IE conditional comments), processing instructions
      }
    }
  }
}

function sanitizeElement(el: Element): void {
  if (el.name === 'form') el.name = 'div'; // keep the content (some sites wrap the whole page in a form), lose the submit target
  if (el.name === 'style') {
    for (const child of el.children) if (isText(child)) child.data = sanitizeCss(child.data);
    el.attribs = {};
    return;
  }
  for (const name of Object.keys(el.attribs)) {
    const value = el.attribs[name] ?? '';
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || DROP_ATTRIBUTES.has(lower) || lower.startsWith('ms-') || lower.startsWith('xmlns')) {
      delete el.attribs[name];
    } else if (URL_ATTRIBUTES.has(lower) || lower.endsWith(':href')) {
      if (!isSafeUrl(value, lower === 'src' && el.name === 'img')) delete el.attribs[name];
    } else if (lower === 'style') {
      el.attribs[name] = sanitizeCss(value);
    }
  }
}

/** Only in-page anchors and inline images survive: everything else would navigate away or load from the network. */
function isSafeUrl(value: string, isImageSource: boolean): boolean {
  // Browsers ignore control characters and whitespace inside schemes ("java\tscript:"), so compare without them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be stripped here
  const url = value.replace(/[\u0000-\u0020\u007f-\u00a0]+/g, '').toLowerCase();
  if (url.startsWith('#')) return !isImageSource;
  if (isImageSource) return /^data:image\/(png|gif|jpe?g|webp|bmp);/.test(url);
  return false;
}

/** Drops @import and any url() that is not an inline image; neutralises legacy script hooks in CSS. */
export function sanitizeCss(css: string): string {
  return (
    css
      // CSS escapes could spell "url(" or "expression(" past the rules below: decode them first.
      .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_m, hex: string) =>
        String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff) || 0xfffd),
      )
      .replace(/\\(.)/g, '$1')
      .replace(/\\/g, '')
      .replace(/@import[^;]*;?/gi, '')
      // A url() whose target cannot be read (the second alternative) is neutralised too.
      .replace(/url\s*\(\s*(['"]?)([^'")]*)\1\s*\)|url\s*\(/gi, (whole, _q: string | undefined, target: string | undefined) =>
        target !== undefined && /^data:image\/(png|gif|jpe?g|webp|bmp);/i.test(target.trim()) ? whole : 'none',
      )
      .replace(/expression\s*\(|-moz-binding|behavior\s*:/gi, 'x-removed(')
  );
}

/** The body element of a parsed document. */
export function findBody(doc: Document): Element | undefined {
  const html = doc.children.find((n): n is Element => isTag(n) && n.name === 'html');
  return html?.children.find((n): n is Element => isTag(n) && n.name === 'body');
}

function findHead(doc: Document): Element | undefined {
  const html = doc.children.find((n): n is Element => isTag(n) && n.name === 'html');
  return html?.children.find((n): n is Element => isTag(n) && n.name === 'head');
}

/** Parses and sanitizes a whole page, returning the sanitized body markup. */
export function sanitizeHtml(html: string): string {
  const doc = parseHtmlTree(html);
  sanitizeTree(doc);
  const body = findBody(doc);
  return body ? serializeOuter(body as never, { treeAdapter: adapter }) : '';
}

/**
 * The page shown in the review screen: a strict CSP, the page's own (sanitized) inline styles and the sanitized body.
 * Pass the same tree the reader walked (already sanitized) so element paths resolve identically.
 */
export function buildReviewHtml(doc: Document, title = ''): string {
  const body = findBody(doc);
  const styles = (findHead(doc)?.children ?? []).filter((n): n is Element => isTag(n) && n.name === 'style');
  const styleHtml = styles.map((s) => serializeOuter(s as never, { treeAdapter: adapter })).join('\n');
  const bodyHtml = body ? serializeOuter(body as never, { treeAdapter: adapter }) : '<body></body>';
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REVIEW_CSP}">`,
    `<title>${escapeHtml(title)}</title>`,
    styleHtml,
    '</head>',
    bodyHtml,
    '</html>',
  ].join('\n');
}

/** Review page for raw markup (e.g. mammoth's output, which has no head). */
export function reviewHtmlFromMarkup(html: string, title = ''): string {
  const doc = parseHtmlTree(html);
  sanitizeTree(doc);
  return buildReviewHtml(doc, title);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type { Document as HtmlDocument, Element as HtmlElement };
export { Element, Text };
