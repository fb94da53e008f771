"""What a passage asserts — praise, blame, a trend, a cause, a delay, completion, readiness, the
time of year — read from its words, and the observations that may back each claim: a passage
that asserts one must need (``needs:``) a name that backs it, and a claim nothing in a ledger can
back (a trend: the ledger has no monthly series) is refused outright; 较上月 is backed only by a
previous period's ledger (``--previous``: compared and the change names)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from speechgen.facts.types import PROBLEM_TYPES

_POSITIVE = ("ahead", "tone_well_ahead", "tone_ahead", "units_ahead", "units_all_ahead", "all_started",
             "few_not_started", "no_laggards", "has_completed", "has_operating", "half_done",
             "gap_narrowed", "turned_ahead", "rank_up", "cleared_laggards", "newly_started", "newly_finished")
_NEGATIVE = ("behind", "slightly_behind", "far_behind", "tone_slightly_behind", "tone_behind",
             "tone_seriously_behind", "tone_severely_behind", "units_behind", "units_all_behind",
             "units_far_behind", "low_start_units", "has_laggards", "single_laggard", "laggards_many",
             "laggards_majority", "has_overdue", "many_not_started", "none_started", "half_missed",
             "speaker_laggards", "blocked_not_started", "item_overdue", "item_preparation", "item_no_investment",
             "item_behind", "rest_overdue", "rest_behind", "rest_mixed",
             "gap_widened", "gap_narrowed", "turned_behind", "rank_down", "continuing_laggards", "long_laggards",
             "new_laggards")
# what a previous period (--previous) backs: saying 较上月 at all
_COMPARED = ("compared", "rate_up", "gap_narrowed", "gap_widened", "turned_ahead", "turned_behind", "rank_up",
             "rank_down", "rank_same", "newly_started", "newly_finished", "projects_added", "projects_removed",
             "units_rank_moved", "units_rank_up", "units_rank_down", "unit_overtook", "continuing_laggards",
             "long_laggards", "cleared_laggards", "new_laggards")
_CAUSES = (*_NEGATIVE, "has_problems", "problems_tied", *(f"problem_{t}" for t in PROBLEM_TYPES),
           *(f"focus_{t}" for t in PROBLEM_TYPES))
_OVERDUE = ("has_overdue", "item_overdue", "item_preparation", "rest_overdue", "rest_mixed")
# flat context names that rank units (best/worst by rate, whatever their gap)
RANK_NAMES = frozenset({"best_district", "best_district_rate", "top_districts", "worst_district",
                        "worst_district_rate", "bottom_districts"})


@dataclass(frozen=True)
class Claim:
    """A kind of assertion: the words that make it, and the names that may back it (none: it
    can never be backed)."""

    kind: str
    words: tuple[str, ...]
    backing: tuple[str, ...]
    hint: str


CLAIMS: tuple[Claim, ...] = (
    Claim("表扬地方", ("走在前列", "走在了前列", "走在前面", "走在了前面", "跑在前面", "领跑", "位居前列", "名列前茅",
                   "排在前列", "第一方阵"),
          ("units_ahead", "units_all_ahead"), "表扬地方要依据 units_ahead（快于时序进度的地方），不能只凭排名"),
    Claim("表扬", ("超额", "好于预期", "成效显著", "成效明显", "势头强劲", "再创佳绩", "喜人", "可喜", "乘势而上",
                 "保持领先", "态势良好", "良好态势", "良好势头", "好的势头", "进展较好", "值得肯定", "值得充分肯定",
                 "成绩来之不易", "干得好", "赢得了主动", "表扬", "点赞", "可圈可点"),
          _POSITIVE, "表扬要依据好的观察，如 ahead、units_ahead、all_started、half_done"),
    Claim("追赶", ("追赶", "追回", "奋起直追", "赶上来", "补回来", "迎头赶上", "掉队", "拖后腿", "拖了后腿", "欠账"),
          _NEGATIVE, "说追赶、掉队要依据落后的观察，如 behind、units_behind、has_laggards"),
    Claim("趋势", ("逐月增加", "逐月加快", "逐月提高", "逐月上升", "逐月下滑", "逐月回落", "逐步加快", "持续加快",
                 "持续提升", "稳步提升", "不断加快", "越来越快", "持续向好", "明显加快", "节节攀升", "稳中有升", "同比",
                 "比去年", "较去年", "持续扩大", "不断扩大", "明显提速", "日趋", "日益"),
          (), "台账只有截至一天的数据，没有逐月或同比数据，段落不能说趋势"),
    Claim("较上期", ("环比", "较上月", "比上月", "与上月相比", "同上月相比", "上个月", "较上期", "比上期", "与上期相比",
                  "摘帽", "排名上升", "排名下降", "新增滞后"),
          _COMPARED, "说较上月、摘帽、排名升降要依据上期台账（--previous）的观察，如 compared、gap_narrowed"),
    Claim("原因", ("主观努力不够", "主观原因", "客观原因", "根子在", "根子却在", "根源在", "归根到底", "归根结底",
                 "说到底", "原因在于", "根本原因"),
          _CAUSES, "说原因要依据落后或问题的观察，如 behind、has_laggards、has_problems"),
    Claim("拖延", ("迟迟", "一拖再拖", "久拖"), _OVERDUE, "说“迟迟”“一拖再拖”要依据逾期未开工（has_overdue）"),
    Claim("问题久未解决", ("得不到解决", "悬而未决", "久拖不决", "长期得不到"), (),
          "台账没有问题提出的日期，不能说问题长期得不到解决"),
    Claim("竣工投产", ("竣工", "投产", "完工", "建成投用", "达产", "达效", "收尾"),
          ("has_completed", "has_operating", "newly_finished"),
          "说竣工、投产要依据 has_completed、has_operating 或 newly_finished"),
    Claim("接近完工", ("接近完工", "即将竣工", "即将完工", "基本完工"), (), "台账没有可以判断接近完工的数据"),
    Claim("具备开工条件", ("具备开工条件", "具备条件"), ("ready_to_start",),
          "只有没有记录问题的未开工项目才能说具备开工条件（ready_to_start）"),
    Claim("双过半", ("双过半", "任务过半"), ("half_push", "half_done", "half_missed"),
          "“双过半”只在年中（half_push、half_done、half_missed）说"),
    Claim("一季度", ("开门红", "集中开工", "一季度", "首季"), ("q1",), "开门红、集中开工只在一季度（q1）说"),
    Claim("年中", ("年中", "上半年"), ("mid_year", "half_push", "half_done", "half_missed"),
          "“年中”“上半年”只在年中说"),
    Claim("年底", ("收官", "冲刺阶段", "最后一个月", "最后两个月", "最后三个月", "四季度"),
          ("year_end", "last_month", "late_year"), "收官、冲刺只在年底（year_end、late_year）说"),
    Claim("后面几个月", ("后面几个月", "后几个月", "后面的几个月", "下半年", "均匀分到每个月", "前松后紧"),
          ("months_ahead",), "说“后面几个月”“下半年”要依据还有几个月（months_ahead，截至8月底以前）"),
    Claim("施工黄金期", ("黄金时段", "黄金期", "黄金时期", "施工旺季", "黄金施工", "施工窗口期"),
          ("building_season",), "说施工黄金期要依据季节（building_season，截至3月至9月）"),
    Claim("老问题", ("老问题", "老大难", "顽疾", "屡催不动"), ("old_problem",),
          "说“老问题”要依据 old_problem（未开工、有问题、超过计划开工时间三个月以上的项目）；台账没有问题提出的日期"),
    Claim("汛期", ("汛期", "防汛", "强降雨", "雨季", "主汛期"), ("flood_season",),
          "说汛期、防汛只在汛期前后（flood_season，截至5月至8月）"),
    Claim("高温", ("高温", "防暑", "酷暑", "暑期"), ("hot_season",),
          "说高温、防暑只在夏季（hot_season，截至5月至8月）"),
    Claim("说自己", ("讲这个数字", "说这个数字", "放在成绩里", "放在问题里", "这段话", "这里要说明"), (),
          "讲话稿不议论自己的写法，直接说事"),
)


@dataclass(frozen=True)
class Condition:
    """Words a wording may say only when one of ``backing`` holds in the document. Unlike a
    claim, a condition is not refused at load: the chooser draws, among a passage's wordings,
    one without the words whose backing does not hold, and leaves out a passage that has no
    such wording (a ledger of one project gets no "各项目"; 11月底 no "按月")."""

    kind: str
    words: tuple[str, ...]
    backing: tuple[str, ...]


CONDITIONS: tuple[Condition, ...] = (
    Condition("多个项目", ("各项目", "各个项目", "每个项目", "每一个项目", "逐个项目", "逐项目", "一个一个项目",
                       "这些项目", "它们", "一批项目", "所有项目", "项目之间", "各在建项目", "每个在建项目",
                       "个个项目", "一个项目一张", "一个项目一个项目"), ("several_projects",)),
    Condition("多个滞后项目", ("每个滞后项目", "每一个滞后项目", "每一个滞后的项目", "滞后项目之间", "各滞后项目",
                                 "几个差距最大的项目", "几个滞后项目"),
              ("several_laggards",)),
    Condition("多个问题", ("这些问题", "这些困难", "各类难题", "一些制约问题", "几个方面的问题"),
              ("several_problems", "several_problem_types")),
    Condition("多类问题", ("每一类问题", "各类问题", "这几类问题", "每类问题"), ("several_problem_types",)),
    Condition("多个地方", ("各地各部门",), ("has_districts", "several_projects")),
    Condition("地方", ("地方和单位", "地方和项目"), ("has_districts",)),
    Condition("多个部门", ("涉及多个部门", "大多需要跨部门"), ("several_problem_types",)),
    Condition("问题项目的个数", ("{{ focus.count }}个", "{{ problems.projects }}个项目的问题"), ("several_problems",)),
    Condition("还有几个月", ("连续两个月", "连续三个月", "两个月没有", "逐月缩小"), ("months_ahead",)),
    Condition("按月", ("按月", "每个月", "每月", "逐月", "月月", "月度"), ("several_months_left",)),
)


def refused_words(held: Iterable[str]) -> tuple[str, ...]:
    """Return the words of the conditions none of whose backing names is ``held``."""
    names = set(held)
    return tuple(dict.fromkeys(word for c in CONDITIONS if not names & set(c.backing) for word in c.words))


def claims_in(text: str) -> list[tuple[Claim, str]]:
    """Return the claims the text makes, each with the word that makes it."""
    return [(claim, word) for claim in CLAIMS for word in claim.words if word in text]


def unbacked(text: str, needs: Iterable[str], names_used: Iterable[str] = ()) -> list[str]:
    """Return a Chinese message for each claim of ``text`` that ``needs`` does not back (``names_used``:
    the flat context names and records the text prints, for the rank rule)."""
    held = set(needs)
    used = set(names_used)
    out = []
    for claim, word in claims_in(text):
        if not claim.backing or not held & set(claim.backing):
            out.append(f"说了“{word}”（{claim.kind}），{claim.hint}")
    ranks = used & (RANK_NAMES | {"unit_top", "unit_bottom"})
    if ranks:
        for claim, word in claims_in(text):
            if claim.kind in ("表扬地方", "表扬") and "units_all_ahead" not in held:
                out.append(f"按排名点名的地方（{'、'.join(sorted(ranks))}）不一定快于时序进度，不能用“{word}”表扬；"
                           "表扬请用 units_ahead")
            elif claim.kind == "追赶" and "units_all_behind" not in held:
                out.append(f"按排名点名的地方（{'、'.join(sorted(ranks))}）不一定慢于时序进度，不能要求“{word}”；"
                           "请用 units_behind")
    return list(dict.fromkeys(out))
