// Turns bytes of unknown encoding into text: BOM, strict UTF-8, a declared charset, then byte-statistics detection.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding used, lower case (e.g. "utf-8", "gb18030"). */
  encoding: string;
}

/** GB2312 and GBK text routinely uses characters only GB18030 (their superset) defines; decode them all as GB18030. */
export function normaliseCharset(name: string): string {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (/^(gb2312|gb_2312(-80)?|gbk|x-gbk|cp936|windows-936|euc-cn|csgb2312|gb18030|hz-gb-2312)$/.test(n)) return 'gb18030';
  if (n === 'big5-hkscs' || n === 'x-x-big5') return 'big5';
  if (n === 'utf8') return 'utf-8';
  return n;
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
 * Valid UTF-8 wins even over a contrary declaration: GBK text is almost never valid UTF-8, while files re-saved as UTF-8
 * often keep their old "gb2312" declaration.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeWith(bytes.subarray(bom.skip), bom.encoding) ?? '', encoding: bom.encoding };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const named = declared ? normaliseCharset(declared) : undefined;
  if (named && named !== 'utf-8') {
    const text = decodeWith(bytes, named);
    if (text !== undefined) return { text, encoding: named };
  }
  // chardet only needs a sample; the whole of a 50 MB file would cost seconds for nothing.
  const guessed = chardet.detect(bytes.subarray(0, 256 * 1024));
  const encoding = guessed ? normaliseCharset(guessed) : 'gb18030';
  const text = decodeWith(bytes, encoding);
  if (text !== undefined) return { text, encoding };
  return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}

/** Text of a plain-text file. */
export function decodeText(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}
