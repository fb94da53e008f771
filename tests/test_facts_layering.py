"""The facts layer imports only model, vocab, errors and rounding from speechgen (STYLE.md layers)."""

import ast
from pathlib import Path

import speechgen.facts

# zh.dates: the calendar rule is_month_end has one home there, below both facts and compose.
ALLOWED = ("speechgen.facts", "speechgen.model", "speechgen.vocab", "speechgen.errors", "speechgen.rounding",
           "speechgen.zh.dates")


def test_facts_imports_only_the_layers_below() -> None:
    package = Path(speechgen.facts.__file__).parent
    offenders = []
    for module in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{module.name}: {n}" for n in names
                          if n.split(".")[0] == "speechgen" and not n.startswith(ALLOWED)]
    assert offenders == []
    assert len(list(package.glob("*.py"))) >= 7
