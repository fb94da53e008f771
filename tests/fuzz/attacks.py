"""The resource attacks, full size, each read in its own process for its time and peak memory.

Each must be refused within 10 s and under 1 GB; the inputs just inside a limit ("ledger-ok":
read; "ledger-any": read or refused for another reason) must end as quickly. The inputs are built
in a temporary folder first; only reading them is measured.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from xlsx_parts import HEADER, MAIN, PROJECT, cell, package, row, sheet, whitespace_bomb

SECONDS, MEMORY = 10.0, 2**30
_CSV_HEADER = "项目名称,县区,责任单位,总投资,年度计划投资,完成投资,项目状态\n"
_PROJECT_YAML = "- name: 甲项目\n  district: 东城区\n  owner: 发改局\n  total: 10\n  annual_plan: 5\n  status: 在建\n"
_MEETING = "region: 示例市\nmeeting: 全市重点项目调度会\ndate: 2026-06-05\nas_of: 2026-05-31\n"


def _laughs(levels: int = 9) -> str:
    lines = ['l0: &l0 ["哈哈哈哈哈哈哈哈哈哈"]']
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def _forged_sizes(data: bytes) -> bytes:
    """Return the zip with its sheet's unpacked size declared as 1,000 bytes (the truth is 200 MB)."""
    out = bytearray(data)
    name = b"xl/worksheets/sheet1.xml"
    at = out.find(b"PK\x01\x02")
    while at != -1:
        size = struct.unpack_from("<H", out, at + 28)[0]
        if out[at + 46:at + 46 + size] == name:
            struct.pack_into("<I", out, at + 24, 1000)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def _empty_cells(count: int) -> bytes:
    per_row = 100
    rows = "".join(f'<row r="{n}">' + "".join(f'<c r="{_column(c)}{n}" s="1"/>' for c in range(per_row)) + "</row>"
                   for n in range(3, 3 + count // per_row))
    return package(sheet(extra=rows))


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_laughs() -> bytes:
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    xml = sheet().replace('<?xml version="1.0" encoding="UTF-8"?>',
                          f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [{entities}]>')
    return package(xml.replace("<t>甲项目</t>", "<t>&a9;</t>"))


def _shared_strings(count: int) -> bytes:
    strings = "".join(f"<si><t>字符串{n}</t></si>" for n in range(count))
    rows = row(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'
    return package(sheet(rows), shared=strings)


def _styles(count: int) -> bytes:
    xfs = "".join(f'<xf numFmtId="{n % 200}" fontId="0" fillId="0" borderId="0" xfId="{n}"/>' for n in range(count))
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}"><fonts count="1"><font/></fonts>'
              '<fills count="1"><fill/></fills><borders count="1"><border/></borders>'
              f'<cellXfs count="{count}">{xfs}</cellXfs></styleSheet>')
    return package(sheet(), raw_parts={"xl/styles.xml": styles.encode()})


def _merges(count: int) -> bytes:
    merges = "".join(f'<mergeCell ref="A{n}:IV50000"/>' for n in range(1, count + 1))
    return package(sheet(after=f'<mergeCells count="{count}">{merges}</mergeCells>'))


def _yaml_ledger(projects: int) -> bytes:
    item = ("- name: 示例项目{n}\n  district: 东城区\n  owner: 东城区发展改革局\n  total: 12345.67\n"
            "  annual_plan: 2345.6\n  completed: 1234.5\n  status: 在建\n  problem: 用地手续尚未办结\n")
    return "".join(item.format(n=n) for n in range(projects)).encode()


def _accepted_csv(rows: int) -> bytes:
    body = "".join(f"示例项目{n},东城区,东城区发展改革局,12345.67,2345.6,1234.5,在建\n" for n in range(rows))
    return (_CSV_HEADER + body).encode("utf-8")


# name → (file name, what is read, builder). Each builder writes into the folder and returns the path.
Builder = Callable[[Path], Path]


def _bytes(name: str, make: Callable[[], bytes]) -> Builder:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(make())
        return path

    return build


def _sparse(folder: Path) -> Path:
    path = folder / "台账.csv"
    with path.open("wb") as handle:
        handle.truncate(10 * 2**30)  # 10 GB, sparse: no disk used
    return path


def _device(folder: Path) -> Path:
    path = folder / "台账.csv"
    path.symlink_to("/dev/zero")
    return path


ATTACKS: dict[str, tuple[str, Builder]] = {
    "zip bomb: 2 GB of spaces in a sheet": ("ledger", _bytes("台账.xlsx", lambda: whitespace_bomb(2_000_000_000))),
    "zip bomb: 200 MB sheet declared as 1 KB": ("ledger", _bytes("台账.xlsx", lambda: _forged_sizes(
        whitespace_bomb(200_000_000)))),
    "value in the far cell XFD1048576": ("ledger", _bytes("台账.xlsx", lambda: package(sheet(
        extra='<row r="1048576">' + cell("XFD1048576", "远") + "</row>")))),
    "3,000,000 styled empty cells": ("ledger", _bytes("台账.xlsx", lambda: _empty_cells(3_000_000))),
    "a 50 MB shared-string cell": ("ledger", _bytes("台账.xlsx", lambda: package(
        sheet(row(1, HEADER) + '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'),
        shared="<si><t>" + "长" * 17_000_000 + "</t></si>"))),
    "a 50 MB inline cell": ("ledger", _bytes("台账.xlsx", lambda: package(sheet(
        row(1, HEADER) + row(2, ("长" * 17_000_000, *PROJECT[1:])))))),
    "200,000-digit number in a 15 KB workbook": ("ledger", _bytes("台账.xlsx", lambda: package(sheet(
        row(1, HEADER) + f'<row r="2"><c r="D2"><v>{"9" * 200_000}</v></c></row>')))),
    "1,000,000 shared strings": ("ledger", _bytes("台账.xlsx", lambda: _shared_strings(1_000_000))),
    "300,000 cell formats in styles.xml": ("ledger", _bytes("台账.xlsx", lambda: _styles(300_000))),
    "145,000 cell formats (styles.xml just under 10 MB)": ("ledger-any", _bytes("台账.xlsx", lambda: _styles(145_000))),
    "200,000 shared strings (at the limit)": ("ledger-any", _bytes("台账.xlsx", lambda: _shared_strings(200_000))),
    "10,000 merged ranges down to row 50,000": ("ledger", _bytes("台账.xlsx", lambda: _merges(10_000))),
    "XML entity expansion in a sheet": ("ledger", _bytes("台账.xlsx", _xml_laughs)),
    "1,000,000-row csv": ("ledger", _bytes("台账.csv", lambda: _accepted_csv(1_000_000))),
    "10 GB file named .csv (sparse)": ("ledger", _sparse),
    "endless device named .csv (/dev/zero)": ("ledger", _device),
    "billion laughs, YAML ledger": ("ledger", _bytes("台账.yaml", lambda: _laughs().encode())),
    "billion laughs, meeting file": ("meeting", _bytes("meeting.yaml", lambda: (_MEETING + _laughs()).encode())),
    "JSON nested 1,000,000 deep": ("ledger", _bytes("台账.json", lambda: b"[" * 1_000_000 + b"]" * 1_000_000)),
    "YAML nested 500,000 deep": ("ledger", _bytes("台账.yaml", lambda: b"[" * 500_000 + b"]" * 500_000)),
    "10,000-digit integer, JSON ledger": ("ledger", _bytes("台账.json", lambda: (
        '[{"name": "甲", "district": "东", "owner": "发改局", "status": "在建", "annual_plan": 1, "total": '
        + "9" * 10_000 + "}]").encode())),
    "2 MB YAML of tiny values (at the size limit)": ("ledger", _bytes("台账.yaml", lambda: (
        "[" + "0," * 999_000 + "0]").encode())),
    "dialect: 100,000 nested quotes": ("dialect", _bytes("稿件.md", lambda: ("# 标题\n\n" + ">" * 100_000 + " 正文\n")
                                                       .encode())),
    "dialect: 20 MB of text": ("dialect", _bytes("稿件.md", lambda: ("# 标题\n\n" + "正文。" * 2_300_000 + "\n")
                                                  .encode())),
    "YAML ledger of 5,000 projects (read)": ("ledger-ok", _bytes("台账.yaml", lambda: _yaml_ledger(5_000))),
    "YAML ledger of 9,000 projects (1.7 MB, over the value limit)": ("ledger", _bytes("台账.yaml",
                                                                                    lambda: _yaml_ledger(9_000))),
    "largest accepted ledger: 50,000-row csv (read)": ("ledger-ok", _bytes("台账.csv", lambda: _accepted_csv(49_999))),
}

_CHILD = """
import json, sys, time
from pathlib import Path
kind, path = sys.argv[1], Path(sys.argv[2])
from speechgen.errors import SpeechgenError
from speechgen.sources import read_ledger, read_meeting
from speechgen.markup import decode_markup, parse_markup
began = time.perf_counter()
try:
    if kind.startswith("ledger"):
        read_ledger(path)
    elif kind == "meeting":
        read_meeting(path)
    else:
        parse_markup(decode_markup(path.read_bytes(), path.name), path.name)
    outcome, message = "ok", ""
except SpeechgenError as error:
    outcome, message = "refused", error.messages()[0]
except Exception as error:
    outcome, message = "crash", f"{type(error).__name__}: {error}"[:300]
seconds = time.perf_counter() - began
peak = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"outcome": outcome, "message": message, "seconds": seconds, "rss": peak}))
"""


def run_attack(name: str) -> dict:
    """Build one attack, read it in a child process; return its outcome, time, peak RSS, verdict."""
    kind, build = ATTACKS[name]
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder))
        size = _size(path)
        began = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", _CHILD, kind, str(path)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - began
        out, err = child.stdout.read().decode(), child.stderr.read().decode()  # type: ignore[union-attr]
    try:
        result = json.loads(out.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        result = {"outcome": f"died (status {status})", "message": err[-300:], "seconds": wall}
    # The child's own peak (VmHWM): ru_maxrss would carry over the parent's size from before exec.
    rss = result.get("rss", usage.ru_maxrss * 1024)
    wanted = {"ledger-ok": ("ok",), "ledger-any": ("ok", "refused")}.get(kind, ("refused",))
    passed = result["outcome"] in wanted and result["seconds"] < SECONDS and rss < MEMORY
    return {"name": name, "size": size, "outcome": result["outcome"], "message": result["message"],
            "seconds": result["seconds"], "wall": wall, "rss": rss, "passed": passed}


def _size(path: Path) -> str:
    if path.is_symlink():
        return "device"
    count = path.stat().st_size
    return f"{count / 2**20:.1f} MB" if count >= 2**20 else f"{count / 1024:.0f} KB"


def run_attacks() -> list[dict]:
    """Return the result of every attack, in order."""
    return [run_attack(name) for name in ATTACKS]

