// Escaping for the print pages: every piece of text comes from documents or inspectors and is treated as hostile.

/** Text for HTML element content and double-quoted attributes. */
export function esc(s: string | number | null | undefined): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A CSS string literal (for `content:` in the page margin boxes). Everything but letters, digits, CJK and spaces is
 * written as a hex escape, so no quote, backslash, `</style>` or newline in a unit name can end the string or the sheet.
 */
export function cssString(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (/[\p{L}\p{N} ]/u.test(ch) && ch !== '\u2028' && ch !== '\u2029') out += ch;
    else out += `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** Points as printed: whole numbers plain, halves with one decimal. */
export function pts(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** A date as 2026年1月14日 (from YYYY-MM-DD or an ISO timestamp); empty when unknown. */
export function cnDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}
