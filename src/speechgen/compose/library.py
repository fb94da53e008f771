"""The snippet library: snippets/*.yaml (built-in plus user folders) loaded and validated."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml
from jinja2 import meta

from speechgen.compose.context import CONTEXT_NAMES
from speechgen.compose.env import make_environment
from speechgen.compose.flags import KNOWN_FLAGS
from speechgen.errors import InputError, Problem
from speechgen.kinds import KIND_LABELS
from speechgen.paths import resource_dir

KINDS = tuple(KIND_LABELS)  # what a passage's ``kinds`` may name
DEFAULT_KINDS = ("speech", "bulletin", "notice")  # a passage without ``kinds``: the three kinds of a whole ledger
# Roles of docs/snippets.md: sub-point roles carry a lead, the others must not.
POINT_ROLES = frozenset({
    "awareness", "speed", "preparation", "investment_attraction", "factor_guarantee", "service",
    "responsibility", "supervision", "style_of_work", "safety_quality", "bulletin_requirements",
    "notice_content", "notice_requirements", "supervision_requirements",
})
PLAIN_ROLES = frozenset({
    "opening", "heard", "handoff", "achievements", "gaps", "closing", "bulletin_lead",
    "bulletin_assessment", "notice_purpose", "supervision_opening",
})
_PASSAGE_KEYS = frozenset({"id", "kinds", "when", "unless", "lead", "text"})
MAX_SNIPPET_FILE_BYTES = 1_000_000  # the largest built-in file is < 20 KB
_PLACEHOLDERS = re.compile(r"XX|xx|××|某某|〇〇|＊|\*\*|【|】")
_EXPRESSIONS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_DIGITS = re.compile(r"[0-9０-９]")
_ID = re.compile(r"^[A-Za-z0-9_]+(-[A-Za-z0-9_]+)*$")
_WIDE = r"[^\x00-\x7f]"
_SPACE_NEAR_WIDE = re.compile(rf"(?<={_WIDE})\s+|\s+(?={_WIDE})")


@dataclass(frozen=True)
class Passage:
    """One reusable passage: text (a Jinja template over CONTEXT_NAMES) and its conditions."""

    id: str
    role: str
    text: str
    lead: str | None
    kinds: frozenset[str]
    when: frozenset[str]
    unless: frozenset[str]
    file: str
    line: int
    names: frozenset[str] = frozenset()  # the context names its text uses

    def applies(self, kind: str, flags: frozenset[str]) -> bool:
        """Return True when the passage may be used in a document of ``kind`` under ``flags``."""
        return kind in self.kinds and self.when <= flags and not (self.unless & flags)


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
        return tuple(p for p in self.passages if p.role == role)

    def matching(self, role: str, kind: str, flags: frozenset[str]) -> tuple[Passage, ...]:
        """Return the passages of a role usable in ``kind`` under ``flags``."""
        return tuple(p for p in self.for_role(role) if p.applies(kind, flags))


def normalize_text(text: str) -> str:
    """Return the text as one line: whitespace next to Chinese characters removed (YAML folding
    joins lines with spaces, which Chinese text must not have), other runs made one space."""
    text = _SPACE_NEAR_WIDE.sub("", text.strip())
    return re.sub(r"\s+", " ", text)


def _passage_lines(source: str) -> list[int]:
    """Return the 1-based line of each item of the ``passages`` list (best effort)."""
    try:
        node = yaml.compose(source)
    except yaml.YAMLError:
        return []
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
        try:
            size = path.stat().st_size
            if size > MAX_SNIPPET_FILE_BYTES:
                self.problem(shown, None, f"片段文件过大（{size:,} 字节，上限 {MAX_SNIPPET_FILE_BYTES:,}）",
                             "一个片段文件通常只有几 KB 到几十 KB；请拆分或删去无关内容")
                return
            source = path.read_text(encoding="utf-8")
            data = yaml.safe_load(source)
        except (OSError, UnicodeDecodeError) as error:
            self.problem(shown, None, f"无法读取片段文件：{error}", "请保存为 UTF-8 编码的 YAML 文件")
            return
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            self.problem(shown, mark.line + 1 if mark else None, f"YAML 格式错误：{error}")
            return
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
        lines = _passage_lines(source)
        for index, item in enumerate(data["passages"]):
            line = lines[index] if index < len(lines) else None
            self.load_passage(role, item, shown, line)

    def load_passage(self, role: str, item: Any, file: str, line: int | None) -> None:
        if not isinstance(item, dict):
            self.problem(file, line, "passages 中的每一项应是包含 id 和 text 的映射")
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
                         "可用的键：id、kinds、when、unless、lead、text")
        kinds, when, unless = (_names(item.get(key)) for key in ("kinds", "when", "unless"))
        if kinds is None or any(k not in KINDS for k in kinds):
            self.problem(file, line, f"{where}kinds 只能是 {'、'.join(KINDS)} 的列表")
            kinds = []
        for key, names in (("when", when), ("unless", unless)):
            bad = [n for n in names or [] if n not in KNOWN_FLAGS] if names is not None else ["（格式错误）"]
            if bad:
                self.problem(file, line, f"{where}{key} 中有不认识的条件：{'、'.join(bad)}",
                             "可用的条件见 docs/snippets.md 的 Flags 一节")
        checked = self.check_text(item.get("text"), where, file, line)
        lead = self.check_lead(role, item.get("lead"), where, file, line)
        if len(self.problems) == before and checked is not None:
            self.passages.append(Passage(
                id=ident, role=role, text=checked[0], lead=lead, kinds=frozenset(kinds or DEFAULT_KINDS),
                when=frozenset(when or ()), unless=frozenset(unless or ()), file=file, line=line or 0,
                names=checked[1],
            ))

    def check_text(self, text: Any, where: str, file: str, line: int | None) -> tuple[str, frozenset[str]] | None:
        if not isinstance(text, str) or not text.strip():
            self.problem(file, line, f"{where}缺少 text")
            return None
        text = normalize_text(text)
        literal = _EXPRESSIONS.sub("", text)
        if found := _PLACEHOLDERS.search(literal):
            self.problem(file, line, f"{where}含有占位符或 Markdown 记号“{found.group()}”", "请写成完整的句子")
        if found := _DIGITS.search(literal):
            self.problem(file, line, f"{where}含有自带的数字“{found.group()}”",
                         "片段中的数字都应来自台账，请用 {{ n_projects }} 等名称")
        try:
            names = meta.find_undeclared_variables(self.env.parse(text))
        except jinja2.TemplateSyntaxError as error:
            self.problem(file, line, f"{where}模板语法错误：{error.message}")
            return None
        unknown = sorted(names - set(CONTEXT_NAMES))
        if unknown:
            self.problem(file, line, f"{where}使用了不存在的名称 {'、'.join(unknown)}",
                         "可用的名称见 docs/snippets.md 的 Context 一节")
        return text, frozenset(names)

    def check_lead(self, role: str, lead: Any, where: str, file: str, line: int | None) -> str | None:
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
        if lead.endswith(("。", "；", "，", "：", "！")) or _DIGITS.search(lead) or "{" in lead:
            self.problem(file, line, f"{where}lead“{lead}”不应带句末标点、数字或模板表达式")
        return lead

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
