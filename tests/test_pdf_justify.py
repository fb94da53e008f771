"""The inter-character justification adapter finds WeasyPrint's hook and installs once."""

from __future__ import annotations

from speechgen.writers import justify


def test_adapter_installs_on_this_weasyprint() -> None:
    from weasyprint.layout import inline

    assert justify.install() is True
    patched = inline.justify_line
    assert getattr(patched, "speechgen", False)
    assert justify.install() is True
    assert inline.justify_line is patched  # not wrapped twice
