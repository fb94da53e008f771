#!/usr/bin/env bash
# Make the README's pictures from real output: page 1 of each generated kind, as PNG.
set -euo pipefail
bin=.venv/bin
dest=docs/images
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$dest"
for kind in speech bulletin notice; do
  $bin/speechgen generate "$kind" --data examples/ledger.xlsx --meeting examples/meeting.yaml \
    -o "$tmp/$kind.pdf" 2>/dev/null
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$tmp/$kind.pdf" "$dest/$kind"
done
echo "已更新 $dest/speech.png、bulletin.png、notice.png"
