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

# speechgen batch: a 督办通知 to the 县区 furthest behind, and the first project's 督办单.
$bin/speechgen batch supervision --data examples/ledger.xlsx --meeting examples/meeting.yaml --per district \
  --number-from 13 --format pdf -o "$tmp/supervision" >/dev/null 2>&1
$bin/speechgen batch sheet --data examples/ledger.xlsx --meeting examples/meeting.yaml --per project \
  --number-from 1 --format pdf -o "$tmp/sheet" >/dev/null 2>&1
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$(ls "$tmp"/supervision/*青河县*.pdf)" "$dest/supervision"
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$(ls "$tmp"/sheet/001_*.pdf)" "$dest/sheet"
echo "已更新 $dest/supervision.png、sheet.png"

# docs/docx-templates.md: the example Word template itself, and a notice filled into it, both
# page 1 as LibreOffice lays them out (the PDF path a user's template takes).
template=templates/docx/红头模板.docx
$bin/speechgen generate notice --data examples/ledger.xlsx --meeting examples/meeting.yaml \
  --docx-template "$template" -o "$tmp/filled.docx" 2>/dev/null
cp "$template" "$tmp/template.docx"
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf --outdir "$tmp" \
  "$tmp/template.docx" "$tmp/filled.docx" >/dev/null 2>&1
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$tmp/template.pdf" "$dest/docx-template"
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$tmp/filled.pdf" "$dest/docx-template-filled"
echo "已更新 $dest/docx-template.png、docx-template-filled.png"

# The web page, as the end-to-end test in Debian's chromium sees it (needs /usr/bin/chromium).
if [ -x /usr/bin/chromium ]; then
  SPEECHGEN_SCREENSHOTS="$tmp/web" $bin/python -m pytest -q -p no:randomly tests/test_web_browser.py -k secretary >/dev/null
  for shot in web-facts web-preview web-batch; do  # 128 colours: a third of the size, the text as sharp
    $bin/python -c "import sys; from PIL import Image; Image.open(sys.argv[1]).convert('RGB').quantize(128).save(sys.argv[2], optimize=True)" \
      "$tmp/web/$shot.png" "$dest/$shot.png"
  done
  echo "已更新 $dest/web-facts.png、web-preview.png、web-batch.png"
else
  echo "没有 /usr/bin/chromium，网页截图未更新（以 root 运行 make test 会安装它）" >&2
fi
