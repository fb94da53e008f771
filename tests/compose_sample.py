"""A small hand-made Dossier for the compose tests (five districts, laggards, problems).

Not collected by pytest (no test_ prefix); the compose and generate tests import it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from speechgen.facts import compute_facts
from speechgen.facts.types import Facts
from speechgen.model import Contact, Dossier, Inspection, Meeting, Project, Stage

D = Decimal
ONE = D(1)
U, B, C, P = Stage.UNDER_CONSTRUCTION, Stage.COMPLETED, Stage.OPERATING, Stage.PREPARATION

# name, district, owner, leader, annual plan, completed (万元), stage, planned start, problem
_ROWS: tuple[tuple[str, str, str, str | None, str, str, Stage, dt.date | None, str | None], ...] = (
    ("东城智能制造产业园", "东城区", "东城区工信局", "张伟", "30000", "16800", U, None, None),
    ("东城数据中心二期", "东城区", "东城区发改局", "张伟", "12000", "6100", U, None, None),
    ("东城老旧小区改造", "东城区", "东城区住建局", "刘洋", "8000", "2300", U, None, "资金拨付滞后"),
    ("西湖文旅综合体", "西湖区", "西湖区文旅局", "王芳", "20000", "9800", U, None, None),
    ("西湖污水处理厂提标", "西湖区", "西湖区水务局", "王芳", "6000", "3100", B, None, None),
    ("西湖冷链物流中心", "西湖区", "西湖区商务局", None, "15000", "0", P, dt.date(2026, 3, 1), "用地指标未落实"),
    ("南岗新材料产业园", "南岗区", "南岗区工信局", "李强", "25000", "5200", U, None, "用地报批未完成"),
    ("南岗快速路改造", "南岗区", "市交通运输局", "李强", "18000", "7400", U, None, "征迁"),
    ("南岗职教园区", "南岗区", "市教育局", "陈静", "9000", "4300", C, None, None),
    ("北山光伏发电", "北山县", "北山县发改局", "赵敏", "22000", "2100", U, None, "用地手续办理慢"),
    ("北山农产品加工园", "北山县", "北山县农业农村局", "赵敏", "10000", "0", Stage.NOT_STARTED, dt.date(2026, 4, 15),
     "资金未到位"),
    ("北山县医院迁建", "北山县", "北山县卫健局", "孙丽", "14000", "5600", U, None, None),
    ("高新区芯片封测", "高新区", "高新区管委会", "周杰", "40000", "19500", U, None, None),
    ("高新区人才公寓", "高新区", "高新区管委会", "周杰", "7000", "3000", U, None, "规划调整"),
    ("高新区孵化器", "高新区", "市科技局", "吴刚", "5000", "0", P, dt.date(2026, 9, 1), None),
)


def sample_meeting(**changes: object) -> Meeting:
    """Return the sample meeting (示例市, 2026-06-05, data to 5月底), with optional changes."""
    base = {
        "region": "示例市",
        "level": "市",
        "meeting": "全市重点项目建设调度会",
        "date": dt.date(2026, 6, 5),
        "as_of": dt.date(2026, 5, 31),
        "speaker": "市长 李明",
        "issuer": "示例市重点项目建设领导小组办公室",
        "doc_number": "示项办〔2026〕12号",
        "cc": "市委办公室，市人大常委会办公室，市政协办公室",
        "printer": "示例市重点项目建设领导小组办公室",
        "reporters": ("东城区", "北山县", "市发展改革委"),
        "contact": Contact(name="王强", phone="0000-1234567"),
        "inspection": Inspection(start=dt.date(2026, 6, 11), end=dt.date(2026, 6, 14), groups=4,
                                 report_by=dt.date(2026, 6, 9)),
    }
    base.update(changes)
    return Meeting(**base)  # type: ignore[arg-type]


def sample_projects(scale: Decimal = ONE) -> tuple[Project, ...]:
    """Return the sample projects; ``scale`` multiplies the completed amounts (to move ahead/behind)."""
    projects = []
    for index, (name, district, owner, leader, plan, done, stage, start, problem) in enumerate(_ROWS):
        projects.append(Project(
            name=name + "项目", district=district, owner=owner, leader=leader,
            total=D(plan) * 3, annual_plan=D(plan), completed=(D(done) * scale).quantize(D(1)),
            status=stage, planned_start=start, problem=problem, row=index + 4,
        ))
    return tuple(projects)


def sample_dossier(scale: Decimal = ONE, **meeting: object) -> Dossier:
    return Dossier(meeting=sample_meeting(**meeting), projects=sample_projects(scale), source="sample")


def sample_facts(scale: Decimal = ONE, **meeting: object) -> Facts:
    """Return the Facts of the sample (behind 时序进度 at scale 1; ahead at scale ≈ 1.4)."""
    return compute_facts(sample_dossier(scale, **meeting))


def smooth_facts(**meeting: object) -> Facts:
    """Return Facts ahead of 时序进度 with every project started, no laggard and no problem."""
    projects = tuple(
        p.model_copy(update={"status": U, "planned_start": None, "problem": None,
                             "completed": (p.annual_plan * D("0.5")).quantize(D(1))})
        for p in sample_projects()
    )
    return compute_facts(Dossier(meeting=sample_meeting(**meeting), projects=projects, source="sample"))
