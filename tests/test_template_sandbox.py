"""The template sandbox holds: plain data only, an allow-list of attributes and calls, references
that stay in their folders, and limits on time and size — for --template and --snippets alike."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from compose_sample import sample_facts
from speechgen.cli import main
from speechgen.compose import compose
from speechgen.compose.draft import prepare
from speechgen.compose.guarded import TemplateFunction
from speechgen.compose.plain import PLAIN_TYPES, FrozenMap, Record, Term, plain_context, record_fields, to_plain
from speechgen.errors import TemplateError
from speechgen.paths import resource_dir

EXAMPLES = resource_dir("examples")
PICKLE = "cos\\nsystem\\n(S'touch {marker}'\\ntR."
PARSE_RAW = '.parse_raw("PICKLE", content_type="application/pickle", allow_pickle=True)'.replace("PICKLE", PICKLE)

# Each must be refused: exit 2, a Chinese message, nothing executed, nothing read, no traceback.
ESCAPES: tuple[str, ...] = (
    "{{ meeting_data" + PARSE_RAW + " }}",
    "{{ facts.projects[0]" + PARSE_RAW + " }}",
    "{{ facts.meeting" + PARSE_RAW + " }}",
    "{{ meeting_data.parse_file('/etc/passwd') }}",
    "{{ meeting_data.model_validate_json('{}') }}",
    "{{ meeting_data.model_fields['region'].annotation }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ ''|attr('__class__') }}",
    "{{ '{0.__class__}'.format('') }}",
    "{{ '{0}'.format_map({}) }}",
    "{{ pick.__self__ }}",
    "{{ range.__self__ }}",
    "{{ facts.projects[0].status.__class__.__mro__ }}",
    "{{ facts.overall.stage }}",
    "{{ facts.projects|map(attribute='parse_raw')|list }}",
    "{{ meeting_data.copy() }}",
    "{{ flags.union(['x']) }}",
    "{% set x = dict(a=1) %}{{ x.update(b=2) }}",
    "{{ [1, 2].append(3) }}",
    "{{ facts.overall.completed.quantize(1) }}",
    "{{ meeting_data.date.replace(year=1) }}",
)
REFERENCES: tuple[tuple[str, str], ...] = (
    ("{% include '/etc/passwd' %}", "include"),
    ("{% include '../../../../../etc/passwd' %}", "include"),
    ("{% extends '/etc/passwd' %}", "extends"),
    ("{% import '../secret.j2' as s %}", "import"),
    ("{% from '/etc/passwd' import x %}", "import"),
    ("{% include 'C:/Windows/win.ini' %}", "include"),
    ("{% include 'sub\\\\..\\\\x.j2' %}", "include"),
    ("{% set n = '/etc/passwd' %}{% include n %}", "include"),
    ("{% include ['../a.j2', '/etc/passwd'] %}", "include"),
)
RESOURCE_ATTACKS: tuple[str, ...] = (
    "{% for i in range(10**9) %}x{% endfor %}",
    "{{ 'a' * 10**12 }}",
    "{{ [0] * 10**12 }}",
    "{{ 10**10**10 }}",
    "{{ 'x'|center(10**10) }}",
    "{{ 'x'|indent(10**9) }}",
    "{{ 'ab'|wordwrap(10**9) }}",
    "{{ [1]|batch(10**9, 0)|list }}",
    "{{ '%0999999999d'|format(1) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '%*d' % (10**9, 1) }}",
    "{{ '1e999999999'|num }}",
    "{{ (10**30)|cn }}",
    "{{ [[1]]|sum(start=[]) }}",
    "{{ (['x' * 1000000] * 100)|join }}",
    "{% set ns = namespace(s='a') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s|replace('a', 'aa') %}{% endfor %}",
    "{{ ([range(10000)] * 10000)|map('list')|list|length }}",
    "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "{% set r = range(10000) %}{% for i in r %}{% for j in r %}{% for k in r %}{% endfor %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(30) }}",
    "{% for i in range(10000) %}" + "x" * 10000 + "{% endfor %}",
)


def _generate(tmp_path: Path, template_text: str, *extra: str) -> tuple[Any, Path]:
    template = tmp_path / "我的模板.md.j2"
    template.write_text(template_text, encoding="utf-8")
    output = tmp_path / "out.md"
    result = CliRunner().invoke(main, [
        "generate", "speech", "-d", str(EXAMPLES / "ledger.xlsx"), "-m", str(EXAMPLES / "meeting.yaml"),
        "--template", str(template), "-o", str(output), *extra,
    ])
    return result, output


def _refused(result: Any, output: Path) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "内部错误" not in result.output
    assert not output.exists()
    message = result.stderr
    assert "我的模板.md.j2" in message and "模板" in message.removeprefix("错误：我的模板.md.j2")
    for english in ("undefined", "unsafe", "object has no", "Error:", "Range too big", "not safely callable"):
        assert english not in message, message
    return message


@pytest.mark.parametrize("payload", ESCAPES)
def test_escapes_are_refused_and_nothing_runs(tmp_path: Path, payload: str) -> None:
    marker = tmp_path / "pwned"
    result, output = _generate(tmp_path, payload.replace("{marker}", str(marker)))
    message = _refused(result, output)
    assert not marker.exists()
    assert "root:" not in message  # /etc/passwd was not read into the message


@pytest.mark.parametrize(("payload", "tag"), REFERENCES)
def test_references_outside_the_folders_are_refused_naming_the_tag(tmp_path: Path, payload: str, tag: str) -> None:
    (tmp_path.parent / "secret.j2").write_text("秘密", encoding="utf-8")
    result, output = _generate(tmp_path, "第一行\n" + payload)
    message = _refused(result, output)
    assert f"{{% {tag}" in message or "include/import/extends" in message
    assert "秘密" not in message and "root:" not in message


def test_a_symbolic_link_out_of_the_template_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (tmp_path / "outside.j2").write_text("外面的秘密", encoding="utf-8")
    (folder / "link.j2").symlink_to(tmp_path / "outside.j2")
    result, output = _generate(folder, "{% include 'link.j2' %}")
    message = _refused(result, output)
    assert "外面的秘密" not in message and "之外" in message


@pytest.mark.parametrize("payload", RESOURCE_ATTACKS)
def test_resource_attacks_stop_with_a_chinese_message(tmp_path: Path, payload: str) -> None:
    result, output = _generate(tmp_path, payload, "--template-timeout", "1")
    message = _refused(result, output)
    assert "模板" in message


def test_the_context_holds_plain_data_only_and_every_object_refuses_pickle(tmp_path: Path) -> None:
    """Walk everything a template can reach; a new live object in the context fails here."""
    prepared = prepare("speech", sample_facts(), seed=3)
    paths: list[str] = []

    def walk(value: Any, path: str, depth: int) -> None:
        if isinstance(value, TemplateFunction):
            return
        assert isinstance(value, PLAIN_TYPES), f"{path} is {type(value).__name__}, not plain data"
        if isinstance(value, Record):
            paths.append(path)
            for name in sorted(record_fields(value)):
                walk(value[name], f"{path}.{name}", depth + 1)
        elif isinstance(value, Term):
            paths.append(path)
        elif isinstance(value, FrozenMap):
            for key, item in value.items():
                walk(item, f"{path}[{key!r}]", depth + 1)
        elif isinstance(value, tuple) and depth < 6:
            for index, item in enumerate(value[:2]):
                walk(item, f"{path}[{index}]", depth + 1)

    for name, value in prepared.context.items():
        walk(value, name, 0)
    assert "meeting_data" in paths and any(p.startswith("facts.projects[0]") for p in paths)
    marker = tmp_path / "pwned"
    probes = [
        PARSE_RAW.replace("{marker}", str(marker)),
        ".parse_file('/etc/passwd')", ".model_fields", ".__class__", ".__init__", ".model_dump()",
    ]
    template = tmp_path / "probe.md.j2"
    for path in sorted(set(paths)):
        for probe in probes:
            template.write_text("{{ " + path + probe + " }}", encoding="utf-8")
            with pytest.raises(TemplateError):
                compose("speech", sample_facts(), template=template, seed=3)
    assert not marker.exists()


def test_to_plain_refuses_a_shape_it_does_not_know() -> None:
    class Live:
        def run(self) -> None: ...

    with pytest.raises(TypeError):
        to_plain(Live())
    plain = to_plain({"when": dt.date(2026, 6, 5), "n": 1.5, "names": ["甲"]})
    assert isinstance(plain, FrozenMap) and plain["n"] == Decimal("1.5") and plain["names"] == ("甲",)


@dataclasses.dataclass(frozen=True)
class _Number:
    n: int


@dataclasses.dataclass(frozen=True)
class _Fresh:
    """Properties that make a new object on every read: each is freed once converted, and the
    next may be given its id."""

    n: int

    @property
    def one(self) -> _Number:
        return _Number(self.n + 1)

    @property
    def two(self) -> _Number:
        return _Number(self.n + 2)

    @property
    def three(self) -> tuple[int, ...]:
        return (self.n + 3,)

    @property
    def four(self) -> tuple[int, ...]:
        return (self.n + 4,)


def test_to_plain_never_hands_one_object_another_objects_form() -> None:
    # a memo keyed by id() alone gave `two` the Record made for `one` (the same address, reused)
    for plain in (to_plain(_Fresh(0)), to_plain([_Fresh(0), _Fresh(10)])[1]):
        base = plain.n
        assert (plain.one.n, plain.two.n, plain.three, plain.four) == (base + 1, base + 2, (base + 3,), (base + 4,))


FEATURES = """{% extends "base.md.j2" %}
{% import "part.md.j2" as part with context %}
{% block body %}{{ super() }}。
{% set ns = namespace(total=0) %}
{% for p in facts.projects[:2] %}{% set ns.total = ns.total + 1 %}{{ loop.index }}{{ loop.cycle("甲", "乙") }}\
{{ part.row(p) }}{% if p.status.started %}已开工{% endif %}{% if p.status == "在建" %}在建{% endif %}；{% endfor %}
共{{ ns.total }}个|{{ facts.projects|sum(attribute="completed")|yi }}|\
{% for g in facts.projects|groupby("district") %}{{ g.grouper }}{{ g.list|length }}{% endfor %}|\
{% set d = {"a": 1} %}{% for k, v in d.items() %}{{ k }}={{ v }}{% endfor %}{{ d.get("a") }}|\
{{ meeting_data.region.startswith("示") }}|{{ meeting_data.date.year }}|{{ facts.overall.stage_counts[0][0].value }}|\
{% set c = cycler("一", "二") %}{{ c.next() }}{{ c.next() }}|\
{% set j = joiner("、") %}{% for x in [1, 2] %}{{ j() }}{{ x }}{% endfor %}|{{ range(3)|list }}|\
{{ "a-b"|replace("-", "—") }}|{{ [3, 1, 2]|sort|join }}|{{ "x" ~ "y" }}|{{ 2 ** 10 }}|\
{{ "%s号" % 5 }}|{{ "%d个"|format(3) }}|{% call part.wrap() %}内{% endcall %}|{{ vary("k", "说法一") }}|\
{{ has("closing") }}
{% endblock %}"""


def test_what_templates_need_still_works(tmp_path: Path) -> None:
    (tmp_path / "base.md.j2").write_text("---\nkind: speech\ntitle: 测试\n---\n\n同志们：\n\n"
                                         "{% block body %}基础{% endblock %}\n", encoding="utf-8")
    (tmp_path / "part.md.j2").write_text(
        "{% macro row(p) %}{{ p.name|md }}（{{ rate_of(p)|pct }}）{% endmacro %}"
        "{% macro wrap() %}【{{ caller() }}】{% endmacro %}", encoding="utf-8")
    template = tmp_path / "features.md.j2"
    template.write_text(FEATURES, encoding="utf-8")
    facts = sample_facts()
    text = compose("speech", facts, template=template)
    first, second = facts.projects[:2]
    assert "基础。1甲" in text and f"2乙{second.name}" in text and "已开工在建；" in text
    assert "共2个|" in text
    assert "|a=11|True|2026|前期|一二|1、2|[0, 1, 2]|a—b|1、2和3|xy|1024|5号|3个|【内】|说法一|True" in text
    assert first.name in text


def test_a_user_snippet_is_sandboxed_and_limited(tmp_path: Path) -> None:
    folder = tmp_path / "snips"
    folder.mkdir()
    (folder / "extra.yaml").write_text(
        "role: extra\npassages:\n  - id: extra-01\n    needs: [meeting]\n    text: >-\n"
        "      {% for i in range(9000) %}{% for j in range(9000) %}{% endfor %}{% endfor %}好。\n",
        encoding="utf-8")
    template = tmp_path / "我的模板.md.j2"
    template.write_text("{{ pick('extra') }}\n", encoding="utf-8")
    result = CliRunner().invoke(main, [
        "generate", "speech", "-d", str(EXAMPLES / "ledger.xlsx"), "-m", str(EXAMPLES / "meeting.yaml"),
        "--template", str(template), "--snippets", str(folder), "--template-timeout", "0.5",
        "-o", str(tmp_path / "out.md"),
    ])
    assert result.exit_code == 2 and "extra-01" in result.stderr and "时间限制" in result.stderr
    assert not (tmp_path / "out.md").exists()


def test_the_built_in_documents_are_unchanged_by_the_sandbox() -> None:
    """The golden texts of tests/test_generate_examples.py cover the bytes; here: every kind renders."""
    for kind in ("speech", "bulletin", "notice"):
        assert compose(kind, sample_facts()).startswith("---\n")


@pytest.mark.slow
def test_every_resource_attack_is_refused_in_bounded_memory() -> None:
    """All attacks in one fresh process: each refused, the peak RSS under 1 GB (a memory bound,
    not a timing; the seconds are reported by tests/sandbox_attacks.py for docs/security.md)."""
    import json
    import subprocess
    import sys

    script = Path(__file__).parent / "sandbox_attacks.py"
    done = subprocess.run([sys.executable, str(script), "1"], capture_output=True, text=True, check=True, timeout=600)
    report = json.loads(done.stdout)
    assert len(report) == len(RESOURCE_ATTACKS)
    for row in report:
        assert row["outcome"].startswith("refused: 模板"), row
        assert row["peak_rss_mb"] < 1024, row


def test_a_facts_conversion_is_kept_only_while_the_facts_lives() -> None:
    # the kept conversion must not hold its Facts (a batch converts one Facts per document)
    import gc
    import weakref

    from speechgen.compose import plain

    facts = sample_facts()
    values = {"facts": facts, "projects": facts.projects}
    first = plain.plain_context(values, anchor=facts, shared=(facts.siblings, facts.meeting))
    again = plain.plain_context(values, anchor=facts, shared=(facts.siblings, facts.meeting))
    assert first["facts"] is again["facts"] and first["projects"] == again["projects"]
    assert first["facts"].overall.projects == facts.overall.projects
    alive = weakref.ref(facts)
    key = id(facts)
    del facts, values
    gc.collect()
    assert alive() is None and key not in plain._CONVERTED


def _generate_with(template: Path, out: Path) -> Any:
    return CliRunner().invoke(main, [
        "generate", "bulletin", "-d", str(EXAMPLES / "ledger.xlsx"), "-m", str(EXAMPLES / "meeting.yaml"),
        "--template", str(template), "-o", str(out),
    ])


def test_a_gbk_template_and_the_gbk_file_it_includes_are_read(tmp_path: Path) -> None:
    """Notepad's and WPS's GBK, not only UTF-8: the template and its include, by the one decoder."""
    (tmp_path / "部分.md.j2").write_bytes("共{{ n_projects }}个项目。\n".encode("gbk"))
    template = tmp_path / "通报.md.j2"
    template.write_bytes("---\ntitle: {{ region }}简报\n---\n\n{% include '部分.md.j2' %}".encode("gbk"))
    result = _generate_with(template, tmp_path / "out.md")
    assert result.exit_code == 0, result.stderr
    assert "示例市简报" in (tmp_path / "out.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("data", "says"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "模板文件不是文本文件"),
    (bytes([0x81, 0x20]) * 8, "无法识别模板文件的文字编码"),
    (b"#" * 1_000_001, "模板文件太大（超过1 MB）"),
])
def test_an_unusable_included_file_is_refused_naming_it(tmp_path: Path, data: bytes, says: str) -> None:
    (tmp_path / "部分.md.j2").write_bytes(data)
    template = tmp_path / "通报.md.j2"
    template.write_text("---\ntitle: 简报\n---\n\n{% include '部分.md.j2' %}", encoding="utf-8")
    result = _generate_with(template, tmp_path / "out.md")
    assert result.exit_code == 2 and "部分.md.j2" in result.stderr and says in result.stderr, result.stderr
    assert "codec" not in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out.md").exists()
    template.write_bytes(data)  # the template itself: the same message
    result = _generate_with(template, tmp_path / "out.md")
    assert result.exit_code == 2 and "通报.md.j2" in result.stderr and says in result.stderr, result.stderr


@pytest.mark.parametrize(("payload", "says"), [
    ("{{ ''.__class__.__mro__ }}", "安全"),
    ("{{ meeting.parse_raw('x') }}", ""),
    ("{{ 'a' * 10**9 }}", ""),
    ("{{ 'x'|center(10**10) }}", ""),
    ("{% for i in range(10**9) %}{% endfor %}", ""),
])
def test_a_snippet_passage_meets_the_template_sandbox_and_limits(tmp_path: Path, payload: str, says: str) -> None:
    """Issue 8: the limits of templates hold for snippet files: refused at load or at render, exit 2."""
    folder = tmp_path / "snips"
    folder.mkdir()
    (folder / "extra.yaml").write_text(
        f"role: extra\npassages:\n  - id: extra-01\n    needs: [meeting]\n    text: \"{payload}好。\"\n",
        encoding="utf-8")
    template = tmp_path / "我的模板.md.j2"
    template.write_text("---\ntitle: 简报\n---\n\n{{ pick('extra') }}\n", encoding="utf-8")
    result = CliRunner().invoke(main, [
        "generate", "bulletin", "-d", str(EXAMPLES / "ledger.xlsx"), "-m", str(EXAMPLES / "meeting.yaml"),
        "--template", str(template), "--snippets", str(folder), "--template-timeout", "2",
        "-o", str(tmp_path / "out.md"),
    ])
    assert result.exit_code == 2 and "extra" in result.stderr and says in result.stderr, result.stderr
    assert "Traceback" not in result.output and not (tmp_path / "out.md").exists()


@dataclasses.dataclass(frozen=True)
class _Box:
    label: str


@dataclasses.dataclass(frozen=True)
class _Crate:
    label: str


@dataclasses.dataclass(frozen=True)
class _Holder:
    """Each property builds a fresh object that nothing keeps once it is converted: the next one
    may get its id (CPython reuses the memory), and a memo by id alone then gave the first's
    plain form for the second (a bulletin's most_lagging read as compare's ProjectChanges)."""

    n: int

    @property
    def boxes(self) -> tuple[_Box, ...]:
        return tuple(_Box(f"box{i}") for i in range(self.n))

    @property
    def crates(self) -> tuple[_Crate, ...]:
        return tuple(_Crate(f"crate{i}") for i in range(self.n))


def test_an_object_converted_and_gone_does_not_lend_its_id_to_the_next() -> None:
    for n in range(1, 6):
        plain = to_plain(_Holder(n))
        assert [b.label for b in plain.boxes] == [f"box{i}" for i in range(n)]
        assert [c.label for c in plain.crates] == [f"crate{i}" for i in range(n)]
    holder = _Holder(3)
    contexts = [plain_context({"boxes": holder.boxes, "holder": holder}, anchor=holder) for _ in range(3)]
    for context in contexts:
        assert [b.label for b in context["boxes"]] == ["box0", "box1", "box2"]
        assert [c.label for c in context["holder"].crates] == ["crate0", "crate1", "crate2"]
