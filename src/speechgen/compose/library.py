"""The snippet library: snippets/*.yaml (built-in plus user folders) loaded and validated
(each passage vetted by compose/vetting.py)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from speechgen.compose.claims import unbacked
from speechgen.compose.env import make_environment
from speechgen.compose.vetting import Vetted, known_names, normalize_text, vet
from speechgen.compose.wording import Choice, WordingError, every_wording, parse_wording
from speechgen.errors import InputError, Problem
from speechgen.kinds import KIND_LABELS
from speechgen.paths import resource_dir
from speechgen.sources.documents import describe, load_yaml
from speechgen.sources.limits import MAX_TEMPLATE_TEXT_BYTES
from speechgen.sources.textfile import read_text

KINDS = tuple(KIND_LABELS)  # what a passage's ``kinds`` may name
DEFAULT_KINDS = ("speech", "bulletin", "notice")  # a passage without ``kinds``: the three kinds of a whole ledger
# Roles of docs/snippets.md: sub-point roles carry a lead, the others must not.
POINT_ROLES = frozenset({
    "awareness", "start_works", "overdue_starts", "factor_guarantee", "catch_up", "speed", "completion",
    "year_end_push", "half_year_push", "service", "preparation", "investment_attraction", "responsibility",
    "speaker_lead", "supervision", "style_of_work", "safety_quality", "bulletin_requirements", "notice_content",
    "notice_requirements", "supervision_requirements", "frame_review_starts", "frame_review_investment",
    "frame_review_districts",
    "frame_review_mechanism", "frame_review_completions", "issue_laggards", "issue_units", "issue_pace",
    "issue_starts", "issue_factors", "issue_watch", "frame_three_x_phenomena", "frame_three_x_keys",
    "frame_three_x_requirements",
})
PLAIN_ROLES = frozenset({
    "opening", "heard", "handoff", "closing", "turn_situation", "turn_measures", "turn_guarantees",
    "review_intro", "review_problems_intro", "review_requirements_intro", "three_x_preview",
    "three_x_phenomena_intro", "three_x_keys_intro", "three_x_requirements_intro",
    "say_progress", "say_starts", "say_completions", "say_units", "say_low_start", "say_categories", "say_natures",
    "say_season", "say_laggards",
    "say_lag_item", "say_lag_rest", "say_problems", "say_not_started", "say_units_detail", "say_problem_types",
    "say_remaining", "say_change", "say_change_projects", "say_change_units", "say_change_laggards",
    "bulletin_lead", "bulletin_assessment",
    "notice_purpose", "notice_scope", "supervision_opening",
})
_PASSAGE_KEYS = frozenset({"id", "kinds", "needs", "when", "unless", "lead", "text"})
MAX_SNIPPET_FILE_BYTES = MAX_TEMPLATE_TEXT_BYTES  # as a template's (issue 8); built-in files are < 20 KB
_YAML_HINT = "请检查缩进是否对齐（用空格，不用 Tab）、冒号是否为半角“:”且后面有空格，含冒号的文字请加引号"
_DIGITS = re.compile(r"[0-9０-９]")
_ID = re.compile(r"^[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*$")


@dataclass(frozen=True)
class Passage:
    """One reusable passage: its wording (Jinja over the context names and the observation
    records, with inline alternatives) and the observations it needs."""

    id: str
    role: str
    text: str
    lead: str | None
    kinds: frozenset[str]
    needs: frozenset[str]
    unless: frozenset[str]
    file: str
    line: int
    names: frozenset[str] = frozenset()  # the context names and records its wordings use
    segments: tuple[str | Choice, ...] = ()
    fields: frozenset[str] = frozenset()  # "record.field" its wordings print
    lead_segments: tuple[str | Choice, ...] = ()  # the lead's wordings ("[加快开工|抓紧开工]")

    @property
    def when(self) -> frozenset[str]:
        """The older name of ``needs``."""
        return self.needs

    def applies(self, kind: str, held: frozenset[str]) -> bool:
        """Return True when the passage may be used in a document of ``kind`` where ``held`` hold."""
        return kind in self.kinds and self.needs <= held and not (self.unless & held)


@dataclass(frozen=True)
class Role:
    """A role of the library: its title and where its passages came from."""

    name: str
    title: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class SnippetLibrary:
    """Every passage by role, in load order (built-in first, then each user folder)."""

    roles: dict[str, Role]
    passages: tuple[Passage, ...]

    def for_role(self, role: str) -> tuple[Passage, ...]:
        """Return the passages of a role (empty for an unknown role)."""
        return self._by_role.get(role, ())

    @functools.cached_property
    def _by_role(self) -> dict[str, tuple[Passage, ...]]:
        """The passages of each role, in load order: made once, not looked for on every pick."""
        by_role: dict[str, list[Passage]] = {}
        for passage in self.passages:
            by_role.setdefault(passage.role, []).append(passage)
        return {role: tuple(passages) for role, passages in by_role.items()}

    def matching(self, role: str, kind: str, held: frozenset[str]) -> tuple[Passage, ...]:
        """Return the passages of a role usable in ``kind`` where the names ``held`` hold."""
        return tuple(p for p in self.for_role(role) if p.applies(kind, held))

    def has_role(self, role: str) -> bool:
        """Return True when the library has passages of ``role``."""
        return role in self.roles


def _passage_lines(node: yaml.Node | None) -> list[int]:
    """Return the 1-based line of each item of the ``passages`` list (best effort)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "passages" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _names(value: Any) -> list[str] | None:
    """Return a YAML list of names (or one name) as a list of str; None when malformed."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


_VETTED: dict[tuple[object, frozenset[str]], tuple[Vetted | None, tuple[str, ...]]] = {}
_VETTED_KEPT = 20_000  # passages; the built-in library has about 460


def _content_key(value: Any) -> object:
    """Return a passage's text (a YAML value: text, list of texts and lists) as a hashable key
    that equals another only for the same content (types kept: "1" is not 1)."""
    if isinstance(value, list):
        return ("list", tuple(_content_key(item) for item in value))
    if isinstance(value, dict):
        return ("dict", tuple(sorted((repr(k), _content_key(v)) for k, v in value.items())))
    return (type(value).__name__, repr(value))


class _Loader:
    """Collects passages and every problem found, over all files, in one pass."""

    def __init__(self) -> None:
        self.env = make_environment()
        self.passages: list[Passage] = []
        self.roles: dict[str, Role] = {}
        self.problems: list[Problem] = []
        self.ids: dict[str, str] = {}

    def problem(self, file: str, line: int | None, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(message=message, file=file, row=line, hint=hint))

    def load_file(self, path: Path) -> None:
        shown = str(path)
        try:  # the bounded reader and the one text decoder of sources/, as for a template
            source = read_text(path, "片段文件", MAX_SNIPPET_FILE_BYTES, "请保存为 UTF-8 或 GBK 编码的 YAML 文件")
        except InputError as error:
            self.problems.extend(replace(problem, file=shown) for problem in error.problems)
            return
        try:
            document = load_yaml(source)  # bounded: nesting, references, values (sources/documents.py)
        except yaml.YAMLError as error:
            what, line = describe(error, source)
            self.problem(shown, line, f"YAML 格式有误：{what}", _YAML_HINT)
            return
        data = document.value
        if not isinstance(data, dict) or not isinstance(data.get("passages"), list):
            self.problem(shown, None, "片段文件应包含 role、title 和 passages（段落列表）")
            return
        role = data.get("role")
        if role != path.stem:
            self.problem(shown, None, f"role 应与文件名一致，文件名为“{path.stem}”，role 写的是“{role}”")
            return
        title = str(data.get("title") or role)
        known = self.roles.get(role)
        files = (*known.files, shown) if known else (shown,)
        self.roles[role] = Role(role, known.title if known else title, files)
        lines = _passage_lines(document.node)
        for index, item in enumerate(data["passages"]):
            line = lines[index] if index < len(lines) else None
            self.load_passage(role, item, shown, line)

    def load_passage(self, role: str, item: Any, file: str, line: int | None) -> None:
        if not isinstance(item, dict):
            self.problem(file, line, "passages 中的每一项应是包含 id、needs 和 text 的映射")
            return
        before = len(self.problems)
        ident = item.get("id")
        if not isinstance(ident, str) or not _ID.match(ident):
            self.problem(file, line, f"段落缺少合法的 id（如 {role}-01），现为“{ident}”")
            ident = f"{role}-?"
        elif ident in self.ids:
            self.problem(file, line, f"段落 id“{ident}”重复（另见 {self.ids[ident]}）", "id 在整个片段库中必须唯一")
        self.ids.setdefault(ident, file)
        where = f"段落 {ident}："
        unknown = sorted(set(item) - _PASSAGE_KEYS)
        if unknown:
            self.problem(file, line, f"{where}不认识的键 {'、'.join(unknown)}",
                         "可用的键：id、kinds、needs、unless、lead、text")
        kinds = _names(item.get("kinds"))
        if kinds is None or any(k not in KINDS for k in kinds):
            self.problem(file, line, f"{where}kinds 只能是 {'、'.join(KINDS)} 的列表")
            kinds = []
        needs, unless = self.check_names(item, where, file, line)
        vetted, problems = self.vet(item.get("text"), needs)
        for message in problems:
            self.problem(file, line, where + message)
        lead = self.check_lead(role, item.get("lead"), where, file, line, needs)
        if len(self.problems) == before and vetted is not None:
            self.passages.append(Passage(
                id=ident, role=role, text=vetted.text, lead=lead[0] if lead else None,
                kinds=frozenset(kinds or DEFAULT_KINDS), needs=needs, unless=unless, file=file, line=line or 0,
                names=vetted.names, segments=vetted.segments, fields=vetted.fields,
                lead_segments=lead[1] if lead else (),
            ))

    def vet(self, text: Any, needs: frozenset[str]) -> tuple[Vetted | None, list[str]]:
        """Return vet()'s verdict on a passage's text: a pure function of the text and needs, kept
        per process by their content (a library loaded again with one more folder vets only the
        new passages)."""
        key = (_content_key(text), needs)
        if key not in _VETTED:
            if len(_VETTED) >= _VETTED_KEPT:
                _VETTED.clear()
            verdict, problems = vet(text, needs, self.env)
            _VETTED[key] = (verdict, tuple(problems))
        verdict, kept = _VETTED[key]
        return verdict, list(kept)

    def check_names(self, item: dict, where: str, file: str, line: int | None) -> tuple[frozenset[str], frozenset[str]]:
        """Return needs (with the older key when, the same thing) and unless, reporting unknown
        names and a passage that needs nothing (every passage names the observation backing it)."""
        found: dict[str, list[str]] = {}
        for key in ("needs", "when", "unless"):
            names = _names(item.get(key))
            if names is None:
                self.problem(file, line, f"{where}{key} 应是观察名称的列表")
                names = []
            bad = known_names(names)
            if bad:
                self.problem(file, line, f"{where}{key} 中有不认识的观察：{'、'.join(bad)}",
                             "可用的观察见 docs/snippets.md 的 Observations 一节")
            found[key] = [n for n in names if n not in bad]
        needs = frozenset(found["needs"] + found["when"])
        if not needs:
            self.problem(file, line, f"{where}没有写 needs（这段话依据的观察）",
                         "每段话都要写明依据，如 needs: [behind]；总括性的话写 needs: [meeting]")
        return needs, frozenset(found["unless"])

    def check_lead(self, role: str, lead: Any, where: str, file: str, line: int | None,
                   needs: frozenset[str] = frozenset()) -> tuple[str, tuple[str | Choice, ...]] | None:
        """Return the lead and its wordings; report a missing or malformed one."""
        if lead is None:
            if role in POINT_ROLES:
                self.problem(file, line, f"{where}角色 {role} 的段落必须有 lead（小标题短语）")
            return None
        if role in PLAIN_ROLES:
            self.problem(file, line, f"{where}角色 {role} 的段落不用 lead")
        if not isinstance(lead, str) or not lead.strip():
            self.problem(file, line, f"{where}lead 应为一个短语")
            return None
        lead = normalize_text(lead)
        try:
            segments = parse_wording(lead)
        except WordingError as error:
            self.problem(file, line, f"{where}lead 的写法有误：{error}")
            return None
        for message in unbacked(lead, needs):
            self.problem(file, line, f"{where}lead {message}")
        for wording in every_wording(segments):
            bad_end = wording.endswith(("。", "；", "，", "：", "！"))
            if not wording or bad_end or _DIGITS.search(wording) or "{" in wording:
                self.problem(file, line, f"{where}lead“{wording}”不应为空，不应带句末标点、数字或模板表达式")
        return lead, segments

    def check_roles(self) -> None:
        """Every passage of a role has a lead, or none has (pick_point needs one)."""
        for role in self.roles:
            leads = {p.lead is not None for p in self.passages if p.role == role}
            if len(leads) > 1:
                self.problem(self.roles[role].files[0], None, f"角色 {role} 的段落有的带 lead、有的不带",
                             "同一角色的段落要么都有 lead，要么都没有")


def snippet_files(folders: Iterable[Path]) -> list[Path]:
    """Return the *.yaml files of the folders, each folder in name order."""
    files: list[Path] = []
    for folder in folders:
        files.extend(sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")))
    return files


def load_library(user_dirs: Sequence[Path] = (), builtin: Path | None = None) -> SnippetLibrary:
    """Return the built-in library joined by the passages of ``user_dirs``.

    Raises InputError listing every problem of every file (bad YAML, unknown flag, duplicate id,
    a name not in the context, a number or placeholder written into a passage …). A library is
    loaded once per process and reloaded only when a file is added, removed or changed.
    """
    folders = [Path(builtin or resource_dir("snippets")), *(Path(d) for d in user_dirs)]
    signature = tuple(
        (str(folder), folder.is_dir(),
         tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in snippet_files([folder])
               if folder.is_dir()))
        for folder in folders
    )
    return _load_library(signature)


@functools.lru_cache(maxsize=8)
def _load_library(signature: tuple[tuple[str, bool, tuple[tuple[str, int, int], ...]], ...]) -> SnippetLibrary:
    """Return the library of the folders in ``signature`` (its file stamps are the cache key)."""
    loader = _Loader()
    builtin, *users = signature
    for folder, exists, _ in users:
        if not exists:
            loader.problem(folder, None, "片段目录不存在", "--snippets 应指向一个包含 *.yaml 的文件夹")
    for path in snippet_files([Path(folder) for folder, exists, _ in (builtin, *users) if exists]):
        loader.load_file(path)
    loader.check_roles()
    if loader.problems:
        raise InputError(loader.problems)
    return SnippetLibrary(roles=dict(loader.roles), passages=tuple(loader.passages))
