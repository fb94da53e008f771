"""What a figure in a draft says it is: its metric (开工率, 完成投资 …) and whose it is (全市, a
县区, a project), read from the words around it the way a secretary checking numbers reads them.

The metric comes from the metric word right before the figure, in the same clause ("开工率82.0%",
"完成率仅为10.5%", "占年度计划126.8亿元的36.9%", "落后时序进度4.8个百分点") or, for a count,
right after it ("9个项目未开工"). The subject comes from the names given before the figure: the
nearest clause that names one, in the sentence ("全市……共50个，总投资464.3亿元") or the
sentences before it in the paragraph; a paragraph that names none speaks of the whole ledger.
Words in closed brackets ("（责任单位：……）") are passed over. When no metric word is found the
metric is None and the figure is traced against every fact, as before labels existed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

# ── metric words, per kind of figure (ordered rule tables; the rightmost match wins) ───────────

_YEAR_PLAN = r"(?:全年|年度)(?:投资)?计划(?:投资)?"
_SCHEDULE = r"(?:时序进度|序时进度|时间进度)"
_COMPARE = r"(?:比|较|高于|低于|高出|低出|快于|慢于|超过|超出|落后于?|领先于?|滞后于?)"
_WHOLE = r"(?:全市|全县|全区|全省)"
_AMOUNT = r"\d+(?:\.\d+)?(?:亿元|万元)"

_KEYWORDS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "amount": (
        ("remaining", re.compile(r"(?:尚未完成|未完成|还需完成|还要完成|尚需完成|仍需完成|需要完成|还差|尚差|剩余"
                                 r"|每月平均要完成|平均每月要完成|每月要完成)"
                                 r"(?:的)?(?:投资)?")),
        ("completed", re.compile(r"(?:累计|已|共|实际)?完成(?:了)?(?:投资)?(?:额)?")),
        ("plan", re.compile(rf"{_YEAR_PLAN}(?:额)?|计划投资|年计划")),
        ("total", re.compile(r"(?:计划|项目|概算)?总投资(?:额)?")),
    ),
    "percent": (
        ("start_rate", re.compile(r"开工率")),
        ("completion_rate", re.compile(
            rf"(?:投资|年度计划|计划)?完成率|(?:完成|占|达到)(?:了)?{_YEAR_PLAN}(?:{_AMOUNT})?的(?:比例为?|比重为?)?")),
        ("schedule", re.compile(_SCHEDULE)),
        ("share", re.compile(r"占(?:项目总数|全部项目|该类项目|项目数)?的?|、占")),
    ),
    "points": (
        ("gap_overall", re.compile(
            rf"{_COMPARE}{_WHOLE}(?:平均水平|平均|整体水平|整体|总体水平)?(?:高出|低出|高|低|快|慢)?")),
        ("gap_schedule", re.compile(rf"{_COMPARE}?{_SCHEDULE}(?:高出|低出|高|低|快|慢|相差|差距为?|差)?")),
    ),
    "count": (
        ("overdue", re.compile(r"(?:逾期未开工|已?过计划开工时间(?:仍|尚)?未开工)(?:的)?(?:重点)?(?:项目)?")),
        ("ready", re.compile(r"具备(?:开工)?条件(?:但)?(?:尚|仍)?未开工(?:的)?(?:项目)?")),
        ("not_started", re.compile(r"(?:尚|仍)?未开工(?:的)?(?:重点)?(?:项目)?")),
        ("started", re.compile(r"(?<![未新划])(?:已)?开工(?:的)?(?:重点)?(?:项目)?")),  # not 新开工, 计划开工
        ("laggards", re.compile(r"(?:进度)?(?:滞后|落后)(?:的)?(?:重点)?(?:项目)?")),
        ("building", re.compile(r"(?:正在)?在建(?:的)?(?:项目)?")),
        ("finished", re.compile(r"(?:已)?竣工(?:的)?(?:项目)?")),
        ("operating", re.compile(r"(?:已)?投产(?:的)?(?:项目)?")),
        ("suspended", re.compile(r"(?:已)?(?:停工|停建)(?:的)?(?:项目)?")),
        ("deferred", re.compile(r"暂缓(?:实施|建设)?(?:的)?(?:项目)?")),
        ("preparing", re.compile(r"(?:处于)?前期(?:阶段)?(?:的)?(?:项目)?")),
        ("problems", re.compile(r"问题(?:的项目)?(?:涉及|有)|制约因素的项目")),
        ("projects", re.compile(r"(?:重点)?项目(?:总数|总计)?(?:共|共有|合计|总数为?)|重点项目")),
    ),
}
# What may stand between a metric word and its figure: "完成率仅为10.5%", "项目共有50个".
_BRIDGE = re.compile(r"(?:[\s\x00]|的|为|是|达到?|了|共有?|合?计|累计|有|约|仅|只有?|才|已经?|到|均|则|最高|最低)*")
# A count's metric written after it: "9个项目未开工", "16个进度滞后或逾期未开工的项目".
_AFTER_COUNT = re.compile(r"(?:市级|省级)?(?:重点)?(?:项目)?(?:[已均都仍尚还也])*"
                          r"(?:(?P<overdue>逾期未开工|过计划开工时间)|(?P<not_started>未开工)|(?P<started>开工)"
                          r"|(?P<laggards>(?:投资)?(?:进度)?(?:滞后|落后))|(?P<finished>竣工|建成)"
                          r"|(?P<operating>投产)|(?P<building>在建)|(?P<suspended>停工|停建)|(?P<deferred>暂缓)"
                          r"|(?P<ready>没有记录(?:任何)?问题|(?:台账上)?没有反映(?:问题|困难))"
                          r"|(?P<problems>存在(?:制约|问题|困难)|反映)"
                          r"|(?P<projects>(?<=重点项目)))"
                          r"(?![的项目有共为]*\d)")  # "4个项目已开工3个": 已开工 is the 3's
_LAGGING = re.compile(r"滞后|落后")
_OVERDUE = re.compile(r"未开工|过计划开工时间")
_SENTENCE_END = re.compile(r"[。；！？;!?\n]")
_CLAUSE_END = re.compile(r"[，,：:（(]")
_CLOSED = re.compile(r"（[^（）]*）|\([^()]*\)")
# A paragraph about some projects or places, not the whole: no subject is implied.
_PARTIAL = re.compile(r"(?:有的|个别|部分|少数|一些|该|这个|这些|此类?|多数|大部分|其余|另外|其他)"
                      r"(?:重点)?(?:项目|县区|县|区|乡镇|镇|单位|地方)")
# A figure of another period than the ledger's: no metric of the ledger's.
_OTHER_TIME = re.compile(r"去年|上年|上一年|前年|同期|上月|上个月|上季度|上半年|上一季度|\d{4}年(?:度)?(?:全年|底)")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:亿元|万元|个百分点|[%％]|[个项])")


@dataclass(frozen=True)
class Label:
    """A figure's metric (None: no metric word) and the subjects the sentence names for it
    (empty: none named; several: any of them, as in "甲、乙等13个项目")."""

    metric: str | None = None
    subjects: frozenset[str] = frozenset()


class SubjectNames:
    """The names a text may give a figure's subject: 全市/全县, 县区, projects, owners. Each
    name maps to the subject keys of the facts it stands for (an owner: its projects) and has a
    rank, higher for a narrower subject (a project above its owner above its 县区)."""

    def __init__(self, names: dict[str, frozenset[str]], rows: dict[str, frozenset[str]] | None = None,
                 ranks: dict[str, int] | None = None, whole: frozenset[str] = frozenset()):
        self.names = {name: keys for name, keys in names.items() if name and keys}
        self.whole = whole  # the subject of a paragraph that names none: the whole ledger
        self.rows = rows or {}  # names only a table row uses: 合计 (the whole ledger)
        self.ranks = ranks or {}
        ordered = sorted(self.names, key=len, reverse=True)  # longest first: 高新区人才公寓, not 高新区
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def find(self, text: str) -> list[tuple[int, int, frozenset[str]]]:
        """Return (start, end, subject keys) for every name in text, left to right, longest first."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.names[m.group()]) for m in self.pattern.finditer(text)]

    def strip(self, text: str) -> str:
        """Return text without the names in it."""
        return self.pattern.sub("", text) if self.pattern else text

    def blank_digits(self, text: str) -> str:
        """Return text with the digits inside names blanked (same length), so that "项目2" in
        "东岭镇项目25个项目" is not read as part of a figure."""
        if self.pattern is None or not any(ch.isdigit() for ch in text):
            return text
        return self.pattern.sub(lambda m: re.sub(r"\d", "\x01", m.group()), text)

    def of_row(self, cells: list[str]) -> tuple[str, frozenset[str]]:
        """Return the name and subject of a table row: the narrowest subject its text cells
        name (the project in 序号｜县区｜项目名称｜责任单位), the whole ledger for a 合计 row."""
        best: tuple[int, str, frozenset[str]] | None = None
        for text in (cell.strip() for cell in cells):
            if text in self.rows:
                return text, self.rows[text]
            found = [(self.ranks.get(text, 0), text, self.names[text])] if text in self.names else [
                (self.ranks.get(m.group(), 0), m.group(), self.names[m.group()])
                for m in (self.pattern.finditer(text) if self.pattern else ())][:1]
            for rank, name, keys in found:
                if best is None or rank > best[0]:
                    best = (rank, name, keys)
        return (best[1], best[2]) if best else ("", frozenset())


def label_figure(text: str, kind: str, start: int, end: int, names: SubjectNames,
                 *, listed: bool = False) -> Label:
    """Return the label of the figure at text[start:end] (start: its first digit) in the
    paragraph text."""
    masked = _mask(text[:start])
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(masked)), default=0)
    bounds = [sentence_start, *(m.end() for m in _CLAUSE_END.finditer(masked, sentence_start))]
    metric, keyword = (None, None) if listed else _metric(text, masked, bounds, kind, end, names)
    clause = masked[bounds[-1]:]
    spread = _spread(clause)
    if spread is not None:
        metric, subjects = _spread_label(text[:start], masked, bounds[-1], clause, kind, spread, names)
        if subjects:
            return Label(metric, subjects)
    return Label(metric, _subjects(text[:start], masked, bounds, keyword, names))


def _metric(text: str, masked: str, bounds: list[int], kind: str, end: int,
            names: SubjectNames) -> tuple[str | None, tuple[int, int] | None]:
    """Return the figure's metric and the span of its word (None: none found)."""
    clause_start = bounds[-1]
    metric, keyword = _metric_before(masked[clause_start:], kind)
    if keyword is not None:
        keyword = (keyword[0] + clause_start, keyword[1] + clause_start)
    elif _BRIDGE.fullmatch(names.strip(masked[clause_start:]).removeprefix("其中")):
        # "高新区完成率最高，为53.8%": the metric word ends the clause before;
        # "……；青河县最低，仅为17.2%": the one metric word of the part before the "；".
        if len(bounds) > 1 and not re.search(r"\d", previous := masked[bounds[-2]:clause_start - 1]):
            metric, keyword = _metric_before(previous, kind)
            keyword = keyword and (keyword[0] + bounds[-2], keyword[1] + bounds[-2])
        if metric is None and bounds[0] > 0 and masked[bounds[0] - 1] in "；;":
            part = masked[max((m.end() for m in _SENTENCE_END.finditer(masked, 0, bounds[0] - 1)), default=0):
                          bounds[0] - 1]
            found = {m for m, pattern in _KEYWORDS.get(kind, ()) if pattern.search(part)}
            metric = found.pop() if len(found) == 1 else None
    if metric is None and kind == "count":
        metric = _metric_after(text, end)
    if kind == "points" and re.match(r"\s*(?:及)?以上", text[end:]):
        metric = "threshold"  # "落后时序进度10个百分点以上": the lag threshold
    if _OTHER_TIME.search(masked, bounds[0]):
        return None, None  # "去年同期完成投资40亿元": not this period's figure
    return metric, keyword


def _mask(text: str) -> str:
    """Return text with every closed bracket pair blanked out (same length), innermost first."""
    while True:
        masked = _CLOSED.sub(lambda m: "\x00" * len(m.group()), text)
        if masked == text:
            return masked
        text = masked


def _metric_before(clause: str, kind: str) -> tuple[str | None, tuple[int, int] | None]:
    """Return the metric whose word ends the clause (only bridge words after it), and its span."""
    best: tuple[int, int, str] | None = None
    for metric, pattern in _KEYWORDS.get(kind, ()):
        for match in pattern.finditer(clause):
            if best is None or (match.end(), match.end() - match.start()) > (best[1], best[1] - best[0]):
                best = (match.start(), match.end(), metric)
    if best is None or not _BRIDGE.fullmatch(clause[best[1]:]):
        return None, None
    if kind == "count" and _LAGGING.search(clause) and _OVERDUE.search(clause):
        return "laggards", best[:2]  # "落后……或逾期未开工的项目有16个": the laggard list
    if kind == "count" and best[2] == "projects":
        return _qualified_projects(clause, best)
    return best[2], best[:2]


def _qualified_projects(clause: str, best: tuple[int, int, str]) -> tuple[str | None, tuple[int, int] | None]:
    """Return the metric of "……的项目共有N个": the qualifier's ("已开工的项目共有41个": started;
    "落后时序进度10个百分点以上的项目共有16个": the laggards), or all the projects."""
    qualifiers = [(match.end(), metric, match.start()) for metric, pattern in _KEYWORDS["count"]
                  if metric != "projects" for match in pattern.finditer(clause) if match.end() > best[0]]
    if qualifiers:
        _, metric, start = max(qualifiers)
        return metric, (start, best[1])
    if _LAGGING.search(clause[:best[0]]) and re.search(r"以上的(?:重点)?$", clause[:best[0]]):
        return "laggards", best[:2]
    return best[2], best[:2]


def _metric_after(text: str, end: int) -> str | None:
    """Return the metric a count's following words give ("9个项目未开工")."""
    tail = re.split(r"[，,。；！？;!?\n]", text[end:], maxsplit=1)[0]
    match = _AFTER_COUNT.match(tail)
    if match is None:
        return None
    if match.lastgroup in ("laggards", "overdue", "not_started") and _LAGGING.search(tail) and _OVERDUE.search(tail):
        return "laggards"  # "16个进度滞后或逾期未开工的项目"
    return match.lastgroup


def _subjects(lead: str, masked: str, bounds: list[int], keyword: tuple[int, int] | None,
              names: SubjectNames) -> frozenset[str]:
    """Return the subjects of the nearest clause that names any, going back in the sentence,
    then in the sentences before it in the paragraph; with none named, the whole ledger —
    unless the sentence speaks of some of it ("个别项目", "这些县区")."""
    found = [(s, keys) for s, e, keys in names.find(lead) if masked[s] != "\x00"
             and not (keyword and keyword[0] <= s < keyword[1])]
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(masked, 0, bounds[0]))]
    ends = [*bounds[1:], len(lead)]
    spans = [*zip(bounds, ends, strict=True), *itertools.pairwise(starts)]
    for clause_start, clause_end in sorted(spans, reverse=True):
        inside = [keys for s, keys in found if clause_start <= s < clause_end]
        if inside:
            return frozenset().union(*inside)
    return frozenset() if _PARTIAL.search(lead, bounds[0]) else names.whole


def _spread(clause: str) -> int | None:
    """Return the position of 分别 when the figure is one of a list after it ("分别为53.8%、42.0%")."""
    at = clause.rfind("分别")
    if at < 0:
        return None
    after = clause[at + 2:]
    items = _FIGURE.sub("", after)
    return at if re.fullmatch(r"(?:为|是|达到?|有)?[、\s]*", items.replace("、", "")) else None


def _spread_label(lead: str, masked: str, clause_start: int, clause: str, kind: str, at: int,
                  names: SubjectNames) -> tuple[str | None, frozenset[str]]:
    """Return the label of the i-th figure after 分别: the i-th metric word and the i-th name
    before it when the counts agree, the only one when there is one, else none/all."""
    head = clause[:at]
    position = len(_FIGURE.findall(clause[at:]))  # figures before this one, after 分别
    metrics = [metric for _, _, metric in sorted(
        (m.start(), m.end(), metric) for metric, p in _KEYWORDS.get(kind, ()) for m in p.finditer(head))]
    subjects = [keys for s, _, keys in names.find(lead[clause_start:clause_start + at])
                if masked[clause_start + s] != "\x00"]
    metric = metrics[0] if len(set(metrics)) == 1 else (
        metrics[position] if position < len(metrics) and len(metrics) > 1 else None)
    if len(subjects) > 1 and position < len(subjects):
        chosen = subjects[position]
    else:
        chosen = frozenset().union(*subjects) if subjects else frozenset()
    return metric, chosen


def header_label(header: str) -> tuple[str | None, str | None, str | None]:
    """Return (kind, unit, metric) a table column header gives its cells: "年度计划（万元）" →
    amount in 万元, plan; "完成率" → percent, completion rate; "项目数" → count, projects."""
    unit_match = re.search(r"[（(]\s*(万元|亿元|%|％|个百分点|百分点|个)\s*[)）]", header)
    unit = unit_match.group(1) if unit_match else None
    unit = {"％": "%", "百分点": "个百分点"}.get(unit, unit) if unit else None
    text = header[: unit_match.start()] if unit_match else header
    if _OTHER_TIME.search(text):  # 上年完成投资（万元）: another period, no metric of the ledger's
        return (_UNIT_KIND.get(unit), unit, None) if unit else (None, None, None)
    for kind, metric, pattern in _HEADERS:
        if pattern.search(text):
            if unit is not None and _UNIT_KIND.get(unit) != kind:
                return _UNIT_KIND.get(unit), unit, None
            return kind, unit or _DEFAULT_UNIT.get(kind), metric
    return (_UNIT_KIND.get(unit), unit, None) if unit else (None, None, None)


_UNIT_KIND = {"万元": "amount", "亿元": "amount", "%": "percent", "个百分点": "points", "个": "count"}
_DEFAULT_UNIT = {"percent": "%", "points": "个百分点", "count": "个"}
_HEADERS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("percent", "start_rate", re.compile(r"开工率")),
    ("percent", "completion_rate", re.compile(r"完成率|完成比例|占年度计划")),
    ("points", "gap_schedule", re.compile(rf"{_SCHEDULE}.*(?:差|比)|(?:差|比){_SCHEDULE}")),
    ("percent", "schedule", re.compile(_SCHEDULE)),
    ("amount", "remaining", re.compile(r"尚未完成|未完成投资|剩余")),
    ("amount", "completed", re.compile(r"完成投资|累计完成|已完成|完成额")),
    ("amount", "total", re.compile(r"总投资")),
    ("amount", "plan", re.compile(r"计划")),
    ("count", "overdue", re.compile(r"逾期未开工|过计划开工")),
    ("count", "not_started", re.compile(r"未开工")),
    ("count", "started", re.compile(r"开工")),
    ("count", "laggards", re.compile(r"滞后|落后")),
    ("count", "building", re.compile(r"在建")),
    ("count", "finished", re.compile(r"竣工")),
    ("count", "operating", re.compile(r"投产")),
    ("count", "suspended", re.compile(r"停工|停建")),
    ("count", "deferred", re.compile(r"暂缓")),
    ("count", "preparing", re.compile(r"前期")),
    ("count", "rank", re.compile(r"排名|位次|名次")),
    ("count", "projects", re.compile(r"项目数|项目个数|项目总数")),
)
