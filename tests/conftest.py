"""Shared pytest options, and the rule that a test which renders a PDF or runs LibreOffice is marked slow."""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from speechgen.writers import pdf

_running: list[pytest.Item] = []  # the test whose setup, call or teardown is running in this process
_audit_hook_added = False


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite the golden files under tests/golden from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Return True when the run was asked to rewrite golden files (pytest --update-golden)."""
    return bool(request.config.getoption("--update-golden"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    _running.append(item)
    try:
        return (yield)
    finally:
        _running.pop()


def require_slow_mark(what: str) -> None:
    """Fail the running test unless it carries @pytest.mark.slow (it is about to do `what`)."""
    if _running and _running[-1].get_closest_marker("slow") is None:
        pytest.fail(f"{_running[-1].nodeid} {what}: mark it @pytest.mark.slow", pytrace=False)


def _watch_weasyprint(render: Callable[..., bytes]) -> Callable[..., bytes]:
    @functools.wraps(render)
    def watched(*args: Any, **kwargs: Any) -> bytes:
        require_slow_mark("renders a PDF with WeasyPrint")
        return render(*args, **kwargs)
    return watched


def _is_libreoffice(program: str) -> bool:
    found = shutil.which(program) if os.sep not in program else program
    if found is None:
        return False
    real = os.path.realpath(found)
    return any(office and os.path.realpath(office) == real
               for office in (shutil.which("soffice"), shutil.which("libreoffice")))


def _watch_processes(event: str, args: tuple[Any, ...]) -> None:
    if event != "subprocess.Popen" or not _running:
        return
    executable, argv = args[0], args[1]
    if isinstance(argv, str | bytes | os.PathLike):
        argv = os.fsdecode(argv).split()[:1]
    program = executable or (argv[0] if argv else "")
    if _is_libreoffice(os.fsdecode(program)):
        require_slow_mark("runs LibreOffice")


def pytest_configure(config: pytest.Config) -> None:
    # The private name is the one seam every WeasyPrint render passes; test_package_shape fails
    # when it is renamed, rather than this guard going quietly blind.
    if hasattr(pdf, "_weasyprint_pdf") and not hasattr(pdf._weasyprint_pdf, "__wrapped__"):
        pdf._weasyprint_pdf = _watch_weasyprint(pdf._weasyprint_pdf)
    global _audit_hook_added
    if not _audit_hook_added:  # audit hooks cannot be removed: one per process
        sys.addaudithook(_watch_processes)
        _audit_hook_added = True
