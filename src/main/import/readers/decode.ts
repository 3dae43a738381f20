// Turns bytes of unknown encoding into text: BOMs, strict UTF-8, then GB18030 (covers GBK/GB2312), then a detector.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export function decodeText(bytes: Uint8Array, declared?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: fall through to the declared or detected charset
  }
  const enc = normaliseCharset(declared) ?? normaliseCharset(chardet.detect(bytes) ?? undefined) ?? 'gb18030';
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), iconv.encodingExists(enc) ? enc : 'gb18030');
}

/** GB2312 and GBK pages are decoded as GB18030, their superset. */
export function normaliseCharset(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  const n = name.trim().toLowerCase();
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|hz-gb-2312)$/.test(n)) return 'gb18030';
  if (n === 'utf8') return 'utf-8';
  return n;
}
