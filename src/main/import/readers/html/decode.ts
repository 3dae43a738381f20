// Turns a saved page's bytes into text: BOM, strict UTF-8, the page's declared charset, then byte-statistics detection.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding used, lower case (e.g. "utf-8", "gb18030"). */
  encoding: string;
}

/** GB2312 and GBK pages routinely use characters only GB18030 (their superset) defines; decode them all as GB18030. */
function normaliseCharset(name: string): string {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (/^(gb2312|gb_2312(-80)?|gbk|x-gbk|cp936|windows-936|euc-cn|csgb2312|gb18030)$/.test(n)) return 'gb18030';
  if (n === 'big5-hkscs' || n === 'x-x-big5') return 'big5';
  if (n === 'utf8') return 'utf-8';
  return n;
}

/** The charset a page declares in <meta charset> or http-equiv Content-Type, read from its first bytes as Latin-1. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const m =
    /<meta[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head) ?? /<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.-]+)/i.exec(head);
  return m?.[1] ? normaliseCharset(m[1]) : undefined;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeWith(bytes: Uint8Array, encoding: string): string | undefined {
  if (!iconv.encodingExists(encoding)) return undefined;
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/**
 * Valid UTF-8 wins even over a contrary declaration: GBK text is almost never valid UTF-8, while pages re-saved as UTF-8
 * often keep their old "gb2312" meta.
 */
export function decodeHtmlBytes(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.skip), bom.encoding) ?? '', encoding: bom.encoding };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8') {
    const text = decodeWith(bytes, declared);
    if (text !== undefined) return { text, encoding: declared };
  }
  // chardet only needs a sample; the whole of a 50 MB page would cost seconds for nothing.
  const guessed = chardet.detect(bytes.subarray(0, 256 * 1024));
  const encoding = guessed ? normaliseCharset(guessed) : 'utf-8';
  const text = decodeWith(bytes, encoding);
  if (text !== undefined) return { text, encoding };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}
