#!/usr/bin/env bash
# Install the Debian packages speechgen needs for PDF previews and the LibreOffice engine:
# CJK fonts, libharfbuzz-subset0 (without it WeasyPrint subsets CJK fonts in pure Python, ~35×
# slower), poppler-utils (pdftoppm for page images), LibreOffice Writer (optional engine) and
# Chromium (the browser the web page's end-to-end test drives; never a browser Playwright downloads).
# FandolFang, the only free true 仿宋 with full GB2312, ships inside texlive-lang-chinese; we take
# just its OTF files instead of installing TeX Live.
# As root it installs what is missing; otherwise it prints the exact commands and carries on.
set -u

PACKAGES=(fonts-noto-cjk fonts-arphic-ukai fonts-liberation2 libharfbuzz-subset0 poppler-utils chromium)
OPTIONAL=(libreoffice-writer-nogui)
FANDOL_DIR=/usr/local/share/fonts/fandol
ALIAS_SRC="$(dirname "$0")/../src/speechgen/data/fontconfig/65-speechgen-gongwen.conf"
ALIAS_DST=/etc/fonts/conf.d/65-speechgen-gongwen.conf

have_command() { command -v "$1" >/dev/null 2>&1; }
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

if ! have_command dpkg-query; then
    echo "speechgen: 这不是 Debian/Ubuntu 系统，请自行安装中文字体（思源宋体/黑体、楷体）和 HarfBuzz 子集库。" >&2
    exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do is_installed "$pkg" || missing+=("$pkg"); done
if [ "${SPEECHGEN_SKIP_OPTIONAL:-0}" != 1 ]; then
    for pkg in "${OPTIONAL[@]}"; do is_installed "$pkg" || missing+=("$pkg"); done
fi
need_fandol=0
[ -f "$FANDOL_DIR/FandolFang-Regular.otf" ] || need_fandol=1
need_alias=0
cmp -s "$ALIAS_SRC" "$ALIAS_DST" 2>/dev/null || need_alias=1

if [ ${#missing[@]} -eq 0 ] && [ $need_fandol -eq 0 ] && [ $need_alias -eq 0 ]; then
    office="、LibreOffice"; [ "${SPEECHGEN_SKIP_OPTIONAL:-0}" = 1 ] && office=""
    echo "speechgen: 系统组件已齐备（中文字体、Fandol 仿宋/楷体、字体别名、HarfBuzz、poppler、Chromium${office}），无需安装。" >&2
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    echo "speechgen: 缺少系统组件，请以 root 运行以下命令（PDF 预览需要中文字体）：" >&2
    [ ${#missing[@]} -gt 0 ] && echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    if [ $need_fandol -eq 1 ]; then
        echo "  cd /tmp && apt-get download texlive-lang-chinese && sudo mkdir -p $FANDOL_DIR && dpkg-deb --fsys-tarfile texlive-lang-chinese_*.deb | sudo tar -x -C $FANDOL_DIR --strip-components=9 --wildcards '*/fandol/Fandol[FKHS]*.otf' && sudo fc-cache -f" >&2
    fi
    [ $need_alias -eq 1 ] && echo "  sudo cp $ALIAS_SRC $ALIAS_DST && sudo fc-cache -f" >&2
    exit 0
fi

set -e
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
    echo "speechgen: 安装 ${missing[*]}" >&2
    apt-get update -qq || true
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ $need_fandol -eq 1 ]; then
    echo "speechgen: 提取 Fandol 字体（仿宋/楷体）到 $FANDOL_DIR" >&2
    tmp=$(mktemp -d)
    (cd "$tmp" && apt-get download -qq texlive-lang-chinese 2>/dev/null) || true
    deb=$(ls "$tmp"/texlive-lang-chinese_*.deb 2>/dev/null | head -n 1)
    if [ -n "$deb" ]; then
        mkdir -p "$FANDOL_DIR"
        dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$FANDOL_DIR" --strip-components=9 \
            --wildcards '*/fandol/FandolFang-*.otf' '*/fandol/FandolKai-*.otf' \
            '*/fandol/FandolHei-*.otf' '*/fandol/FandolSong-*.otf'
    else
        echo "speechgen: 无法下载 texlive-lang-chinese，PDF 预览将用思源宋体代替仿宋。" >&2
    fi
    rm -rf "$tmp"
fi
if [ $need_alias -eq 1 ] && [ -d /etc/fonts/conf.d ]; then
    cp "$ALIAS_SRC" "$ALIAS_DST"
fi
fc-cache -f >/dev/null 2>&1 || true
