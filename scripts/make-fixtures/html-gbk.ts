// Writes GBK-encoded copies of real report pages (with a gb2312 meta, with no charset at all, and as a quoted-printable .mht).
// Usage: tsx scripts/make-fixtures/html-gbk.ts   (from the repository root)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const root = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');
const real = join(root, 'corpus', 'real');
const out = join(root, 'generated', 'html');
mkdirSync(out, { recursive: true });
const page = (name: string) => readFileSync(join(real, `${name}.html`), 'utf8').replace(/<meta[^>]*charset[^>]*>/gi, '');

// As a GBK site serves it: declared gb2312 (a GBK subset in name only).
const declared = page('2024_fujian_pingtan_zhq').replace(
  /<head>/i,
  '<head>\n<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
);
writeFileSync(join(out, '2024_fujian_pingtan_zhq.gbk.html'), iconv.encode(declared, 'gbk'));
// No declaration at all: only byte statistics can tell.
writeFileSync(join(out, '2025_fujian_pingtan_zhq.nometa.gbk.html'), iconv.encode(page('2025_fujian_pingtan_zhq'), 'gbk'));

/** Quoted-printable with soft line breaks, as IE's "Web Archive, single file" writes it. */
function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  let line = '';
  for (const b of bytes) {
    const piece =
      b === 0x0a
        ? '\n'
        : (b >= 33 && b <= 126 && b !== 61) || b === 32
          ? String.fromCharCode(b)
          : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (piece === '\n') {
      lines.push(line);
      line = '';
      continue;
    }
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\r\n');
}

const mht = [
  'From: <Saved by Windows Internet Explorer 8>',
  'Subject: 2023 report',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000_0000_01DA0000.00000000"',
  '',
  'This is a multi-part message in MIME format.',
  '',
  '------=_NextPart_000_0000_01DA0000.00000000',
  'Content-Type: text/html;\r\n\tcharset="gb2312"',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240308_87885.htm',
  '',
  quotedPrintable(iconv.encode(page('2023_fujian_pingtan_zhq'), 'gbk')),
  '',
  '------=_NextPart_000_0000_01DA0000.00000000',
  'Content-Type: image/png',
  'Content-Transfer-Encoding: base64',
  'Content-Location: https://www.pingtan.gov.cn/images/logo.png',
  '',
  'iVBORw0KGgo=',
  '',
  '------=_NextPart_000_0000_01DA0000.00000000--',
  '',
].join('\r\n');
writeFileSync(join(out, '2023_fujian_pingtan_zhq.gbk.mht'), mht, 'latin1');
