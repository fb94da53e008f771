"""The named rule chain of `speechgen check`: every rule has a name, a group and a summary; rules
are switched off by name (`--ignore`), an unknown name is a Chinese input error listing the
names, and `--list-rules`, `--help` and docs/check.md list every rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from speechgen import api
from speechgen.check import RULES, Finding, Rule, RuleChain, check_source, read_bytes
from speechgen.check.draft import Draft
from speechgen.cli import main
from speechgen.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
# One placeholder, one doubled mark, one numbering gap, one padded date.
DIRTY = "\n".join([
    "关于全市重点项目建设情况的通报",
    "一、总体情况",
    "全市XX个重点项目推进有力，，成效明显。",
    "三、下步工作",
    "请各地抓好整改。",
    "2026年06月05日",
])


def _source(text: str = DIRTY):
    return read_bytes(text.encode("utf-8"), "稿.txt", "txt")


def _rules(report) -> list[str]:
    return [f.rule for f in report.findings]


def test_every_rule_has_a_name_a_group_and_a_one_line_summary() -> None:
    assert len(RULES.names()) == len(set(RULES.names())) >= 24
    for rule in RULES.rules:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name), rule.name
        assert re.search(r"[\u4e00-\u9fff]", rule.summary) and "\n" not in rule.summary, rule.name
        assert re.search(r"[\u4e00-\u9fff]", rule.group), rule.name


def test_a_name_registered_twice_is_refused() -> None:
    rule = RULES.rules[0]
    with pytest.raises(ValueError, match=rule.name):
        RuleChain((rule, rule))


def test_ignoring_a_rule_drops_its_findings_and_only_those() -> None:
    everything = check_source(_source())
    found = _rules(everything)
    assert {"placeholder", "punct-doubled", "numbering-gap", "date-padding"} <= set(found), everything.render()
    for name in dict.fromkeys(found):
        report = check_source(_source(), rules=RULES.without([name]))
        assert report.findings == tuple(f for f in everything.findings if f.rule != name)
        assert report.ignored == (name,)


def test_ignoring_every_rule_that_fires_passes_and_says_what_was_not_checked() -> None:
    names = sorted(set(_rules(check_source(_source()))))
    report = check_source(_source(), rules=RULES.without(names))
    assert report.findings == () and report.exit_code == 0
    assert report.render().splitlines() == ["稿.txt：未发现问题。", f"未检查的规则：{'、'.join(report.ignored)}。"]
    assert list(report.ignored) == [n for n in RULES.names() if n in names]  # in chain order


def test_names_are_read_as_typed_and_the_shared_chain_is_not_changed() -> None:
    chain = RULES.without([" Placeholder ", "placeholder", ""])
    assert chain.ignored() == ("placeholder",)
    assert RULES.without("placeholder").ignored() == ("placeholder",)  # one name, not its letters
    assert RULES.ignored() == ()


def test_an_unknown_name_lists_the_names_and_the_likely_one() -> None:
    with pytest.raises(InputError) as raised:
        RULES.without(["layout-fonts", "foo"])
    message = str(raised.value)
    assert "没有名为“layout-fonts”（是不是“layout-font”？）、“foo”的检查规则" in message
    assert all(name in message for name in RULES.names())


def test_a_shared_function_runs_once_and_not_at_all_when_its_rules_are_off() -> None:
    calls: list[str] = []

    def family(draft: Draft) -> list[Finding]:
        calls.append(draft.source.name)
        return [draft.finding(name, "error", 0, "", "", "") for name in ("one-a", "one-b")]

    chain = RuleChain((Rule("one-a", "甲", "甲类", family), Rule("one-b", "甲", "乙类", family)))
    draft = Draft.of(_source())
    assert [f.rule for f in chain.run(draft)] == ["one-a", "one-b"] and len(calls) == 1
    assert [f.rule for f in chain.without(["one-a"]).run(draft)] == ["one-b"] and len(calls) == 2
    assert chain.without(["one-a", "one-b"]).run(draft) == [] and len(calls) == 2


def test_a_finding_of_an_unregistered_rule_is_a_bug_not_a_silent_loss() -> None:
    def stray(draft: Draft) -> list[Finding]:
        return [draft.finding("not-registered", "error", 0, "", "", "")]

    with pytest.raises(LookupError, match="not-registered"):
        RuleChain((Rule("registered", "甲", "甲类", stray),)).run(Draft.of(_source()))


# ── the command line ─────────────────────────────────────────────────────────────────────────


def _draft(tmp_path: Path) -> Path:
    path = tmp_path / "稿.txt"
    path.write_text(DIRTY, encoding="utf-8")
    return path


def test_cli_ignore_repeated_and_comma_separated(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    result = CliRunner().invoke(main, ["check", str(path), "--ignore", "placeholder"])
    assert result.exit_code == 1
    assert "placeholder：" not in result.output and "punct-doubled：" in result.output
    assert "未检查的规则：placeholder。" in result.output
    result = CliRunner().invoke(main, ["check", str(path), "--ignore", "placeholder,punct-doubled",
                                       "--ignore", "numbering-gap", "--ignore", "date-padding", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["ok"] is True and data["findings"] == []
    assert data["ignored"] == ["placeholder", "numbering-gap", "punct-doubled", "date-padding"]


def test_cli_unknown_rule_is_an_input_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(_draft(tmp_path)), "--ignore", "punct-double"])
    assert result.exit_code == 2
    assert "错误：没有名为“punct-double”（是不是“punct-doubled”？）的检查规则" in result.stderr
    assert "layout-page-number" in result.stderr and "--list-rules" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.output


def test_cli_list_rules_needs_no_draft(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--list-rules"])
    assert result.exit_code == 0, result.output
    flat = re.sub(r"\s+", "", result.output)  # a long summary wraps onto the next line
    for rule in RULES.rules:
        assert re.sub(r"\s+", "", rule.name + rule.summary) in flat, rule.name
    assert f"{RULES.rules[0].group}：" in result.output


def test_cli_help_lists_every_rule() -> None:
    result = CliRunner().invoke(main, ["check", "--help"])
    assert result.exit_code == 0
    assert "--ignore" in result.output and "--list-rules" in result.output
    names = {line.split()[0] for line in result.output.splitlines() if line.startswith("    ")}
    assert set(RULES.names()) <= names


def test_api_check_ignores_layout_rules_of_a_word_document(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("关于全市重点项目建设情况的通报", style="Title")
    document.add_paragraph("全市项目推进有力。")
    path = tmp_path / "稿.docx"
    document.save(str(path))
    layout = {f.rule for f in api.check(path).findings}
    assert {"layout-font", "layout-size"} <= layout
    report = api.check(path, ignore=["layout-font"])
    assert {f.rule for f in report.findings} == layout - {"layout-font"}
    assert api.check(path, ignore="layout-font").findings == report.findings
    assert [rule.name for rule in api.check_rules()] == list(RULES.names())


def test_the_value_api_takes_the_names_too() -> None:
    draft = api.InputFile("稿.txt", DIRTY.encode("utf-8"))
    assert api.CheckRequest(draft, ignore="placeholder").ignore == ("placeholder",)  # one name, not its letters
    report = api.check_from_bytes(api.CheckRequest(draft, ignore=("placeholder", "numbering-gap"))).report
    assert {"placeholder", "numbering-gap"}.isdisjoint(_rules(report)) and "punct-doubled" in _rules(report)
    assert report.ignored == ("placeholder", "numbering-gap")
    with pytest.raises(InputError, match="没有名为“placeholders”"):
        api.check_from_bytes(api.CheckRequest(draft, ignore=("placeholders",)))


def test_docs_list_every_rule() -> None:
    """docs/check.md's rule table has one row per registered rule, in the chain's order."""
    text = (ROOT / "docs" / "check.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z-]+)` \|", text, flags=re.MULTILINE)
    assert rows == list(RULES.names())
