#!/usr/bin/env bash
# Makes the Word fixtures: .docx (bordered and border-less) and .doc from the real Pingtan pages, plus hostile Word files.
# Needs LibreOffice (soffice) and the project's node_modules. Run from the repository root: bash scripts/make-fixtures/word.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
REAL="$ROOT/tests/fixtures/corpus/real"
DOCX="$ROOT/tests/fixtures/generated/docx"
DOC="$ROOT/tests/fixtures/generated/doc"
HOSTILE="$ROOT/tests/fixtures/hostile"
WORK="$(mktemp -d /tmp/word-fixtures-XXXXXX)"
PROFILE="file://$WORK/lo-profile" # private LibreOffice profile: never touches the user's, runs beside another soffice
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DOCX" "$DOC" "$HOSTILE"

soffice_convert() { # <target filter> <out dir> <files…>
  local target="$1" out="$2"
  shift 2
  timeout 180 soffice "-env:UserInstallation=$PROFILE" --headless --norestore --infilter="HTML (StarWriter)" \
    --convert-to "$target" --outdir "$out" "$@" >/dev/null
}

YEARS="${YEARS:-2019 2020 2021 2022 2023 2024 2025}"
for year in $YEARS; do
  name="${year}_fujian_pingtan_zhq"
  npx tsx "$ROOT/scripts/make-fixtures/word-source.ts" "$REAL/$name.html" "$WORK" "$name"
done

# HTML → DOCX (the variant is the part between the truth name and the extension).
soffice_convert 'docx:MS Word 2007 XML' "$WORK" "$WORK"/*.bordered.html "$WORK"/*.borderless.html
cp "$WORK"/*.docx "$DOCX/"

# Bordered DOCX → DOC (Word 97), as offices still send them.
mkdir -p "$WORK/doc"
for f in "$WORK"/*.bordered.docx; do
  base="$(basename "$f" .bordered.docx)"
  cp "$f" "$WORK/doc/$base.docx"
done
timeout 180 soffice "-env:UserInstallation=$PROFILE" --headless --norestore --convert-to 'doc:MS Word 97' --outdir "$WORK/doc" "$WORK"/doc/*.docx >/dev/null
cp "$WORK"/doc/*.doc "$DOC/"

# A Word letter that is not an annual report.
cat >"$WORK/not-a-report.html" <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><title>关于召开季度工作会议的通知</title></head><body>
<p>各科室：</p><p>定于下周三上午九时在三楼会议室召开季度工作会议，请各科室负责人准时参加。</p>
<p>特此通知。</p><p style="text-align:right">办公室</p><p style="text-align:right">2024年5月6日</p></body></html>
EOF
soffice_convert 'docx:MS Word 2007 XML' "$WORK" "$WORK/not-a-report.html"
cp "$WORK/not-a-report.docx" "$HOSTILE/not-a-report.docx"

npx tsx "$ROOT/scripts/make-fixtures/hostile-word.ts" "$DOCX/2024_fujian_pingtan_zhq.bordered.docx" "$HOSTILE"
ls -l "$DOCX" "$DOC" "$HOSTILE"
