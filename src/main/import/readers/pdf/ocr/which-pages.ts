// Which pages are read by OCR: a page without a usable text layer (an image with no or little text, or text that is
// not Chinese: a broken font encoding); a page with good text keeps it, so mixed files are read page by page.
import type { PageLayout } from '../page-layout';

/** Fewer characters than this on a page with an image: the text is a stray stamp or page number, not the page. */
const MIN_CHARS = 20;
/** A report's page is Chinese: at least this share of its letters are CJK. */
const MIN_CJK_SHARE = 0.3;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Private-use glyphs, replacement characters and controls: what a font without a usable ToUnicode map yields. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a broken text layer yields
const GARBAGE = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f\u0080-\u009f]/u;

export function layoutText(layout: PageLayout): string {
  return layout.items
    .map((item) => (item.kind === 'table' ? item.table.cells.map((c) => c.text).join('') : item.text))
    .join('')
    .replace(/\s+/g, '');
}

/** True when the page's text layer reads as Chinese text. */
export function usableText(layout: PageLayout): boolean {
  if (layout.chars < MIN_CHARS) return false;
  const chars = [...layoutText(layout)];
  const letters = chars.filter((c) => !/[\d\p{P}\p{S}]/u.test(c));
  if (!letters.length) return true; // digits and punctuation only (a page of a table's numbers) are real text
  const cjk = letters.filter((c) => CJK.test(c)).length;
  const garbage = chars.filter((c) => GARBAGE.test(c)).length;
  return cjk / letters.length >= MIN_CJK_SHARE && garbage / chars.length < 0.2;
}

/**
 * A page is OCR'd when its text is not usable and something on it could be text: an image, or (in a file with no text
 * at all) glyphs turned into drawings. A blank page of a text PDF is left alone.
 */
export function pageNeedsOcr(layout: PageLayout, all: PageLayout[]): boolean {
  if (usableText(layout)) return false;
  if (layout.hasImages) return true;
  return layout.chars === 0 && all.every((l) => l.chars === 0) && layout.items.length === 0;
}
