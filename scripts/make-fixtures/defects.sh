#!/usr/bin/env bash
# Regenerates the defect-injection benchmark (tests/fixtures/defects/): clean and defective copies of real reports as HTML, DOCX, PDF.
# Needs LibreOffice (soffice), pdftotext (poppler-utils) and node_modules. Run from anywhere: bash scripts/make-fixtures/defects.sh
# BASES="2022_fujian_pingtan_zhq …" picks the real reports; VARIANT_FORMATS="html docx pdf txt" adds the variants' PDFs; OUT=dir writes elsewhere.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
npx tsx scripts/make-fixtures/defects.ts
