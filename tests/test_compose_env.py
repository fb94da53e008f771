"""Templates: StrictUndefined errors name template and line; the sandbox holds; filters format."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal as D
from pathlib import Path

import pytest

from compose_sample import sample_facts
from speechgen.compose import compose
from speechgen.compose.env import make_environment
from speechgen.errors import InputError, TemplateError


def _user_template(tmp_path: Path, text: str, name: str = "我的讲话.md.j2") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_undefined_name_names_template_and_line(tmp_path: Path) -> None:
    source = "---\nkind: speech\n---\n\n同志们：\n\n{{ n_projects }}个项目，{{ n_projectz }}\n"
    template = _user_template(tmp_path, source)
    with pytest.raises(TemplateError) as caught:
        compose("speech", sample_facts(), template=template)
    problem = caught.value.problems[0]
    assert problem.file == "我的讲话.md.j2" and problem.row == 7
    assert "n_projectz" in problem.message and "未定义" in problem.message


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    template = _user_template(tmp_path, "第一行\n第二行\n{% if flags %}\n没有结束\n")
    with pytest.raises(TemplateError) as caught:
        compose("bulletin", sample_facts(), template=template)
    problem = caught.value.problems[0]
    assert problem.file == "我的讲话.md.j2" and problem.row is not None and "语法" in problem.message


@pytest.mark.parametrize("expression", [
    "{{ ''.__class__.__mro__ }}",
    "{{ facts.__class__.__init__.__globals__ }}",
    "{{ pick.__self__.env }}",
    "{{ (1).__class__.__subclasses__() }}",
])
def test_sandbox_blocks_attribute_escapes(tmp_path: Path, expression: str) -> None:
    template = _user_template(tmp_path, f"第一行\n{expression}\n")
    with pytest.raises(TemplateError) as caught:
        compose("notice", sample_facts(), template=template)
    assert caught.value.problems[0].row == 2


def test_missing_template_file_is_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="模板文件不存在"):
        compose("speech", sample_facts(), template=tmp_path / "none.md.j2")


def test_user_template_can_use_pick_and_filters(tmp_path: Path) -> None:
    template = _user_template(tmp_path, (
        "{{ facts.overall.completed|yi }}|{{ facts.overall.completion_rate|pct }}|"
        "{{ facts.overall.gap_points|vs_schedule }}|{{ meeting_data.date|date }}|{{ 12|cn }}|"
        "{{ 3|ordinal }}|{{ 2|lead }}|{{ ['甲', '乙', '丙']|join }}|{{ pick('closing')|length > 0 }}\n"
    ))
    text = compose("speech", sample_facts(), template=template)
    assert text.strip() == "8.52亿元|35.4%|落后时序进度6.3个百分点|2026年6月5日|十二|第三|二是|甲、乙和丙|True"


def test_snippet_error_names_the_snippet_and_the_template_line(tmp_path: Path) -> None:
    folder = tmp_path / "snips"
    folder.mkdir()
    # a filter applied to a name that holds text, not a number: fails only when rendered
    (folder / "extra.yaml").write_text(
        "role: extra\npassages:\n  - id: extra-01\n    needs: [meeting]\n    text: 共{{ scope|cn }}个项目。\n",
        encoding="utf-8")
    template = _user_template(tmp_path, "第一行\n{{ pick('extra') }}\n")
    with pytest.raises(TemplateError) as caught:
        compose("speech", sample_facts(), template=template, snippet_dirs=[folder])
    problem = caught.value.problems[0]
    assert "extra-01" in problem.message and problem.row == 2 and problem.file == "我的讲话.md.j2"


def test_filters_directly() -> None:
    env = make_environment()
    render = lambda source, **values: env.from_string(source).render(values)  # noqa: E731
    assert render("{{ x|wan }}", x=D("3560")) == "3560万元"
    assert render("{{ x|amount }}", x=D("190600")) == "19.06亿元"
    assert render("{{ x|yi(fixed=True, unit=False) }}", x=D("50000")) == "5.00"
    assert render("{{ x|points }}", x=D("-6.35")) == "6.4个百分点"
    assert render("{{ x|signed_points }}", x=D("-6.3")) == "-6.3"
    assert render("{{ x|pct }}", x=None) == "—"
    assert render("{{ a|date_range(b) }}", a=dt.date(2026, 6, 11), b=dt.date(2026, 6, 14)) == "6月11日至14日"
    assert render("{{ d|month_end }}|{{ d|period }}", d=dt.date(2026, 5, 31)) == "5月底|1—5月"
    assert render("{{ x|num }}", x=D("10")) == "10"
    assert render("{{ x|person }}", x="赵文清（副市长）") == "副市长赵文清"
    assert render("{{ x|cell }}", x="甲|乙") == "甲\\|乙"
    assert render("{{ x|name_only }}", x="孙海涛（市委常委、秘书长）") == "孙海涛"
    short = "关于开展全市重点项目建设专项督查的通知"
    assert render("{{ x|title_lines('专项督查') }}", x=short) == short
    long = "关于开展高新技术产业开发区重点项目建设专项督查的通知"
    turned = render("{{ x|title_lines('重点项目', '专项督查') }}", x=long)
    assert turned == "关于开展高新技术产业开发区\n重点项目建设专项督查的通知"
    from speechgen.writers.titles import broken_title, title_width_chars

    tricky = "关于加快推进刘振宇副市长包保重点项目建设的督办通知"  # the writers' break, not a phrase's
    assert render("{{ x|title_lines('重点项目') }}", x=tricky) == broken_title(tricky, title_width_chars())
    assert render("{{ x|title_lines }}", x=tricky) == "关于加快推进刘振宇副市长\n包保重点项目建设的督办通知"


def test_five_names_then_deng_is_one_rule_for_python_and_templates() -> None:
    from speechgen import zh
    from speechgen.compose.context import name_list

    env = make_environment()
    render = lambda source, **values: env.from_string(source).render(values)  # noqa: E731
    names = ["甲", "乙", "丙", "丁", "戊", "己"]
    assert zh.MAX_NAMED == 5
    assert name_list(names) == zh.named_series(names) == "甲、乙、丙、丁、戊等"
    template = "{% for n in x|first_named %}{{ n }}{{ '、' if not loop.last }}{% endfor %}{{ x|more_named }}"
    assert render(template, x=names) == "甲、乙、丙、丁、戊等"
    assert render(template, x=names[:5]) == "甲、乙、丙、丁、戊"


def test_loading_the_title_dictionary_is_no_part_of_a_renders_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first title a process breaks loads jieba (seconds on a busy machine); that load happens
    before the render's wall clock starts, so the first document of a batch does not fail on it."""
    import time

    from speechgen.compose.env import UserTemplate, make_environment, render_template
    from speechgen.compose.limits import TemplateLimits
    from speechgen.writers import titles

    slow_load = titles._jieba.__wrapped__

    @functools.cache
    def jieba_loaded_slowly() -> object:
        time.sleep(0.6)
        return slow_load()

    monkeypatch.setattr(titles, "_jieba", jieba_loaded_slowly)
    long = "关于开展高新技术产业开发区重点项目建设专项督查的通知"
    env = make_environment(UserTemplate("t.md.j2", "{{ x|title_lines }}"), limits=TemplateLimits(seconds=0.3))
    assert render_template(env, "t.md.j2", {"x": long}) == titles.broken_title(long, titles.title_width_chars())
