// Writes the hostile Word fixtures that need no LibreOffice: not-a-zip, empty, truncated, zip bombs, a fake encrypted OOXML.
// Usage: tsx scripts/make-fixtures/hostile-word.ts <a real .docx to truncate> <out-dir>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';

const [sample, outDir] = process.argv.slice(2);
if (!sample || !outDir) throw new Error('usage: hostile-word.ts <sample.docx> <out-dir>');

interface Part {
  name: string;
  data: Buffer;
  /** Size written into the headers instead of the real one (to declare a huge part). */
  declaredSize?: number;
}

/** A plain zip writer (deflate), enough for crafted archives. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = deflateRawSync(p.data);
    const size = p.declaredSize ?? p.data.length;
    const crc = crc32(p.data);
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(20, 4);
    loc.writeUInt16LE(8, 8);
    loc.writeUInt32LE(crc, 14);
    loc.writeUInt32LE(body.length, 18);
    loc.writeUInt32LE(size, 22);
    loc.writeUInt16LE(name.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    locals.push(loc, name, body);
    centrals.push(cen, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const contentTypes = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>',
);
const docXml = (body: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );

writeFileSync(join(outDir, 'not-a-zip.docx'), 'This is plain text, not a Word document.\n政府信息公开工作年度报告\n');
writeFileSync(join(outDir, 'zero.docx'), Buffer.alloc(0));
const real = readFileSync(sample);
writeFileSync(join(outDir, 'truncated.docx'), real.subarray(0, Math.floor(real.length / 2)));
// Declares a 3 GB document.xml while holding a few bytes.
writeFileSync(
  join(outDir, 'bomb.docx'),
  zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: 'word/document.xml', data: docXml('<w:p/>'), declaredSize: 3_000_000_000 },
  ]),
);
// Honest headers, but 50 MB of repeated markup in 50 kB: a ratio only a crafted file has.
const repeated = docXml('<w:p><w:r><w:t>炸</w:t></w:r></w:p>'.repeat(1_400_000));
writeFileSync(
  join(outDir, 'bomb-ratio.docx'),
  zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: 'word/document.xml', data: repeated },
  ]),
);
// Entity expansion attempt: a DTD with nested entities ("billion laughs"); must not expand.
const laughs =
  '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&e;&e;&e;&e;</w:t></w:r></w:p>' +
  '<w:p><w:r><w:t>实体不展开</w:t></w:r></w:p></w:body></w:document>';
writeFileSync(
  join(outDir, 'entities.docx'),
  zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: 'word/document.xml', data: Buffer.from(laughs) },
  ]),
);
