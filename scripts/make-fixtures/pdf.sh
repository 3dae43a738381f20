#!/usr/bin/env bash
# Regenerates the PDF fixtures: LibreOffice renderings of real HTML reports (bordered, borderless, 表三 broken across
# a page) in tests/fixtures/generated/pdf/, and hostile PDFs (scan-only, truncated, encrypted, image, empty) in
# tests/fixtures/hostile/. Needs soffice, pdftotext, pdftoppm and node; qpdf for the encrypted file (skipped without it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REAL="$ROOT/tests/fixtures/corpus/real"
OUT="$ROOT/tests/fixtures/generated/pdf"
HOSTILE="$ROOT/tests/fixtures/hostile"
WORK="$(mktemp -d /tmp/make-pdf-fixtures.XXXXXX)"
PROFILE="file://$WORK/lo-profile"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$HOSTILE"

DOCS=(2024_fujian_pingtan_zhq 2021_fujian_pingtan_zhq 2019_fujian_pingtan_zhq)
# The 表三 heading, the first data row and the last row: where they land tells where the table broke.
HEADING='三、收到和处理'
FIRST_ROW='本年新收'
LAST_ROW='（七）总计'

# html-variant <in.html> <out.html> <bordered|borderless|pagebreak> [blank paragraphs]
html_variant() {
  node - "$@" <<'JS'
const fs = require('node:fs');
const [src, dst, variant, blanksArg] = process.argv.slice(2);
let html = fs.readFileSync(src, 'utf8');
// Nothing active or remote: scripts, frames, embedded objects and images (LibreOffice must not try to fetch them).
html = html.replace(/<(script|iframe|object|noscript|video|audio)\b[\s\S]*?<\/\1\s*>/gi, '');
html = html.replace(/<(img|embed|link|iframe)\b[^>]*>/gi, '');
if (variant === 'borderless') {
  html = html.replace(/\sborder\s*=\s*("[^"]*"|'[^']*'|\d+)/gi, ' border="0"');
  html = html.replace(/(style\s*=\s*")([^"]*)"/gi, (_, open, body) => open + body.replace(/(^|;)\s*(mso-)?border[-a-z]*\s*:[^;]*/gi, '$1') + '"');
  html = html.replace(/(style\s*=\s*')([^']*)'/gi, (_, open, body) => open + body.replace(/(^|;)\s*(mso-)?border[-a-z]*\s*:[^;]*/gi, '$1') + "'");
  const css = '<style>table,tr,td,th{border:none!important}</style>';
  html = /<\/head>/i.test(html) ? html.replace(/<\/head>/i, css + '</head>') : css + html;
}
if (variant === 'pagebreak') {
  // The heading is the last mention of 表三's title before its first row (the preamble mentions it too).
  const at = html.lastIndexOf('收到和处理', html.indexOf('本年新收'));
  if (at < 0) throw new Error('no 表三 heading in ' + src);
  const before = html.slice(0, at);
  const block = Math.max(before.lastIndexOf('<p'), before.lastIndexOf('<P'), before.lastIndexOf('<div'), before.lastIndexOf('<h'));
  const blanks = '<p>&nbsp;</p>'.repeat(Number(blanksArg || 0));
  html = html.slice(0, block) + '<p style="page-break-before:always">&nbsp;</p>' + blanks + html.slice(block);
}
fs.writeFileSync(dst, html);
JS
}

to_pdf() { # <in.html> <out-dir>
  timeout 180 soffice "-env:UserInstallation=$PROFILE" --headless --convert-to pdf --outdir "$2" "$1" >/dev/null 2>&1
}

# Page (1-based) on which a string first appears, 0 when absent.
page_of() { # <pdf> <string>
  local pages n
  pages=$(pdfinfo "$1" | awk '/^Pages:/{print $2}')
  for ((n = 1; n <= pages; n++)); do
    if pdftotext -f "$n" -l "$n" "$1" - 2>/dev/null | tr -d ' ' | grep -qF "$2"; then echo "$n"; return; fi
  done
  echo 0
}

# True when a string appears in the upper 55 % of a page (pdftotext crops in points at 72 dpi).
in_upper_part() { # <pdf> <page> <string>
  local height
  height=$(pdfinfo -f "$2" -l "$2" "$1" | awk '/^Page.*size:/{print int($6); exit}')
  pdftotext -f "$2" -l "$2" -x 0 -y 0 -W 2000 -H $((height * 55 / 100)) "$1" - 2>/dev/null | tr -d ' ' | grep -qF "$3"
}

for name in "${DOCS[@]}"; do
  for variant in bordered borderless; do
    html_variant "$REAL/$name.html" "$WORK/$name.$variant.html" "$variant"
    to_pdf "$WORK/$name.$variant.html" "$WORK"
    cp "$WORK/$name.$variant.pdf" "$OUT/$name.$variant.pdf"
  done
  # Push 表三 down a fresh page, two blank paragraphs at a time, until its heading sits in the lower part of the page
  # while its first data row still fits there: the table then starts near the page bottom and breaks after a few rows.
  found=''
  for ((blanks = 0; blanks <= 80; blanks += 2)); do
    html_variant "$REAL/$name.html" "$WORK/$name.pagebreak.html" pagebreak "$blanks"
    to_pdf "$WORK/$name.pagebreak.html" "$WORK"
    pdf="$WORK/$name.pagebreak.pdf"
    h=$(page_of "$pdf" "$HEADING"); f=$(page_of "$pdf" "$FIRST_ROW"); l=$(page_of "$pdf" "$LAST_ROW")
    if [[ $h -gt 0 && $h -eq $f && $l -gt $f ]] && ! in_upper_part "$pdf" "$h" "$HEADING"; then found=$blanks; break; fi
  done
  cp "$pdf" "$OUT/$name.pagebreak.pdf"
  echo "$name: bordered, borderless, pagebreak ($found blank paragraphs)"
done

# Hostile files.
HUAIAN="$REAL/2024_jiangsu_huaian_city.pdf"
size=$(stat -c %s "$HUAIAN")
head -c $((size / 2)) "$HUAIAN" >"$HOSTILE/truncated.pdf"
: >"$HOSTILE/zero.pdf"
pdftoppm -f 1 -l 1 -r 40 -png "$HUAIAN" "$WORK/page"
cp "$WORK"/page*.png "$HOSTILE/image-renamed.pdf"
# A scan: page 3 of the real report as a greyscale JPEG, wrapped in a one-page PDF with no text at all.
pdftoppm -f 3 -l 3 -r 60 -gray -jpeg -jpegopt quality=60 "$HUAIAN" "$WORK/scan"
node - "$(ls "$WORK"/scan*.jpg | head -1)" "$HOSTILE/scan-only.pdf" <<'JS'
const fs = require('node:fs');
const [jpgPath, out] = process.argv.slice(2);
const jpg = fs.readFileSync(jpgPath);
// JPEG SOF0/SOF2 marker holds the pixel size.
let i = 2, w = 0, h = 0;
while (i < jpg.length) {
  const marker = jpg[i + 1];
  const len = jpg.readUInt16BE(i + 2);
  if (marker >= 0xc0 && marker <= 0xc2) { h = jpg.readUInt16BE(i + 5); w = jpg.readUInt16BE(i + 7); break; }
  i += 2 + len;
}
const content = 'q 595 0 0 842 0 0 cm /Im0 Do Q';
const objs = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
  null,
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
];
const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
const offsets = [];
let pos = parts[0].length;
objs.forEach((body, k) => {
  offsets.push(pos);
  let buf;
  if (body === null) {
    const head = `${k + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpg.length} >>\nstream\n`;
    buf = Buffer.concat([Buffer.from(head, 'latin1'), jpg, Buffer.from('\nendstream\nendobj\n', 'latin1')]);
  } else buf = Buffer.from(`${k + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
  parts.push(buf);
  pos += buf.length;
});
const xref = ['xref', `0 ${objs.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`, 'latin1'));
fs.writeFileSync(out, Buffer.concat(parts));
JS
if command -v qpdf >/dev/null; then
  qpdf --encrypt user-secret owner-secret 256 -- "$HUAIAN" "$HOSTILE/encrypted.pdf"
else
  echo "qpdf not installed: encrypted.pdf not regenerated" >&2
fi
echo "hostile: truncated.pdf zero.pdf image-renamed.pdf scan-only.pdf encrypted.pdf"
