"""The validated input: Meeting (会议信息), Project (台账中的一个项目) and Dossier (both together)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from speechgen.errors import Problem


class Stage(StrEnum):
    """项目状态, normalised to the seven stages offices report.

    停工 (work stopped after it began) counts as 已开工, as 开工率 does in the offices' own
    tables; 暂缓 (暂缓实施: put off by decision before it began) counts as not started.
    """

    PREPARATION = "前期"
    NOT_STARTED = "未开工"
    DEFERRED = "暂缓"
    UNDER_CONSTRUCTION = "在建"
    SUSPENDED = "停工"
    COMPLETED = "竣工"
    OPERATING = "投产"

    @property
    def started(self) -> bool:
        """Return True for 在建/停工/竣工/投产, the stages counted as 已开工."""
        return self in STARTED_STAGES


STARTED_STAGES = frozenset({Stage.UNDER_CONSTRUCTION, Stage.SUSPENDED, Stage.COMPLETED, Stage.OPERATING})

Level = Literal["市", "县", "区"]
ScheduleBasis = Literal["month", "day"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Contact(_Frozen):
    """联系人 line of a notice: "联系人：王强，联系电话：0000-1234567"."""

    name: str
    phone: str | None = None
    email: str | None = None


class InspectionGroup(_Frozen):
    """One 督查组 of inspection.groups given as a list: 组别, 带队领导, 成员单位, 负责县区."""

    name: str = Field(description="组别，如 第一组")
    leader: str | None = Field(default=None, description="带队领导")
    members: str | None = Field(default=None, description="成员单位")
    districts: str | None = Field(default=None, description="负责县区")


class Inspection(_Frozen):
    """督查安排 of a notice. Every field is optional; missing dates read "（时间待定）" and
    generate warns (a notice without them is hollow)."""

    start: dt.date | None = None
    end: dt.date | None = None
    groups: int | tuple[InspectionGroup, ...] | None = Field(
        default=None, description="督查组数量，或每组一项的列表（组别、带队领导、成员单位、负责县区）")
    report_by: dt.date | None = Field(default=None, description="自查报告报送截止日期")
    methods: tuple[str, ...] = ("听取汇报", "查阅资料", "实地查看", "个别座谈")

    @property
    def group_count(self) -> int | None:
        """Return the number of 督查组 (the list's length when the groups are listed)."""
        return len(self.groups) if isinstance(self.groups, tuple) else self.groups

    @property
    def group_list(self) -> tuple[InspectionGroup, ...]:
        """Return the listed 督查组 (none when only their number is given)."""
        return self.groups if isinstance(self.groups, tuple) else ()


class HonorRoll(_Frozen):
    """The words of a bulletin's 表扬和批评 part (honor_roll in meeting.yaml): its heading and the
    verb phrases "对……予以通报表扬" / "对……予以通报批评"; an office may say 红黑榜, 列入红榜, 列入黑榜."""

    heading: str = Field(default="通报表扬和批评", description="这一部分的标题，如 红黑榜")
    praise: str = Field(default="予以通报表扬", description="表扬的说法，如 列入红榜")
    blame: str = Field(default="予以通报批评", description="批评的说法，如 列入黑榜")


PageNumbers = Literal["odd_even", "center"]  # = speechgen.writers.options.PageNumbers (a test keeps them equal)


class LayoutFonts(_Frozen):
    """layout.fonts: the unit's font name for each role (as style.FontSet); unset keeps the default."""

    title: str | None = Field(default=None, description="标题、附件标题，默认 方正小标宋简体")
    body: str | None = Field(default=None, description="正文、三级四级标题，默认 仿宋_GB2312")
    hei: str | None = Field(default=None, description="一级标题、附件标识，默认 黑体")
    kai: str | None = Field(default=None, description="二级标题、讲话人，默认 楷体_GB2312")
    song: str | None = Field(default=None, description="页码，默认 宋体")
    latin: str | None = Field(default=None, description="数字和字母，默认 Times New Roman")


class Layout(_Frozen):
    """版式 (layout:) — a unit's choices within GB/T 9704 for every output; unset keeps the default.

    The choices themselves are explained on speechgen.writers.options.RenderOptions.
    """

    fonts: LayoutFonts | None = None
    page_numbers: PageNumbers | None = Field(default=None, description="页码位置：odd_even 单右双左 / center 居中")
    char_grid: bool | None = Field(default=None, description="每行 28 字（true）或按字号自然排 27 字（false）")
    imprint_at_bottom: bool | None = Field(default=None, description="版记置于末页下端（true）或紧接正文（false）")


class Meeting(_Frozen):
    """会议信息 from meeting.yaml: who speaks where, and the data's cut-off date (数据截至)."""

    region: str = Field(description="地区，如 示例市")
    level: Level = "市"
    meeting: str = Field(description="会议名称，如 全市重点项目调度会")
    date: dt.date = Field(description="会议日期 / 成文日期")
    as_of: dt.date = Field(description="数据截至日期")
    speaker: str | None = Field(default=None, description="讲话人，如 市长 李明")
    issuer: str | None = Field(default=None, description="发文机关")
    doc_number: str | None = Field(default=None, description="发文字号，如 示项办〔2024〕12号")
    doc_numbers: dict[str, str] = Field(default_factory=dict,
                                        description="各类文稿的发文字号，如 bulletin: 示项办〔2024〕12号")
    authorized_by: str | None = Field(default=None, description="发文依据，如 经市政府同意")
    honor_roll: HonorRoll | None = None
    addressee: str | None = Field(default=None, description="主送机关")
    cc: str | None = Field(default=None, description="抄送")
    printer: str | None = Field(default=None, description="印发机关")
    print_date: dt.date | None = None
    reporters: tuple[str, ...] = Field(default=(), description="会上作汇报或发言的单位/同志")
    deadline: dt.date | None = Field(default=None, description="讲话中点名整改的完成时限，不写则为会议次月月底")
    schedule_basis: ScheduleBasis | None = None
    contact: Contact | None = None
    inspection: Inspection | None = None
    layout: Layout | None = None
    addressees: dict[str, str] = Field(default_factory=dict,
                                       description="批量生成时各县区、单位的主送机关，如 青河县: 青河县人民政府")
    feedback_by: dt.date | None = Field(default=None, description="督办通知、督办单：整改情况书面报送的截止日期")
    previous_as_of: tuple[dt.date, ...] = Field(
        default=(), description="与上期比较时（--previous）上期台账的数据截至日期，多期时按从早到晚的顺序")

    @property
    def scope(self) -> str:
        """Return 全市 / 全县 / 全区."""
        return f"全{self.level}"

    @property
    def issuer_or_default(self) -> str:
        """Return the 发文机关, defaulting to the region's 重点项目建设领导小组办公室."""
        return self.issuer or f"{self.region}重点项目建设领导小组办公室"

    def doc_number_for(self, kind: str) -> str | None:
        """Return the 发文字号 of a document of ``kind``: doc_numbers' entry, else doc_number."""
        return self.doc_numbers.get(kind) or self.doc_number

    @property
    def honor_roll_or_default(self) -> HonorRoll:
        """Return the words of the 表扬和批评 part (the defaults when honor_roll is not given)."""
        return self.honor_roll or HonorRoll()

    @property
    def addressee_or_default(self) -> str:
        """Return the 主送机关 line (without the trailing colon)."""
        if self.addressee:
            return self.addressee.rstrip("：:")
        if self.level == "市":
            return "各县（市、区）人民政府，市直有关单位"
        if self.level == "区":
            return "各街道办事处、乡（镇）人民政府，区直有关单位"
        return "各乡（镇）人民政府、街道办事处，县直有关单位"


class Project(_Frozen):
    """One row of the 项目台账. Amounts are in 万元 whatever unit the ledger used."""

    name: str
    district: str
    owner: str
    code: str | None = Field(default=None, description="项目编号（有此列时与上期台账按编号对应）")
    leader: str | None = None
    nature: str | None = None
    category: str | None = None
    total: Decimal
    annual_plan: Decimal
    completed: Decimal
    status: Stage
    status_text: str | None = Field(default=None, description="台账中项目状态的原文（与 status 不同时保留）")
    planned_start: dt.date | None = None
    problem: str | None = None
    problem_type: str | None = None
    progress: str | None = None
    row: int | None = Field(default=None, description="台账中的行号，用于报错定位")


class Dossier(_Frozen):
    """Everything the facts layer needs: the meeting and the ledger's projects."""

    meeting: Meeting
    projects: tuple[Project, ...]
    source: str = ""
    warnings: tuple[Problem, ...] = ()
