"""The snippet library: built-in files load cleanly; bad user files are reported all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from speechgen.compose.context import CONTEXT_NAMES
from speechgen.compose.flags import KNOWN_FLAGS
from speechgen.compose.frames import FRAMES
from speechgen.compose.library import load_library, normalize_text
from speechgen.errors import InputError


def test_builtin_library_loads_with_every_frame_role() -> None:
    library = load_library()
    frame_roles = {role for frame in FRAMES.values() for part in frame.parts for slot in part for role in slot.roles}
    missing = sorted(frame_roles - set(library.roles))
    assert not missing, f"frames use roles the library lacks: {missing}"
    for passage in library.passages:
        assert passage.when <= KNOWN_FLAGS and passage.unless <= KNOWN_FLAGS
        assert passage.names <= set(CONTEXT_NAMES)


def test_frame_roles_have_leads_and_enough_passages() -> None:
    library = load_library()
    for role in library.roles:
        if not role.startswith("frame_"):
            continue
        passages = library.for_role(role)
        assert all(p.lead for p in passages), role
        assert all("speech" in p.kinds for p in passages), role
    # three sub-points are drawn from these roles in one speech, so more than three must exist
    for role in ("frame_three_x_phenomena", "frame_three_x_keys", "frame_three_x_requirements"):
        assert len([p for p in library.for_role(role) if not p.when]) > 3, role


def test_yaml_folding_spaces_are_removed_between_chinese_characters() -> None:
    folded = normalize_text("各地要 加快 {{ scope }} 进度，\n  确保 done well")
    assert folded == "各地要加快{{ scope }}进度，确保done well"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_problem_of_every_user_file_is_reported_in_one_pass(tmp_path: Path) -> None:
    _write(tmp_path, "speed.yaml", """\
role: speed
passages:
  - id: speed-01
    lead: 加快进度
    when: [behindd]
    text: 今年要完成30个项目。
  - id: speed-my-02
    lead: 再加快
    text: 各地要把{{ scope }}项目抓到底，XX要负责。
  - id: speed-my-03
    lead: 又加快
    text: 要看{{ n_projectz }}个项目。
  - id: speed-my-04
    text: 没有小标题的分点。
""")
    _write(tmp_path, "mine.yaml", "role: other\npassages: []\n")
    _write(tmp_path, "broken.yaml", "role: broken\npassages:\n  - id: [unclosed\n")
    with pytest.raises(InputError) as caught:
        load_library([tmp_path])
    text = str(caught.value)
    for expected in ("behindd", "“3”", "XX", "n_projectz", "必须有 lead", "speed-01", "重复",
                     "role 应与文件名一致", "YAML 格式错误"):
        assert expected in text, expected
    lines = {p.row for p in caught.value.problems if p.file and p.file.endswith("speed.yaml")}
    assert {3, 7, 10, 13} <= lines, "problems carry the line of their passage"


def test_user_passages_join_the_builtin_ones(tmp_path: Path) -> None:
    _write(tmp_path, "speed.yaml", """\
role: speed
title: 我的进度段落
passages:
  - id: speed-local-01
    lead: 按节点抢进度
    text: >-
      {{ scope }}各项目要按节点抢进度。
""")
    builtin = load_library()
    joined = load_library([tmp_path])
    assert len(joined.for_role("speed")) == len(builtin.for_role("speed")) + 1
    assert joined.roles["speed"].title == builtin.roles["speed"].title
    assert joined.roles["speed"].files[-1].endswith("speed.yaml")


def test_missing_user_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="片段目录不存在"):
        load_library([tmp_path / "nope"])


def test_templates_write_no_number_of_their_own() -> None:
    """Every figure comes from the context: the literal text of the templates has no digit."""
    import re

    from speechgen.paths import resource_dir

    jinja = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
    for path in sorted(resource_dir("templates").rglob("*.j2")):
        literal = jinja.sub("", path.read_text(encoding="utf-8"))
        assert not re.search(r"[0-9０-９]", literal), path.name


def test_library_is_loaded_once_and_reloaded_when_a_file_changes(tmp_path: Path) -> None:
    _write(tmp_path, "speed.yaml", """\
role: speed
passages:
  - id: speed-cache-01
    lead: 按节点抢进度
    text: 各项目要按节点抢进度。
""")
    first = load_library([tmp_path])
    assert load_library([tmp_path]) is first, "an unchanged library is not parsed again"
    _write(tmp_path, "speed.yaml", """\
role: speed
passages:
  - id: speed-cache-01
    lead: 按节点抢进度
    text: 各项目要按节点抢进度。
  - id: speed-cache-02
    lead: 盯住关键节点
    text: 各项目要盯住关键节点，一个节点一个节点地抓落实。
""")
    reloaded = load_library([tmp_path])
    assert {p.id for p in reloaded.for_role("speed")} >= {"speed-cache-01", "speed-cache-02"}
