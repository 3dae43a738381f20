// Cheap checks on OLE2 compound files: the format itself, password-protected OOXML, and encrypted legacy Word documents.

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE_MAGIC.every((b, i) => bytes[i] === b);
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
