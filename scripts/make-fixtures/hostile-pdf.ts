// Writes the hostile PDF and OLE2 fixtures that need no other tool: a page flooded with path operators, flate bombs (a
// content stream and an image), and an OLE2 signature followed by random bytes.
// Usage: tsx scripts/make-fixtures/hostile-pdf.ts [out-dir]   (default tests/fixtures/hostile)
import { createDeflate, deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'hostile');

/** One indirect object: a dictionary, optionally with stream data (already encoded). */
interface Obj {
  dict: string;
  stream?: Buffer;
}

/** A minimal PDF writer: objects numbered from 1 in order, a classic xref table, object 1 the catalog. */
function pdf(objects: Obj[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const head = o.stream ? `${i + 1} 0 obj\n<< ${o.dict} /Length ${o.stream.length} >>\nstream\n` : `${i + 1} 0 obj\n<< ${o.dict} >>\n`;
    const chunk = [Buffer.from(head, 'latin1'), ...(o.stream ? [o.stream, Buffer.from('\nendstream\n')] : []), Buffer.from('endobj\n')];
    for (const c of chunk) offset += c.length;
    parts.push(...chunk);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)];
  parts.push(
    Buffer.from(`${xref.join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(parts);
}

/** Deflates `total` bytes of one repeated chunk without holding them all in memory. */
async function deflateRepeated(chunk: Buffer, total: number, passes = 1): Promise<Buffer> {
  const out: Buffer[] = [];
  const z = createDeflate({ level: 9, memLevel: 9 });
  z.on('data', (d: Buffer) => out.push(d));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  for (let written = 0; written < total; written += chunk.length) {
    if (!z.write(chunk.subarray(0, Math.min(chunk.length, total - written)))) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  let data = Buffer.concat(out);
  for (let p = 1; p < passes; p++) data = deflateSync(data, { level: 9 });
  return data;
}

/** Text in Helvetica (no Chinese: the standard fonts have none, and these files are not reports anyway). */
const textContent = (line: string) => Buffer.from(`BT /F1 14 Tf 72 760 Td (${line}) Tj ET\n`, 'latin1');
const font: Obj = { dict: '/Type /Font /Subtype /Type1 /BaseFont /Helvetica' };

/** A catalog and page tree over the given page objects (numbered from 3), then the font and the rest. */
function document(pages: { contents: string; resources?: string }[], rest: Obj[]): Buffer {
  const fontNum = 3 + pages.length;
  const kids = pages.map((_, i) => `${3 + i} 0 R`).join(' ');
  return pdf([
    { dict: '/Type /Catalog /Pages 2 0 R' },
    { dict: `/Type /Pages /Kids [${kids}] /Count ${pages.length}` },
    ...pages.map((p) => ({
      dict: `/Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${p.contents} /Resources << /Font << /F1 ${fontNum} 0 R >> ${p.resources ?? ''} >>`,
    })),
    font,
    ...rest,
  ]);
}

const MiB = 1024 * 1024;

// A block of short axis-parallel rules, stroked and filled one by one (1,200 a block; under deflate's 32 KiB window, so
// the repeats cost next to nothing on disk).
function pathBlock(): Buffer {
  const lines: string[] = [];
  for (let i = 0; i < 300; i++) {
    const y = 40 + (i % 700);
    const x = 40 + ((i * 37) % 500);
    lines.push(`${x} ${y} m ${x + 20} ${y} l S ${x} ${y} m ${x} ${y + 12} l S ${x} ${y} 9 0.5 re f ${x} ${y} 0.5 9 re f`);
  }
  return Buffer.from(lines.join('\n') + '\n', 'latin1');
}

async function main(): Promise<void> {
  // 1. Page 2's content inflates to 48 MiB of path operators (about 3 million painted paths); pages 1 and 3 are plain.
  const block = pathBlock();
  const floodMiB = Number(process.env.FLOOD_MIB ?? 48);
  const flood = await deflateRepeated(block, Math.floor((floodMiB * MiB) / block.length) * block.length);
  writeFileSync(
    join(outDir, 'path-flood.pdf'),
    document(
      [{ contents: '7 0 R' }, { contents: '8 0 R' }, { contents: '9 0 R' }],
      [
        { dict: '/Filter /FlateDecode', stream: deflateSync(textContent('Page one: plain text before the flood.')) },
        { dict: '/Filter /FlateDecode', stream: flood },
        { dict: '/Filter /FlateDecode', stream: deflateSync(textContent('Page three: plain text after the flood.')) },
      ],
    ),
  );

  // 2. A content stream that inflates to 1 GiB of zero bytes (PDF white space) in about 1 MB on disk.
  const zeros = Buffer.alloc(MiB);
  const bomb = await deflateRepeated(zeros, 1024 * MiB);
  writeFileSync(
    join(outDir, 'flate-bomb.pdf'),
    document(
      [{ contents: '[5 0 R 6 0 R]' }],
      [
        { dict: '/Filter /FlateDecode', stream: deflateSync(textContent('A flate bomb follows.')) },
        { dict: '/Filter /FlateDecode', stream: bomb },
      ],
    ),
  );

  // 3. An image of 32768 x 32768 grey pixels (1 GiB) deflated twice: a few kilobytes on disk.
  const twice = await deflateRepeated(zeros, 1024 * MiB, 2);
  writeFileSync(
    join(outDir, 'image-bomb.pdf'),
    document(
      [{ contents: '5 0 R', resources: '/XObject << /Im1 6 0 R >>' }],
      [
        {
          dict: '/Filter /FlateDecode',
          stream: deflateSync(Buffer.from('BT /F1 14 Tf 72 760 Td (An image bomb.) Tj ET\nq 500 0 0 500 40 100 cm /Im1 Do Q\n')),
        },
        {
          dict: '/Type /XObject /Subtype /Image /Width 32768 /Height 32768 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter [/FlateDecode /FlateDecode]',
          stream: twice,
        },
      ],
    ),
  );

  // 4. The OLE2 signature, then 64 KiB of random bytes (a fixed seed: the file is reproducible).
  let seed = 0x5eed;
  const noise = Buffer.alloc(64 * 1024);
  for (let i = 0; i < noise.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    noise[i] = seed >>> 24;
  }
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(noise, 0);
  writeFileSync(join(outDir, 'ole-random.doc'), noise);
}

await main();
