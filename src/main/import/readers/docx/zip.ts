// Minimal, bounded ZIP reader for OOXML: reads the central directory, refuses bombs by declared sizes, inflates with a hard cap.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why a zip was refused; the reader maps these to problems. */
export class ZipError extends Error {
  constructor(
    readonly reason: 'not-zip' | 'truncated' | 'too-large' | 'bomb' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

export const MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024;
/** XML compresses 10–50×; a higher ratio on the main part means a crafted file. */
export const MAX_RATIO = 100;
const MAX_ENTRIES = 10_000;

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  return -1;
}

/** Lists the entries from the central directory; throws ZipError for anything malformed or oversized. */
export function listZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOC_SIG) throw new ZipError('not-zip', 'not a zip archive');
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipError('truncated', 'zip end record missing (truncated file?)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count > MAX_ENTRIES) throw new ZipError('too-large', `zip lists ${count} entries`);
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) throw new ZipError('truncated', 'zip central directory damaged');
    const nameLen = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    // ZIP64 markers: no real Word document needs sizes past 4 GB.
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw new ZipError('too-large', `${entry.name}: ZIP64 sizes`);
    total += entry.uncompressedSize;
    if (total > MAX_TOTAL_UNCOMPRESSED) throw new ZipError('too-large', `zip declares over ${MAX_TOTAL_UNCOMPRESSED} bytes uncompressed`);
    entries.set(entry.name, entry);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates one entry; output is capped at its declared size, so a lying header cannot blow memory up. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.flags & 1) throw new ZipError('encrypted', `${entry.name} is encrypted`);
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOC_SIG) throw new ZipError('truncated', `${entry.name}: local header missing`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError('truncated', `${entry.name}: data cut short`);
  const data = buf.subarray(start, end);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) throw new ZipError('unsupported', `${entry.name}: compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError)
      throw new ZipError('bomb', `${entry.name}: inflates past its declared size`);
    throw new ZipError('truncated', `${entry.name}: ${(err as Error).message}`);
  }
}

/** Refuses an entry whose compression ratio only a crafted file reaches. */
export function checkRatio(entry: ZipEntry): void {
  if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)) {
    throw new ZipError('bomb', `${entry.name}: compression ratio over ${MAX_RATIO}`);
  }
}
