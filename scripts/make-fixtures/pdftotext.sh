#!/usr/bin/env bash
# Text extractions of PDF fixtures made with poppler's pdftotext (-layout and -raw), as a "text from pdftotext" input.
# Only variants whose tables survive the extraction in reading order are kept as accuracy fixtures.
set -euo pipefail
cd "$(dirname "$0")/../../tests/fixtures"
out=generated/txt
mkdir -p "$out"
for pdf in corpus/real/2024_jiangsu_huaian_city.pdf generated/pdf/2024_fujian_pingtan_zhq.bordered.pdf generated/pdf/2021_fujian_pingtan_zhq.borderless.pdf; do
  name=$(basename "$pdf" .pdf)
  pdftotext -layout "$pdf" "$out/$name.layout.txt"
  pdftotext -raw "$pdf" "$out/$name.raw.txt"
done

# Degraded inputs: plain pdftotext (column order scrambled) and a 2019 layout with floating value lines. The parser
# reads them only partly; tests/integration/degraded-text.test.ts checks it never gives a wrong confident number.
mkdir -p degraded
pdftotext corpus/real/2024_jiangsu_huaian_city.pdf degraded/2024_jiangsu_huaian_city.plain.txt
pdftotext generated/pdf/2021_fujian_pingtan_zhq.bordered.pdf degraded/2021_fujian_pingtan_zhq.bordered.plain.txt
pdftotext generated/pdf/2019_fujian_pingtan_zhq.bordered.pdf degraded/2019_fujian_pingtan_zhq.bordered.plain.txt
pdftotext generated/pdf/2024_fujian_pingtan_zhq.borderless.pdf degraded/2024_fujian_pingtan_zhq.borderless.plain.txt
pdftotext -layout generated/pdf/2019_fujian_pingtan_zhq.bordered.pdf degraded/2019_fujian_pingtan_zhq.bordered.layout.txt
