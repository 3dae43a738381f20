#!/usr/bin/env bash
# Regenerates the scanned-report fixtures in tests/fixtures/generated/scan/: real corpus PDFs rendered to grey images
# (150–200 dpi), with noise, a slight skew and a red stamp over part of 表三, wrapped back into image-only PDFs; one
# mixed file (text pages, then scanned pages); and bad scans (blank page, a photo that is no report, a 5000×5000 px
# page, a 200-page scan) in tests/fixtures/hostile/. Needs pdftoppm, pdfunite, img2pdf and ImageMagick 6 (`convert`,
# apt: imagemagick img2pdf poppler-utils). Deterministic: noise is seeded, so the files (and their sha256) are stable
# for one ImageMagick version. After a run, update the sha256 in tests/fixtures/manifest.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FIX="$ROOT/tests/fixtures"
OUT="$FIX/generated/scan"
HOSTILE="$FIX/hostile"
WORK="$(mktemp -d /tmp/make-scan-fixtures.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT" "$HOSTILE"
IM=/usr/bin/convert
[[ -x $IM ]] || IM=convert

# stamp <png> <width> <height>: a red seal (ring, star, arc of text) on a transparent-free white layer.
stamp() {
  local r=$(($2 * 9 / 100))
  local c=$((r + 10))
  "$IM" -size "$((2 * c))x$((2 * c))" xc:white -fill none -stroke '#d42020' -strokewidth $((r / 14 + 2)) \
    -draw "circle $c,$c $c,$((c - r))" -strokewidth 2 -fill '#d42020' \
    -draw "polygon $c,$((c - r / 3)) $((c + r / 10)),$((c - r / 10)) $((c + r / 3)),$((c - r / 10)) $((c + r / 7)),$((c + r / 12)) $((c + r / 5)),$((c + r / 3)) $c,$((c + r / 6)) $((c - r / 5)),$((c + r / 3)) $((c - r / 7)),$((c + r / 12)) $((c - r / 3)),$((c - r / 10)) $((c - r / 10)),$((c - r / 10))" \
    "$1"
}

# page <in.pgm> <out.jpg> <dpi> <skew degrees> <seed> <stamp: yes|no>
page() {
  local w h
  w=$(identify -format '%w' "$1")
  h=$(identify -format '%h' "$1")
  local args=(-seed "$5" "$1" -colorspace sRGB)
  if [[ $6 == yes ]]; then
    stamp "$WORK/stamp.png" "$w" "$h"
    # Ink multiplies: black digits under the seal stay black, the paper turns red.
    args+=("$WORK/stamp.png" -geometry "+$((w * 48 / 100))+$((h * 52 / 100))" -compose multiply -composite -compose over)
  fi
  args+=(-background white -rotate "$4" -gravity center -extent "${w}x${h}" -attenuate 0.35 +noise Gaussian -blur 0x0.4)
  # Pages without the seal stay grey (a third of the size).
  if [[ $6 == yes ]]; then args+=(-type TrueColor); else args+=(-colorspace Gray); fi
  args+=(-density "$3" -units PixelsPerInch -quality 50 -sampling-factor 2x2 "$2")
  "$IM" "${args[@]}"
}

# scan <src.pdf> <out.pdf> <dpi> <skew> <stamp page> [first last]
scan() {
  local src=$1 out=$2 dpi=$3 skew=$4 stamped=$5 first=${6:-1} last=${7:-0}
  rm -f "$WORK"/p-*.pgm "$WORK"/p-*.jpg
  local range=(-f "$first")
  [[ $last -gt 0 ]] && range+=(-l "$last")
  pdftoppm "${range[@]}" -r "$dpi" -gray "$src" "$WORK/p"
  local n=0 f
  for f in "$WORK"/p-*.pgm; do
    n=$((n + 1))
    local no=$((first + n - 1))
    # The skew alternates a little from page to page, as a hand-fed scanner does.
    local s
    s=$(awk -v a="$skew" -v k="$n" 'BEGIN { printf "%.2f", a * (k % 2 ? 1 : 0.7) }')
    page "$f" "${f%.pgm}.jpg" "$dpi" "$s" "$((n * 7 + 1))" "$([[ $no -eq $stamped ]] && echo yes || echo no)"
  done
  img2pdf --creationdate '2025-01-01' --moddate '2025-01-01' -o "$out" "$WORK"/p-*.jpg
  echo "$(basename "$out"): $n pages, $(stat -c %s "$out") bytes"
}

HUAIAN="$FIX/corpus/real/2024_jiangsu_huaian_city.pdf"
GEN="$FIX/generated/pdf"
scan "$HUAIAN" "$OUT/2024_jiangsu_huaian_city.scan.pdf" 200 1.0 4
scan "$GEN/2021_fujian_pingtan_zhq.bordered.pdf" "$OUT/2021_fujian_pingtan_zhq.scan.pdf" 150 -0.9 4
scan "$GEN/2024_fujian_pingtan_zhq.pagebreak.pdf" "$OUT/2024_fujian_pingtan_zhq.pagebreak.scan.pdf" 200 0.8 4
# 2019 format, 表三 broken across pages 9–11: pages 1–12 (the two closing pages after 六 left out for size).
scan "$GEN/2019_fujian_pingtan_zhq.pagebreak.pdf" "$WORK/2019-tables.pdf" 150 -1.1 9 1 12
cp "$WORK/2019-tables.pdf" "$OUT/2019_fujian_pingtan_zhq.pagebreak.scan.pdf"
# A saved web page printed by Chromium (another table style), only its table pages: the 2020 report, whose own 总计
# does not add up and whose 表二 has negative changes ("-18"), at 150 dpi with the seal on 表三.
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$WORK/2020.pdf" \
  "$FIX/corpus/real/2020_fujian_pingtan_zhq.html" 2>/dev/null
scan "$WORK/2020.pdf" "$OUT/2020_fujian_pingtan_zhq.tables.scan.pdf" 150 0.5 10 9 13
# Mixed: the first two pages keep their text layer, the rest are scanned.
scan "$GEN/2024_fujian_pingtan_zhq.bordered.pdf" "$WORK/rest.pdf" 170 0.7 4 3
pdfseparate -f 1 -l 2 "$GEN/2024_fujian_pingtan_zhq.bordered.pdf" "$WORK/text-%d.pdf"
pdfunite "$WORK/text-1.pdf" "$WORK/text-2.pdf" "$WORK/rest.pdf" "$OUT/2024_fujian_pingtan_zhq.mixed.pdf"
echo "2024_fujian_pingtan_zhq.mixed.pdf: $(stat -c %s "$OUT/2024_fujian_pingtan_zhq.mixed.pdf") bytes"

# Bad scans.
"$IM" -size 1240x1754 xc:white -attenuate 0.2 -seed 3 +noise Gaussian -density 150 -units PixelsPerInch -quality 40 "$WORK/blank.jpg"
img2pdf -o "$HOSTILE/scan-blank.pdf" "$WORK/blank.jpg"
# A "photo": smooth gradients and shapes, no text.
"$IM" -size 1200x900 -seed 5 plasma:green-blue -fill '#884422' -draw 'circle 600,450 600,250' -blur 0x3 \
  -density 150 -units PixelsPerInch -quality 45 "$WORK/photo.jpg"
img2pdf -o "$HOSTILE/scan-photo.pdf" "$WORK/photo.jpg"
# 5000×5000 px at 300 dpi (a 42 cm square page), mostly white with one line of dark strokes.
"$IM" -size 5000x5000 xc:white -fill black -draw 'rectangle 400,400 4600,420' -draw 'rectangle 400,4580 4600,4600' \
  -density 300 -units PixelsPerInch -quality 40 "$WORK/huge.jpg"
img2pdf -o "$HOSTILE/scan-huge.pdf" "$WORK/huge.jpg"
# 200 pages, all the same small scanned image (img2pdf embeds it once per page; kept small by a tiny image).
"$IM" -size 310x438 xc:white -fill black -draw 'rectangle 30,50 280,51' -density 37 -units PixelsPerInch -quality 30 "$WORK/thin.jpg"
img2pdf -o "$HOSTILE/scan-200-pages.pdf" $(for _ in $(seq 200); do echo "$WORK/thin.jpg"; done)
ls -la "$OUT" "$HOSTILE"/scan-*.pdf
