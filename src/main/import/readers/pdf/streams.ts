// A look at a PDF's raw streams before pdf.js opens it: how large each would be decoded, and how large each page's
// content is. pdf.js inflates a stream whole into memory that the worker's heap limit does not count (typed arrays), so a
// flate bomb must be refused before it is touched; and a page whose content runs to tens of MiB of drawing operators
// makes pdf.js build (and copy) an operator list of millions of entries, so such a page is known before it is read.
import { inflateRawSync, inflateSync, constants as zlib } from 'node:zlib';

/** No stream of a report decodes to more: a 600 dpi A4 colour image is 105 MB. A flate bomb does. */
export const MAX_STREAM_BYTES = 128 * 1024 * 1024;
/** Decoded bytes of the streams of one page's /Contents, beyond which the page's drawing is not collected. */
export const MAX_PAGE_DRAWING_BYTES = 1 * 1024 * 1024;
/** Beyond this a page is not read at all: a report page's text and tables take a few hundred kilobytes. */
export const MAX_PAGE_CONTENT_BYTES = 16 * 1024 * 1024;

/** Worst expansion of each filter: deflate's is 1032:1; LZW's (12-bit codes, a reset every 4,096) under 1,400:1. */
const RATIO: Record<string, number> = {
  FlateDecode: 1032,
  Fl: 1032,
  LZWDecode: 1400,
  LZW: 1400,
  RunLengthDecode: 128,
  RL: 128,
  ASCIIHexDecode: 1,
  AHx: 1,
  ASCII85Decode: 1,
  A85: 1,
  Crypt: 1,
};
const IMAGE_FILTERS = new Set(['DCTDecode', 'DCT', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode', 'CCF']);

export interface StreamScan {
  /** A stream that decodes to more than MAX_STREAM_BYTES: its object number and (at least) its decoded size. */
  bomb?: { obj: number; bytes: number };
  /** Decoded bytes of each page's content streams (an upper bound where the streams were not inflated), by page object. */
  pageContent: Map<number, number>;
  /**
   * False for a page whose content surely paints no path and no image (no painting operator, no XObject, no annotation):
   * its operator list would give no rules and no image, so it need not be built. Pages not here may draw.
   */
  pageDraws: Map<number, boolean>;
}

interface RawObject {
  dict: string;
  /** Stream data, still encoded. */
  data?: Uint8Array;
}

/** Filters of a stream dictionary, in order (direct names only; an indirect /Filter counts as none). */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return [...(m[1] ?? '').matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1] ?? '');
}

/** Inflates `data` up to `limit` bytes; the decoded length (limit + 1 when larger), or undefined when it is not deflate. */
function inflatedLength(data: Uint8Array, limit: number): { bytes: number; out?: Buffer } | undefined {
  const options = { maxOutputLength: limit + 1, finishFlush: zlib.Z_SYNC_FLUSH };
  try {
    const out = inflateSync(data, options);
    return { bytes: out.length, out };
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return { bytes: limit + 1 };
    // pdf.js ignores a bad checksum or a damaged header; so does this second try, on the raw deflate data after the header.
    try {
      const out = inflateRawSync(data.subarray(2), options);
      return { bytes: out.length, out };
    } catch (e2) {
      if ((e2 as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e2 instanceof RangeError) return { bytes: limit + 1 };
      return undefined;
    }
  }
}

/** Operators that paint a path, an XObject (image or form), an inline image or a shading, as whole tokens. */
const DRAWING_OPERATOR = /(?:^|[\s()<>[\]{}%])(?:S|s|f\*?|F|B\*?|b\*?|Do|BI|sh)(?=[\s()<>[\]{}/%]|$)/;

/** The decoded content of a page stream (deflate or none), or undefined when it cannot be had here. */
function decodedContent(obj: RawObject | undefined): Buffer | undefined {
  if (!obj?.data) return undefined;
  const filters = filtersOf(obj.dict);
  if (filters.length === 0) return Buffer.from(obj.data.buffer, obj.data.byteOffset, obj.data.byteLength);
  if (filters.length !== 1 || (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl')) return undefined;
  if (/\/DecodeParms/.test(obj.dict)) return undefined;
  return inflatedLength(obj.data, MAX_PAGE_DRAWING_BYTES)?.out;
}

/**
 * Decoded size of a stream: exact when it has to be (its bound exceeds `need`) and can be (deflate only), else the bound.
 * Only the deflate stages are undone; the image filters after them do not grow the data beyond /Width × /Height, which
 * pdf.js checks itself (maxImageSize).
 */
function decodedSize(obj: RawObject, need: number, limit: number): number {
  const data = obj.data;
  if (!data) return 0;
  const filters = filtersOf(obj.dict).filter((f) => !IMAGE_FILTERS.has(f));
  const bound = filters.reduce((n, f) => n * (RATIO[f] ?? 1), data.length);
  if (bound <= need) return bound;
  let current: Uint8Array = data;
  for (const f of filters) {
    if (f !== 'FlateDecode' && f !== 'Fl') return bound; // LZW, run-length: not undone here; the bound stands
    const got = inflatedLength(current, limit);
    if (!got) return 0; // not deflate data at all: pdf.js will fail on it too, quickly
    if (!got.out) return got.bytes;
    current = got.out;
  }
  return current.length;
}

const latin1 = (bytes: Uint8Array, from = 0, to = bytes.length) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** The end of the dictionary that opens at `at` ("<<"), or -1. Strings and hex strings are skipped. */
function dictEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length && i < at + 65536; i++) {
    const c = text[i];
    if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    } else if (c === '(') {
      let nest = 1;
      for (i++; i < text.length && nest > 0; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '(') nest++;
        else if (text[i] === ')') nest--;
      }
      i--;
    }
  }
  return -1;
}

/** Every "n g obj" of the file, with its dictionary and, for a stream, its encoded data. */
function rawObjects(bytes: Uint8Array, text: string): Map<number, RawObject> {
  const objects = new Map<number, RawObject>();
  const re = /(\d+)\s+\d+\s+obj\b\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const num = Number(m[1]);
    const start = re.lastIndex;
    if (!text.startsWith('<<', start)) {
      // Not a dictionary (an array or a number): kept as text up to endobj, for /Contents arrays held indirectly.
      const end = text.indexOf('endobj', start);
      objects.set(num, { dict: text.slice(start, end < 0 ? start + 256 : Math.min(end, start + 4096)) });
      continue;
    }
    const end = dictEnd(text, start);
    if (end < 0) continue;
    const dict = text.slice(start, end);
    const after = /^\s*stream\r?\n/.exec(text.slice(end, end + 16));
    if (!after) {
      objects.set(num, { dict });
      continue;
    }
    const dataStart = end + after[0].length;
    let dataEnd = text.indexOf('endstream', dataStart);
    if (dataEnd < 0) dataEnd = text.length;
    objects.set(num, { dict, data: bytes.subarray(dataStart, dataEnd) });
    re.lastIndex = dataEnd;
  }
  return objects;
}

/** Objects packed in object streams (PDF 1.5), as dictionaries without data. */
function packedObjects(objects: Map<number, RawObject>): void {
  for (const obj of [...objects.values()]) {
    if (!obj.data || !/\/Type\s*\/ObjStm/.test(obj.dict)) continue;
    const got = filtersOf(obj.dict).every((f) => f === 'FlateDecode' || f === 'Fl')
      ? inflatedLength(obj.data, 16 * 1024 * 1024)
      : undefined;
    if (!got?.out) continue;
    const body = got.out.toString('latin1');
    const first = Number(/\/First\s+(\d+)/.exec(obj.dict)?.[1] ?? NaN);
    const n = Number(/\/N\s+(\d+)/.exec(obj.dict)?.[1] ?? NaN);
    if (!Number.isFinite(first) || !Number.isFinite(n)) continue;
    const header = body.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < n && 2 * i + 1 < header.length; i++) {
      const num = header[2 * i]!;
      const from = first + header[2 * i + 1]!;
      const to = 2 * i + 3 < header.length ? first + header[2 * i + 3]! : body.length;
      if (!objects.has(num)) objects.set(num, { dict: body.slice(from, to) });
    }
  }
}

/** Object numbers of a page's content streams (a direct array, one reference, or a reference to an array). */
function contentRefs(page: string, objects: Map<number, RawObject>): number[] {
  const m = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(page);
  if (!m) return [];
  const refs = [...(m[1] ?? '').matchAll(/(\d+)\s+\d+\s+R/g)].map((r) => Number(r[1]));
  if (refs.length === 1) {
    const target = objects.get(refs[0]!);
    if (target && !target.data && target.dict.trim().startsWith('['))
      return [...target.dict.matchAll(/(\d+)\s+\d+\s+R/g)].map((r) => Number(r[1]));
  }
  return refs;
}

/**
 * Scans the raw file. Encrypted files are not inflated (their stream data is ciphertext); pdf.js still reads them, with
 * the page limits applied through its own checks only.
 */
export function scanStreams(bytes: Uint8Array): StreamScan {
  const pageContent = new Map<number, number>();
  const pageDraws = new Map<number, boolean>();
  const text = latin1(bytes);
  const objects = rawObjects(bytes, text);
  if (
    /\/Encrypt\s+\d+\s+\d+\s+R/.test(text.slice(Math.max(0, text.length - 4096))) ||
    [...objects.values()].some((o) => /\/Filter\s*\/Standard\b/.test(o.dict))
  )
    return { pageContent, pageDraws };
  packedObjects(objects);
  const sizes = new Map<number, number>();
  const sizeOf = (num: number, need: number): number => {
    const known = sizes.get(num);
    if (known !== undefined && (known <= need || known > MAX_STREAM_BYTES)) return known;
    const obj = objects.get(num);
    const size = obj ? decodedSize(obj, need, MAX_STREAM_BYTES) : 0;
    sizes.set(num, size);
    return size;
  };
  for (const [num, obj] of objects) {
    if (!obj.data) continue;
    const size = sizeOf(num, MAX_STREAM_BYTES);
    if (size > MAX_STREAM_BYTES) return { bomb: { obj: num, bytes: size }, pageContent, pageDraws };
  }
  for (const [num, obj] of objects) {
    if (obj.data || !/\/Type\s*\/Page(?![A-Za-z])/.test(obj.dict)) continue;
    // Page content is small: it is inflated here whole (once), its exact size kept, and its operators looked at.
    const refs = contentRefs(obj.dict, objects);
    const parts = refs.map((ref) => decodedContent(objects.get(ref)));
    const whole = parts.every((p) => p !== undefined);
    const total = whole ? parts.reduce((n, p) => n + (p?.length ?? 0), 0) : refs.reduce((n, ref) => n + sizeOf(ref, 0), 0);
    pageContent.set(num, total);
    if (whole && total <= MAX_PAGE_DRAWING_BYTES && !/\/Annots\b/.test(obj.dict)) {
      // Streams of one page are one content: an operator may straddle two of them, so they are joined with a space.
      pageDraws.set(num, DRAWING_OPERATOR.test(parts.map((p) => p?.toString('latin1') ?? '').join(' ')));
    }
  }
  return { pageContent, pageDraws };
}
