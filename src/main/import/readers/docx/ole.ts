// Cheap checks on OLE2 compound files: the format itself, password-protected OOXML, and encrypted legacy Word documents.

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Why an OLE2 file cannot be a Word document, or undefined when it can: the header's fixed fields (byte order, version,
 * sector sizes) must hold, the directory must name a "WordDocument" stream, and a sector must open with Word's FIB. A file that only starts with the OLE2
 * signature (random bytes after it, or another program's compound file) is refused instead of read as an empty .doc.
 */
export function notWordOle(bytes: Uint8Array): 'header' | 'no-word-stream' | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = buf.readUInt16LE(26);
  const sectorShift = buf.readUInt16LE(30);
  const headerOk =
    buf.readUInt16LE(28) === 0xfffe &&
    ((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12)) &&
    buf.readUInt16LE(32) === 6;
  if (!headerOk) return 'header';
  if (buf.indexOf(Buffer.from('WordDocument', 'utf16le')) < 0) return 'no-word-stream';
  // The WordDocument stream opens with the FIB (wIdent 0xA5EC) at a sector boundary.
  const sectorSize = 1 << sectorShift;
  for (let at = sectorSize; at + 4 <= buf.length; at += sectorSize) if (buf.readUInt16LE(at) === 0xa5ec) return undefined;
  return 'no-word-stream';
}

/**
 * A password-protected .docx is an OLE2 file holding "EncryptionInfo" and "EncryptedPackage" streams; their names
 * sit in the directory as UTF-16LE, so a byte search finds them without parsing the compound file.
 */
export function isEncryptedOoxml(bytes: Uint8Array): boolean {
  if (!isOle2(bytes)) return false;
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/**
 * Legacy Word: the WordDocument stream starts with the FIB (magic 0xA5EC) at a sector boundary; its flags word has
 * fEncrypted (0x0100). Scans sector starts rather than parsing the compound file's allocation tables.
 */
export function isEncryptedLegacyWord(bytes: Uint8Array): boolean {
  if (!isOle2(bytes)) return false;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorSize = 1 << buf.readUInt16LE(30);
  if (sectorSize !== 512 && sectorSize !== 4096) return false;
  for (let at = sectorSize; at + 12 <= buf.length; at += sectorSize) {
    // wIdent 0xA5EC, then nFib of a Word 97+ file (0xC1 and up).
    if (buf.readUInt16LE(at) === 0xa5ec && buf.readUInt16LE(at + 2) >= 0xc1) return (buf.readUInt16LE(at + 0xa) & 0x0100) !== 0;
  }
  return false;
}
