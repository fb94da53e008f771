#!/usr/bin/env bash
# Produce the example documents from examples/ into the output folder (default out/).
set -euo pipefail
out=${1:-out}
bin=.venv/bin
mkdir -p "$out"
ex=examples
$bin/speechgen facts --data "$ex/ledger.xlsx" --meeting "$ex/meeting.yaml"
echo "示例输出在 $out/"
