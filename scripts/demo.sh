#!/usr/bin/env bash
# Produce the example documents from examples/ into the output folder (default out/).
set -euo pipefail
out=${1:-out}
bin=.venv/bin
mkdir -p "$out"
ex=examples
inputs=(--data "$ex/ledger.xlsx" --meeting "$ex/meeting.yaml")
$bin/speechgen facts "${inputs[@]}"

# Drafts generated from the ledger: the 公文 Markdown text (editable), Word and PDF.
for kind in speech bulletin notice; do
  $bin/speechgen generate "$kind" "${inputs[@]}" --force \
    -o "$out/generated-$kind.md" -o "$out/generated-$kind.docx" -o "$out/generated-$kind.pdf"
done
# Against the previous month (examples/ledger-previous.xlsx): 较上月, 新开工, 排名升降, 连续滞后.
$bin/speechgen facts "${inputs[@]}" --previous "$ex/ledger-previous.xlsx"
$bin/speechgen generate bulletin "${inputs[@]}" --previous "$ex/ledger-previous.xlsx" --force \
  -o "$out/generated-bulletin-compared.md" -o "$out/generated-bulletin-compared.docx" \
  -o "$out/generated-bulletin-compared.pdf"
# The same speech in the two other frames (see `speechgen frames`).
for frame in review three_x; do
  $bin/speechgen generate speech "${inputs[@]}" --frame "$frame" --force \
    -o "$out/generated-speech-$frame.md" -o "$out/generated-speech-$frame.docx"
done

# speechgen batch: a 督办通知 per 县区 with something to 督办, a 督办单 per lagging project, zipped,
# and the 县区's own 通报 in one file for printing (each from an odd page, its own page numbers).
$bin/speechgen batch supervision "${inputs[@]}" --per district --number-from 13 --format docx,pdf \
  -o "$out/batch-督办通知" --zip "$out/batch-督办通知.zip" --force
$bin/speechgen batch sheet "${inputs[@]}" --per project --number-from 1 --format docx,pdf \
  -o "$out/batch-督办单" --force
$bin/speechgen batch bulletin "${inputs[@]}" --per district --format pdf -o "$out/batch-各县区通报" \
  --merged "$out/batch-各县区通报-合订本.pdf" --force

# Hand-written 公文 Markdown (docs/dialect.md) laid out as .docx, PDF and plain text.
for source in "$ex"/*.md; do
  name=$(basename "$source" .md)
  $bin/speechgen render "$source" -o "$out/$name.docx" -o "$out/$name.pdf" -o "$out/$name.txt" --force
done
echo "示例输出在 $out/"
