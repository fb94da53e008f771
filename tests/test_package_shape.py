"""The shape of the package and of its tests: small modules, `__init__` files that only re-export,
a command line that starts without the heavy libraries, slow work marked slow, and skips only for
an absent outside tool."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import speechgen
from speechgen import style
from speechgen.writers import pdf

PACKAGE = Path(speechgen.__file__).resolve().parent
TESTS = Path(__file__).resolve().parent
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 400

# Each takes 30–500 ms to import (python -X importtime); starting the command line needs none of them.
HEAVY = ("weasyprint", "pydyf", "fontTools", "docxtpl", "docx", "lxml.etree", "openpyxl", "jinja2",
         "markdown_it", "yaml", "zhconv", "pdfplumber", "pypdf", "fastapi", "starlette", "uvicorn", "pypdfium2")


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


# ── modules ─────────────────────────────────────────────────────────────────────────────────


def test_the_whole_package_is_measured() -> None:
    assert len(MODULES) > 100
    assert {"api", "check", "cli", "compose", "facts", "markup", "sources", "writers", "zh"} <= {
        path.relative_to(PACKAGE).parts[0] for path in MODULES}


def test_every_module_stays_within_400_lines() -> None:
    sizes = {_name(path): len(path.read_text(encoding="utf-8").splitlines()) for path in MODULES}
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}


def test_every_module_has_a_docstring() -> None:
    assert [_name(path) for path in MODULES if not ast.get_docstring(ast.parse(path.read_bytes()))] == []


def init_problems(source: str, package: str) -> list[str]:
    """Return what an __init__.py holds besides its docstring, imports from its own submodules and __all__."""
    tree = ast.parse(source)
    problems: list[str] = []
    imported: set[str] = set()
    exported: set[str] | None = None
    for node in tree.body[1 if ast.get_docstring(tree) else 0:]:
        targets = [t.id for t in node.targets if isinstance(t, ast.Name)] if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith(f"{package}."):
            imported |= {alias.asname or alias.name for alias in node.names}
        elif targets == ["__all__"]:
            exported = set(ast.literal_eval(node.value))
        elif not (targets == ["__version__"] and package == "speechgen"):
            problems.append(f"line {node.lineno}: {ast.unparse(node).splitlines()[0]}")
    if imported and exported != imported:
        problems.append(f"__all__ is not the imported names: {sorted((exported or set()) ^ imported)}")
    return problems


def test_init_files_only_re_export() -> None:
    inits = [path for path in MODULES if path.name == "__init__.py"]
    assert len(inits) >= 10
    found = {_name(path): init_problems(path.read_text(encoding="utf-8"), ".".join(path.parent.relative_to(
        PACKAGE.parent).parts)) for path in inits}
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_the_init_check_names_definitions_and_strays() -> None:
    source = ('"""Doc."""\n\nfrom speechgen.zh.amounts import format_wan\nfrom speechgen.errors import InputError\n'
              'TABLE = (1, 2)\n\n\ndef helper():\n    return TABLE\n\n__all__ = ["format_wan"]\n')
    assert init_problems(source, "speechgen.zh") == [
        "line 4: from speechgen.errors import InputError",
        "line 5: TABLE = (1, 2)",
        "line 8: def helper():",
    ]
    assert init_problems('"""Doc."""\nfrom speechgen.zh.a import b, c\n__all__ = ["b"]\n', "speechgen.zh") == [
        "__all__ is not the imported names: ['c']"]


# ── the command line starts light ───────────────────────────────────────────────────────────

LOADED = "import json, sys; print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))"
EVERY_HELP = """
import json, sys, click
import speechgen.cli
after_import = sorted(m for m in {heavy!r} if m in sys.modules)
main = speechgen.cli.main
commands = main.list_commands(click.Context(main))
for args in (["--help"], ["--version"], *([name, "--help"] for name in commands)):
    try:
        main(args, prog_name="speechgen")
    except SystemExit as done:
        assert not done.code, (args, done.code)
print(json.dumps([after_import, sorted(m for m in {heavy!r} if m in sys.modules), commands]))
"""


def test_importing_the_cli_and_every_help_loads_no_heavy_library() -> None:
    result = subprocess.run([sys.executable, "-c", EVERY_HELP.format(heavy=HEAVY)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    after_import, after_help, commands = json.loads(result.stdout.splitlines()[-1])
    assert {"generate", "render", "check", "outline", "facts"} <= set(commands)
    assert after_import == [] and after_help == []


def test_the_installed_speechgen_help_loads_no_heavy_library() -> None:
    """The console script itself, as a user starts it: every module it imports is logged on stderr."""
    beside_python = Path(sys.executable).with_name("speechgen")
    script = str(beside_python) if beside_python.exists() else shutil.which("speechgen")
    assert script, "the speechgen script is not installed (pip install -e '.[dev]')"
    result = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.stderr
    assert "generate" in result.stdout
    imported = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "speechgen.cli.app" in imported and "click" in imported
    assert sorted(imported & set(HEAVY)) == []


def test_the_probe_sees_a_heavy_import() -> None:
    code = "import docx; " + LOADED.format(heavy=HEAVY)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert "docx" in json.loads(result.stdout)


# ── slow work is marked slow (tests/conftest.py watches it) ─────────────────────────────────


def test_rendering_with_weasyprint_in_an_unmarked_test_fails() -> None:
    assert hasattr(pdf._weasyprint_pdf, "__wrapped__"), "conftest.py no longer watches the WeasyPrint renderer"
    with pytest.raises(pytest.fail.Exception, match=r"renders a PDF with WeasyPrint: mark it @pytest\.mark\.slow"):
        pdf._weasyprint_pdf("<p>正文</p>", style.DEFAULT_FONTS)


def test_running_libreoffice_in_an_unmarked_test_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match=r"runs LibreOffice: mark it @pytest\.mark\.slow"):
        subprocess.run([str(fake), "--version"], check=True)
    with pytest.raises(pytest.fail.Exception, match="runs LibreOffice"):
        subprocess.run(["soffice", "--headless"], check=True)


@pytest.mark.slow
def test_a_marked_test_may_run_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert subprocess.run(["soffice", "--headless"], check=True).returncode == 0


# ── a test skips only when an outside tool is missing, never when the output changed ────────

# What a skip may wait for: programs, fonts and data the repository cannot hold (make test installs
# the Debian ones through scripts/setup-system.sh when run as root, as CI is), or the system itself.
OUTSIDE = ("LibreOffice", "soffice", "fontconfig", "fonts-", "libharfbuzz", "Fandol", "shared/corpus", "POSIX",
           "chromium")
SKIPS = {"skip": 0, "skipif": None}  # the call and the position of its reason (None: reason= only)
FORBIDDEN = {"importorskip": "a development dependency is installed by make test: import it",
             "xfail": "an expected failure hides the day it is fixed or gets worse"}


def _constants(tree: ast.Module) -> dict[str, str]:
    """Return the module's top-level NAME = "text" assignments."""
    return {node.targets[0].id: node.value.value for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)}


def _reason_text(node: ast.expr | None, tree: ast.Module) -> str:
    """Return the reason as written: a literal, an f-string's literal parts, or a named constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.Name):
        known = _constants(tree)
        for imported in (n for n in tree.body if isinstance(n, ast.ImportFrom) and n.level == 0):
            if any(alias.name == node.id for alias in imported.names) and (TESTS / f"{imported.module}.py").exists():
                known |= _constants(ast.parse((TESTS / f"{imported.module}.py").read_bytes()))
        return known.get(node.id, "")
    return ""


def skip_problems(source: str) -> list[str]:
    """Return each skip whose reason names no outside tool, and each importorskip or xfail."""
    tree = ast.parse(source)
    problems: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        call = node.func.attr
        if call in FORBIDDEN:
            problems.append((node.lineno, f"{call}: {FORBIDDEN[call]}"))
        elif call in SKIPS:
            position = SKIPS[call]
            reason = next((k.value for k in node.keywords if k.arg in ("reason", "msg")), None)
            if reason is None and position is not None and len(node.args) > position:
                reason = node.args[position]
            text = _reason_text(reason, tree)
            if not any(tool in text for tool in OUTSIDE):
                problems.append((node.lineno, f"{call}({text!r}) names no missing outside tool"))
    return [f"line {line}: {problem}" for line, problem in sorted(problems)]


def test_tests_skip_only_for_an_absent_outside_tool() -> None:
    files = sorted(TESTS.glob("*.py"))
    assert len(files) > 50
    found = {path.name: skip_problems(path.read_text(encoding="utf-8")) for path in files}
    assert {name: problems for name, problems in found.items() if problems} == {}


def test_the_skip_check_catches_a_skip_on_changed_output() -> None:
    source = '''
import pytest
fitz = pytest.importorskip("fitz")
pytestmark = pytest.mark.skipif(not LEDGER.exists(), reason="examples/ledger.xlsx not present")
REASON = "LibreOffice (soffice) is not installed"

def test_a(text):
    if "亿元" not in text:
        pytest.skip(f"no figure like {pattern} in the running text")
    if shutil.which("soffice") is None:
        pytest.skip(REASON)

@pytest.mark.xfail(reason="known")
def test_b():
    pass
'''
    assert skip_problems(source) == [
        "line 3: importorskip: a development dependency is installed by make test: import it",
        "line 4: skipif('examples/ledger.xlsx not present') names no missing outside tool",
        "line 9: skip('no figure like  in the running text') names no missing outside tool",
        "line 13: xfail: an expected failure hides the day it is fixed or gets worse",
    ]
