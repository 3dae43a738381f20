// Turns a saved page's bytes into text: the charset the page declares decides only when the bytes are not UTF-8.
import { decodeBytes, normaliseCharset, type DecodedText } from '../decode';

export type { DecodedText };

/** The charset a page declares in <meta charset> or http-equiv Content-Type, read from its first bytes as Latin-1. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const m =
    /<meta[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.-]+)/i.exec(head);
  return m?.[1] ? normaliseCharset(m[1]) : undefined;
}

export function decodeHtmlBytes(bytes: Uint8Array): DecodedText {
  return decodeBytes(bytes, declaredCharset(bytes));
}
