"""One home for each piece of knowledge (issue 9.5): a rule defined twice drifts apart, as the
problem keywords, CHAR_PITCH_PT (15.79 / 15.75) and is_month_end did. The source is read, not run."""

import re
from pathlib import Path

import speechgen

SOURCE = Path(speechgen.__file__).parent
MODULES = {path.relative_to(SOURCE).as_posix(): path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py")}


def _where(pattern: str) -> list[str]:
    return sorted(name for name, text in MODULES.items() if re.search(pattern, text, re.MULTILINE))


def test_is_month_end_is_defined_once() -> None:
    assert _where(r"^def is_month_end\(") == ["zh/dates.py"]


def test_the_character_pitch_is_defined_once() -> None:
    assert _where(r"^\s*CHAR_PITCH_PT\s*=") == ["style.py"]
    assert _where(r"^\s*DOCX_CHAR_PITCH_PT\s*=") == ["style.py"]


def test_full_width_digits_have_one_table() -> None:
    assert _where("０１２３４５６７８９") == ["zh/numerals.py"]


def test_problem_keywords_live_in_the_vocabulary_alone() -> None:
    for keyword in ("资本金", "占补平衡", "设计方案", "环境影响"):
        assert _where(f'"{keyword}"') == ["vocab.py"], keyword


def test_status_words_live_in_the_vocabulary_alone() -> None:
    for word in ("拟开工", "暂缓实施", "封顶"):
        assert _where(f'"{word}"') == ["vocab.py"], word


def test_marker_numerals_are_defined_once() -> None:
    assert _where(r'^\w+ = "[〇零]?一二三四五六七八九十') == ["zh/markers.py"]


def test_the_five_names_rule_is_not_repeated() -> None:
    assert _where(r"^MAX_NAMED\s*=\s*\d") == ["zh/enums.py"]
    templates = Path(speechgen.__file__).parents[2] / "templates"
    assert not [p.name for p in templates.rglob("*.j2") if re.search(r"\[:5\]|length > 5", p.read_text("utf-8"))]


def test_the_signature_date_shift_is_defined_once() -> None:
    assert _where(r"^\s*\w*DATE_SHIFT\w*\s*=") == ["style.py"]
