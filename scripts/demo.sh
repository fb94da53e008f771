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
# The same speech in the two other frames (see `speechgen frames`).
for frame in review three_x; do
  $bin/speechgen generate speech "${inputs[@]}" --frame "$frame" --force \
    -o "$out/generated-speech-$frame.md" -o "$out/generated-speech-$frame.docx"
done

# Hand-written 公文 Markdown (docs/dialect.md) laid out as .docx, PDF and plain text.
for source in "$ex"/*.md; do
  name=$(basename "$source" .md)
  $bin/speechgen render "$source" -o "$out/$name.docx" -o "$out/$name.pdf" -o "$out/$name.txt" --force
done
echo "示例输出在 $out/"
