// Test support: a one-entry zip whose headers declare any uncompressed size (to fake lying archives).
import { crc32 } from 'node:zlib';

export function zipOne(name: string, deflated: Buffer, declaredSize: number): Uint8Array {
  const n = Buffer.from(name);
  const loc = Buffer.alloc(30);
  loc.writeUInt32LE(0x04034b50, 0);
  loc.writeUInt16LE(20, 4);
  loc.writeUInt16LE(8, 8);
  loc.writeUInt32LE(crc32(Buffer.alloc(0)), 14);
  loc.writeUInt32LE(deflated.length, 18);
  loc.writeUInt32LE(declaredSize, 22);
  loc.writeUInt16LE(n.length, 26);
  const cen = Buffer.alloc(46);
  cen.writeUInt32LE(0x02014b50, 0);
  cen.writeUInt16LE(8, 10);
  cen.writeUInt32LE(deflated.length, 20);
  cen.writeUInt32LE(declaredSize, 24);
  cen.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + deflated.length, 16);
  return new Uint8Array(Buffer.concat([loc, n, deflated, cen, n, end]));
}
