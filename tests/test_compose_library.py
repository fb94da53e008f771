"""The snippet library: built-in files load cleanly; every passage names the observations it
needs, prints records only they guarantee and makes no claim they do not back; bad user files
are reported all at once, in Chinese, with their lines."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from speechgen.compose.claims import CLAIMS
from speechgen.compose.frames import FRAMES
from speechgen.compose.library import POINT_ROLES, load_library
from speechgen.compose.observe import NAMES, guaranteed
from speechgen.compose.vetting import ALWAYS, normalize_text
from speechgen.compose.wording import count_wordings
from speechgen.errors import InputError
from speechgen.paths import resource_dir


def test_builtin_library_loads_and_every_passage_is_backed() -> None:
    library = load_library()
    for passage in library.passages:
        assert passage.needs, passage.id
        assert passage.needs <= set(NAMES) and passage.unless <= set(NAMES), passage.id
        used = {name for name in passage.names if name in guaranteed(frozenset(NAMES))}
        assert used <= guaranteed(passage.needs | ALWAYS), passage.id


def test_frame_bridges_and_points_exist() -> None:
    library = load_library()
    for frame in FRAMES.values():
        for part in frame.parts:
            assert library.has_role(part.bridge), part.bridge
    for role in POINT_ROLES:
        assert library.has_role(role), role
        assert all(p.lead for p in library.for_role(role)), role


def test_the_built_in_library_offers_many_wordings() -> None:
    """Variety is written in: most passages have several wordings of most sentences."""
    library = load_library()
    speech = [p for p in library.passages if "speech" in p.kinds and p.role not in ("handoff", "three_x_preview")]
    assert sum(count_wordings(p.segments) >= 4 for p in speech) / len(speech) > 0.85


def test_yaml_folding_spaces_are_removed_between_chinese_characters() -> None:
    folded = normalize_text("各地要 加快 {{ meeting.scope }} 进度，\n  确保 done well")
    assert folded == "各地要加快{{ meeting.scope }}进度，确保done well"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(folder: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_library([folder])
    return str(caught.value)


def test_every_problem_of_every_user_file_is_reported_in_one_pass(tmp_path: Path) -> None:
    _write(tmp_path, "speed.yaml", """\
role: speed
passages:
  - id: speed-01
    lead: 加快进度
    needs: [behindd]
    text: 今年要完成30个项目。
  - id: speed-my-02
    lead: 再加快
    needs: [meeting]
    text: 各地要把{{ meeting.scope }}项目抓到底，XX要负责。
  - id: speed-my-03
    lead: 又加快
    needs: [meeting]
    text: 要看{{ n_projectz }}个项目。
  - id: speed-my-04
    needs: [meeting]
    text: 没有小标题的分点。
""")
    _write(tmp_path, "mine.yaml", "role: other\npassages: []\n")
    _write(tmp_path, "broken.yaml", "role: broken\npassages:\n  - id: [unclosed\n")
    with pytest.raises(InputError) as caught:
        load_library([tmp_path])
    text = str(caught.value)
    for expected in ("behindd", "“3”", "XX", "n_projectz", "必须有 lead", "speed-01", "重复",
                     "role 应与文件名一致", "YAML 格式有误"):
        assert expected in text, expected
    lines = {p.row for p in caught.value.problems if p.file and p.file.endswith("speed.yaml")}
    assert {3, 7, 11, 15} <= lines, "problems carry the line of their passage"


@pytest.mark.parametrize(("needs", "text", "says"), [
    ("[meeting]", "各地进度走在前列，值得表扬。", "表扬地方要依据 units_ahead"),
    ("[behind]", "{{ meeting.scope }}重点项目成效显著。", "表扬要依据好的观察"),
    ("[ahead]", "各地要奋起直追。", "说追赶、掉队要依据落后的观察"),
    ("[progress]", "投资总量逐月增加。", "没有逐月或同比数据"),
    ("[ahead]", "有客观原因，但更多的是主观努力不够。", "说原因要依据落后或问题的观察"),
    ("[has_problems]", "这些问题迟迟得不到解决。", "不能说问题长期得不到解决"),
    ("[meeting]", "要推动项目早竣工早见效。", "has_completed"),
    ("[blocked_not_started]", "这些项目具备开工条件。", "ready_to_start"),
    ("[early_year]", "确保实现双过半。", "双过半"),
    ("[meeting]", "放在成绩里讲这个数字，是要大家看到差距。", "不议论自己的写法"),
    ("[has_districts]", "{{ unit_bottom.names }}要迎头赶上。", "请用 units_behind"),
    ("[has_districts]", "{{ best_district }}进度走在前列。", "表扬请用 units_ahead"),
])
def test_a_claim_its_needs_do_not_back_is_refused(tmp_path: Path, needs: str, text: str, says: str) -> None:
    _write(tmp_path, "handoff.yaml", f"role: handoff\npassages:\n  - id: handoff-x1\n    needs: {needs}\n"
                                     f"    text: \"{text}\"\n")
    assert says in _problems(tmp_path)


def test_a_record_needs_an_observation_that_guarantees_it(tmp_path: Path) -> None:
    _write(tmp_path, "handoff.yaml", "role: handoff\npassages:\n  - id: handoff-x1\n    needs: [meeting]\n"
                                     "    text: 落后的有{{ units_behind.subject }}。\n")
    message = _problems(tmp_path)
    assert "用了记录 units_behind" in message and "units_behind" in message


def test_a_passage_without_needs_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "handoff.yaml", "role: handoff\npassages:\n  - id: handoff-x1\n    text: 下面，我讲三点。\n")
    assert "没有写 needs" in _problems(tmp_path)


def test_the_older_key_when_is_still_read_as_needs(tmp_path: Path) -> None:
    _write(tmp_path, "handoff.yaml", "role: handoff\npassages:\n  - id: handoff-x1\n    when: [behind]\n"
                                     "    text: 针对差距，我讲三点。\n")
    passage = next(p for p in load_library([tmp_path]).passages if p.id == "handoff-x1")
    assert passage.needs == {"behind"}


@pytest.mark.parametrize(("text", "says"), [
    ("下面[我讲三点。", "没有配对"), ("下面我讲三点。]", "多出一个"), ("下面|我讲三点。", "只能用在"),
    ("[下面，我讲三点。]", "两种以上说法"), ("{{ meeting.office }}[要|{{ nope }}]负责。", "nope"),
    ("[{% if true %}甲|乙{% endif %}]。", "要成对"),
])
def test_wordings_are_checked_every_one(tmp_path: Path, text: str, says: str) -> None:
    _write(tmp_path, "handoff.yaml", f"role: handoff\npassages:\n  - id: handoff-x1\n    needs: [meeting]\n"
                                     f"    text: \"{text}\"\n")
    assert says in _problems(tmp_path)


def test_a_field_a_record_does_not_have_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "handoff.yaml", "role: handoff\npassages:\n  - id: handoff-x1\n    needs: [progress]\n"
                                     "    text: 完成率{{ progress.rat }}。\n")
    assert "记录 progress 没有字段“rat”" in _problems(tmp_path)


def test_text_may_be_a_list_of_sentences_with_wordings(tmp_path: Path) -> None:
    _write(tmp_path, "handoff.yaml", """\
role: handoff
passages:
  - id: handoff-list-01
    needs: [meeting]
    text:
      - 下面，
      - [我讲三点意见。, 我讲三个方面。]
""")
    passage = next(p for p in load_library([tmp_path]).passages if p.id == "handoff-list-01")
    assert count_wordings(passage.segments) == 2


def test_user_passages_join_the_builtin_ones(tmp_path: Path) -> None:
    _write(tmp_path, "speed.yaml", """\
role: speed
title: 我的进度段落
passages:
  - id: speed-local-01
    needs: [under_construction]
    lead: 按节点抢进度
    text: >-
      {{ meeting.scope }}各项目要按节点抢进度。
""")
    builtin = load_library()
    joined = load_library([tmp_path])
    assert len(joined.for_role("speed")) == len(builtin.for_role("speed")) + 1
    assert joined.roles["speed"].title == builtin.roles["speed"].title
    assert joined.roles["speed"].files[-1].endswith("speed.yaml")


def test_missing_user_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="片段目录不存在"):
        load_library([tmp_path / "nope"])


def test_templates_write_no_number_and_make_no_claim_of_their_own() -> None:
    """Every figure comes from the facts and every claim from a passage that needs its backing:
    the literal text of the templates has no digit and no claim word."""
    jinja = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
    words = [w for claim in CLAIMS for w in claim.words]
    for path in sorted(resource_dir("templates").rglob("*.j2")):
        literal = jinja.sub("", path.read_text(encoding="utf-8"))
        assert not re.search(r"[0-9０-９]", literal), path.name
        assert not [w for w in words if w in literal], path.name


def test_library_is_loaded_once_and_reloaded_when_a_file_changes(tmp_path: Path) -> None:
    one = "role: speed\npassages:\n  - id: speed-cache-01\n    needs: [meeting]\n    lead: 按节点抢进度\n" \
          "    text: 各项目要按节点抢进度。\n"
    _write(tmp_path, "speed.yaml", one)
    first = load_library([tmp_path])
    assert load_library([tmp_path]) is first, "an unchanged library is not parsed again"
    _write(tmp_path, "speed.yaml", one + "  - id: speed-cache-02\n    needs: [meeting]\n    lead: 盯住关键节点\n"
                                         "    text: 各项目要盯住关键节点。\n")
    reloaded = load_library([tmp_path])
    assert {p.id for p in reloaded.for_role("speed")} >= {"speed-cache-01", "speed-cache-02"}


SHAPES = ("{{ a }}", "{{ a.b }}{% if c %}{{ d|e }}{% endif %}", "{{ range }}", "{{ range(3) }}", "{{ cycler }}",
          "{{ x|default(y) }}", "{% if a is defined %}{{ b }}{% endif %}", "{{ a ~ b }}", '{{ a["k"] }}',
          "{{ -a + b * 2 }}", "{{ [a, b] }}", "{{ a if b else c }}", "{{ self }}", "{{ caller }}", "{{ loop }}",
          "{% for x in xs %}{{ x }}{{ y }}{% endfor %}", "{% set q = 1 %}{{ q }}{{ r }}", "{{ f(a) }}",
          "{% if not a and (b or c) %}{{ d }}{% endif %}", "{% macro m(v) %}{{ v }}{{ w }}{% endmacro %}{{ m(z) }}")


def test_the_names_a_wording_reads_are_what_jinja_finds() -> None:
    # vetting reads a wording's names from its tree when no node binds one; the same set as
    # jinja2.meta, which compiles the tree — for every wording of the built-in library and shapes
    from jinja2 import meta

    from speechgen.compose.env import make_environment
    from speechgen.compose.vetting import names_and_fields
    from speechgen.compose.wording import every_wording, parse_wording

    env = make_environment()
    wordings = [w for p in load_library().passages for w in every_wording(parse_wording(p.text))]
    assert len(wordings) > 1000
    for wording in (*wordings, *SHAPES):
        tree = env.parse(wording)
        assert names_and_fields(tree, env)[0] == meta.find_undeclared_variables(tree), wording


SPEED = ("role: speed\npassages:\n  - id: speed-gbk-01\n    lead: 再加把劲\n    needs: [behind]\n"
         "    text: 各地要再加把劲。\n")


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-8-sig"])
def test_a_snippet_file_in_gbk_or_utf16_loads_as_in_utf8(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "speed.yaml").write_bytes(SPEED.encode(encoding))
    [passage] = [p for p in load_library([tmp_path]).passages if p.id == "speed-gbk-01"]
    assert passage.lead == "再加把劲" and passage.line == 3


@pytest.mark.parametrize(("text", "line", "says"), [
    ("role: speed\npassages:\n  - id: [unclosed\n    text: 好。\n", 3, "开头的列表没有用“]”结束"),
    ("role: speed\npassages:\n\t- id: speed-t-01\n", 3, "用了 Tab"),
    ("role: speed\npassages:\n  - id: speed-q-01\n    text: \"各地要\n", 4, "引号没有配对"),
    ("role: speed\npassages:\n  - id: speed-c-01\n    lead: 目标: 加快\n", 4, "值里含有冒号时请给整个值加上引号"),
])
def test_a_snippet_yaml_error_is_chinese_with_its_line(tmp_path: Path, text: str, line: int, says: str) -> None:
    (tmp_path / "speed.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_library([tmp_path])
    [problem] = caught.value.problems
    assert problem.row == line and problem.file == str(tmp_path / "speed.yaml")
    assert says in problem.message and problem.message.startswith("YAML 格式有误")
    assert not re.search(r"[A-Za-z]{4,}", problem.message.replace("YAML", "")), problem.message  # no PyYAML English


@pytest.mark.parametrize(("data", "says"), [
    (b"PK\x03\x04\x14\x00\x06\x00binary", "片段文件不是文本文件"),
    (bytes([0x81, 0x20]) * 8, "无法识别片段文件的文字编码"),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)), "引用"),
])
def test_an_unusable_snippet_file_is_refused_naming_it(tmp_path: Path, data: bytes | str, says: str) -> None:
    path = tmp_path / "speed.yaml"
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    with pytest.raises(InputError) as caught:
        load_library([tmp_path])
    [problem] = caught.value.problems
    assert problem.file == str(path) and says in problem.message, problem.message


def test_snippet_files_and_templates_share_one_size_limit(tmp_path: Path) -> None:
    from speechgen.compose import user_template
    from speechgen.compose.env import MAX_TEMPLATE_BYTES
    from speechgen.compose.library import MAX_SNIPPET_FILE_BYTES
    from speechgen.inputs import InputFile

    assert MAX_SNIPPET_FILE_BYTES == MAX_TEMPLATE_BYTES
    path = tmp_path / "speed.yaml"
    path.write_text(SPEED + "#" * MAX_SNIPPET_FILE_BYTES, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_library([tmp_path])
    [problem] = caught.value.problems
    assert problem.file == str(path) and "片段文件太大（超过1 MB）" in problem.message
    with pytest.raises(InputError, match="模板文件太大（超过1 MB）"):
        user_template(InputFile("t.md.j2", b"#" * (MAX_TEMPLATE_BYTES + 1)))
