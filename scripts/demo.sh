#!/usr/bin/env bash
# Produce the example documents from examples/ into the output folder (default out/).
set -euo pipefail
out=${1:-out}
bin=.venv/bin
mkdir -p "$out"
ex=examples
$bin/speechgen facts --data "$ex/ledger.xlsx" --meeting "$ex/meeting.yaml"
# Hand-written 公文 Markdown (docs/dialect.md) laid out as .docx, PDF and plain text.
$bin/speechgen render "$ex/speech.md" -o "$out/speech.docx" -o "$out/speech.pdf" -o "$out/speech.txt" --force
$bin/speechgen render "$ex/notice.md" -o "$out/notice.docx" -o "$out/notice.pdf" -o "$out/notice.txt" --force
echo "示例输出在 $out/"
