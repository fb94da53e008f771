"""Write the fictional example ledger: examples/ledger.xlsx and examples/ledger-gbk.csv.

示例市 and everything in it are invented. The sheet has the shape real 项目台账 have: a title
merged across, a "单位：万元" note, headers with line breaks, 序号 and columns nobody reads
(建设内容及规模, 备注), 县区 cells merged over each district's rows, a stray blank row, a 合计
row and a note under the table. The figures are chosen so that the city is behind its 时序进度
at the end of May (≈36% against 41.7%), districts are uneven (高新区 ≈54%, 青河县 ≈17%), 用地
is the most frequent problem, some 未开工 projects are past their planned start, and one
project has completed more than its annual plan (the reader warns about it).

examples/ledger-previous.xlsx is the same ledger a month earlier (数据截至4月30日, 1—4月完成投资),
for `--previous`: every district completed less (by its own share, so 北岭县 was ahead of 南山县
and is overtaken), three projects had not started yet (新开工 in May), one was still 在建 (竣工 in
May), 东城区数字经济产业大厦 was behind (摘帽 in May), 东城区商贸物流园 was not yet in the ledger
(新增入库), 西湖区城市书房 was and has left it (调出), and three names are written differently
(a half-width bracket, a trailing 项目 dropped, one added) — matched all the same.

The output is byte-for-byte reproducible: run `python scripts/make_example_ledger.py` and
commit the three files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parents[1]
TITLE = "示例市2026年重点项目建设推进台账"
SHEET = "2026年重点项目台账"
NOTE = "单位：万元　　数据截至：2026年5月31日"
FOOTNOTE = "注：项目状态分前期、未开工、在建、竣工、投产五类；存在问题由各责任单位每月25日前更新，问题解决后及时销号。"
HEADERS = ("序号", "县区", "项目名称", "建设内容及规模", "责任单位", "包保领导", "建设\n性质", "产业类别",
           "总投资", "2026年\n计划投资", "1—5月\n完成投资", "项目\n状态", "计划开工\n时间", "形象进度",
           "存在问题", "问题\n类型", "备注")
WIDTHS = (6, 8, 30, 30, 24, 20, 7, 14, 10, 10, 10, 8, 11, 28, 32, 9, 10)
FIXED_TIME = (2026, 5, 31, 0, 0, 0)

D = dt.date
CHEN = "陈立华（市委常委、常务副市长）"
WANG = "王建国（副市长）"
LIU = "刘振宇（副市长）"
ZHAO = "赵文清（副市长）"
ZHOU = "周慧敏（副市长）"
SUN = "孙海涛（市委常委、秘书长）"
WU = "吴德明（市人大常委会副主任）"
ZHENG = "郑国平（市政协副主席）"

# (项目名称, 建设内容及规模, 责任单位, 包保领导, 建设性质, 产业类别, 总投资, 计划投资, 完成投资,
#  项目状态, 计划开工时间, 形象进度, 存在问题, 问题类型, 备注) — amounts in 万元.
DISTRICTS: dict[str, list[tuple]] = {
    "高新区": [
        ("高新区集成电路封装测试基地", "建设封装测试厂房12万平方米，购置生产线8条", "示例市芯程微电子有限公司", WANG,
         "新建", "战略性新兴产业", 480000, 60000, 34500, "在建", D(2025, 9, 1),
         "1号、2号厂房主体封顶，3号厂房基础施工", None, None, "省重点项目"),
        ("高新区新能源汽车电驱系统产业园", "建设电驱总成生产线及研发中心，年产电驱系统50万套",
         "示例市恒动新能源科技有限公司", WANG, "新建", "先进制造业", 320000, 50000, 31200, "在建", D(2025, 11, 1),
         "主厂房钢结构吊装完成70%", None, None, "省重点项目"),
        ("高新区生物医药中试平台", "建设中试车间及公共检测平台3.5万平方米", "高新区管委会", ZHOU,
         "新建", "战略性新兴产业", 86000, 26000, 14800, "在建", D(2026, 2, 15), "桩基完成，地下室施工",
         None, None, None),
        ("高新区智能传感器产业园二期", "建设标准化厂房8万平方米及配套设施", "示例市高新投资发展集团", ZHOU,
         "续建", "先进制造业", 120000, 30000, 18600, "在建", D(2024, 10, 1), "4栋厂房进入装饰装修", None, None, None),
        ("高新区人工智能算力中心", "建设机柜3000架，算力规模500P", "示例市数智云科技有限公司", ZHAO,
         "新建", "数字经济", 150000, 40000, 23000, "已开工", D(2026, 1, 1), "机房土建完成，设备招标中",
         "电力增容审批进度慢，双回路供电方案尚未批复", "手续审批", "省重点项目"),
        ("高新区科创孵化中心", "建设孵化用房6万平方米", "高新区管委会", ZHAO,
         "续建", "现代服务业", 45000, 12000, 7100, "竣工", "2024.6", "主体竣工验收，招商入驻中", None, None, None),
        ("高新区氢能装备制造项目", "年产电解槽300台套", "示例市氢源装备有限公司", WANG,
         "新建", "先进制造业", 68000, 20000, 2100, "在建", D(2026, 3, 1), "场地平整完成，厂房基础施工",
         "项目用地中有12亩未完成农用地转用审批", "用地", None),
        ("高新区精密光学元件扩产项目", "新增精密镜头生产线6条", "示例市明视光电股份有限公司", ZHOU,
         "技改", "先进制造业", 26000, 8000, 8650, "已投产", D(2025, 8, 1), "6条生产线全部投产", None, None,
         "提前完成年度计划"),
        ("高新区人才公寓", "建设人才公寓1200套", "示例市高新投资发展集团", ZHAO,
         "新建", "社会民生", 52000, 14000, 0, "未开工", D(2026, 4, 1), "施工图审查中",
         "施工许可证尚未办理，消防设计审查未通过", None, None),
    ],
    "东城区": [
        ("东城区智能制造产业园二期", "建设智能制造厂房15万平方米", "东城区人民政府", CHEN,
         "续建", "先进制造业", 260000, 55000, 28600, "在建", D(2025, 3, 1), "8栋厂房主体完工，配套道路施工",
         None, None, "省重点项目"),
        ("东城区老旧小区改造（第三批）", "改造老旧小区42个，惠及居民1.2万户", "东城区住房和城乡建设局", WU,
         "续建", "社会民生", 38000, 18000, 9200, "在建", D(2026, 3, 1), "已开工28个小区", None, None, "民生实事"),
        ("东城区中心医院新院区", "设置床位800张，建筑面积16万平方米", "东城区卫生健康局", ZHOU,
         "续建", "社会民生", 125000, 30000, 13500, "在建", D(2025, 5, 1), "门诊楼主体封顶，住院楼施工至12层",
         None, None, None),
        ("东城区城市更新片区（一期）", "片区道路、管网及公共空间改造", "示例市城市建设投资集团", CHEN,
         "新建", "基础设施", 180000, 45000, 12600, "在建", D(2026, 1, 1), "征收签约完成85%",
         "剩余47户征收签约未完成，影响片区道路贯通", "征迁", None),
        ("东城区数字经济产业大厦", "建设写字楼及配套11万平方米", "示例市东城发展集团", SUN,
         "新建", "数字经济", 92000, 25000, 12000, "在建", D(2025, 10, 1), "主楼施工至地上18层", None, None, None),
        ("东城区冷链物流中心", "建设冷库库容15万吨", "示例市鲜达冷链物流有限公司", SUN,
         "新建", "现代服务业", 56000, 22000, 13800, "在建", "2025年12月", "冷库主体完工，设备安装中", None, None, None),
        ("东城区第二污水处理厂提标改造", "处理规模10万吨/日，出水提标至准Ⅳ类", "示例市水务集团有限公司", WU,
         "技改", "生态环保", 28000, 15000, 9800, "竣工", D(2025, 7, 1), "完成调试，进入竣工验收", None, None, None),
        ("东城区新型显示材料项目", "年产OLED发光材料20吨", "示例市华鼎新材料有限公司", CHEN,
         "新建", "战略性新兴产业", 75000, 30000, 17400, "在建", D(2025, 11, 20), "生产车间主体完工", None, None,
         "省重点项目"),
        ("东城区九年一贯制学校", "设置教学班54个，学位2430个", "东城区教育局", WU,
         "新建", "社会民生", 34000, 20000, 9100, "在建", D(2026, 2, 1), "教学楼施工至4层", None, None, "民生实事"),
        ("东城区商贸物流园", "建设仓储及分拨中心20万平方米", "示例市东城发展集团", SUN,
         "新建", "现代服务业", 64000, 40000, 0, "拟开工", D(2026, 3, 1), "完成方案设计",
         "项目规划条件调整，土地尚未挂牌出让", "用地", None),
    ],
    "西湖区": [
        ("西湖区湿地公园生态修复", "修复湿地面积3200亩", "西湖区人民政府", ZHENG,
         "续建", "生态环保", 46000, 16000, 7600, "在建", D(2025, 4, 1), "水系连通工程完成60%", None, None, None),
        ("西湖区文旅特色街区", "改造历史街区1.8公里", "示例市文旅投资集团", ZHENG,
         "新建", "文化旅游", 58000, 22000, 8900, "在建", D(2026, 1, 1), "沿街立面改造完成40%", None, None, None),
        ("西湖区滨湖大道快速化改造", "改造道路6.8公里", "示例市交通投资集团", LIU,
         "续建", "基础设施", 150000, 50000, 21500, "在建", D(2025, 6, 1), "主线高架桩基完成", None, None,
         "省重点项目"),
        ("西湖区总部经济园", "建设甲级写字楼9万平方米", "示例市西湖城建集团", SUN,
         "新建", "现代服务业", 88000, 30000, 13200, "在建", D(2025, 12, 1), "基坑支护完成，底板施工", None, None, None),
        ("西湖区智慧康养中心", "设置养老床位1000张", "示例市康泰健康产业有限公司", ZHOU,
         "新建", "社会民生", 42000, 15000, 0, "未开工", D(2026, 7, 1), "完成项目备案，正在办理规划许可",
         None, None, "2026年新开工"),
        ("西湖区新材料产业园", "建设标准厂房10万平方米", "西湖区工业和信息化局", LIU,
         "新建", "先进制造业", 96000, 35000, 8400, "在建", D(2026, 2, 1), "3栋厂房基础施工",
         "园区220千伏变电站配套资金缺口1.2亿元", "资金", None),
        ("西湖区会展中心改造提升", "改造展馆4.5万平方米", "示例市文旅投资集团", ZHENG,
         "技改", "现代服务业", 24000, 12000, 6900, "竣工", D(2025, 9, 1), "主体改造完成，附属工程收尾", None, None,
         None),
        ("西湖区排水防涝设施建设", "新建雨水管网36公里、泵站3座", "西湖区住房和城乡建设局", WU,
         "新建", "基础设施", 35000, 20000, 10300, "在建", D(2025, 11, 1), "完成管网铺设20公里", None, None,
         "民生实事"),
        ("西湖区食品精深加工园", "年加工农产品30万吨", "示例市禾丰食品有限公司", LIU,
         "新建", "现代农业", 62000, 40000, 6500, "在建", D(2026, 3, 1), "场地平整，1号车间基础施工",
         "环评批复尚未取得，主体工程暂缓施工", "环评", None),
    ],
    "南山县": [
        ("南山县抽水蓄能电站", "装机容量120万千瓦", "示例市南山抽水蓄能有限公司", CHEN,
         "续建", "基础设施", 780000, 60000, 21600, "在建", D(2024, 12, 1), "上下水库施工，地下厂房开挖", None, None,
         "省重点项目"),
        ("南山县全域旅游集散中心", "建设游客服务中心及生态停车场", "南山县文化和旅游局", ZHENG,
         "新建", "文化旅游", 18000, 8000, None, "前期", D(2026, 9, 1), "编制可行性研究报告", None, None, None),
        ("南山县绿色建材产业园", "年产装配式构件40万立方米", "示例市筑新建材有限公司", WANG,
         "新建", "先进制造业", 55000, 25000, 5200, "在建", D(2026, 1, 1), "1号生产车间钢构安装",
         "项目用地涉及永久基本农田调整，尚未获批", "用地", None),
        ("南山县农村供水一体化工程", "新建水厂2座，改造管网420公里", "南山县水利局", WU,
         "续建", "基础设施", 36000, 18000, 9600, "在建", D(2025, 8, 1), "城北水厂主体完工", None, None, "民生实事"),
        ("南山县人民医院综合楼", "建设综合楼5.2万平方米", "南山县卫生健康局", ZHOU,
         "新建", "社会民生", 32000, 16000, 6100, "在建", D(2025, 10, 1), "主体施工至8层", None, None, None),
        ("南山县茶产业融合发展项目", "建设茶叶加工厂及茶园基地1.5万亩", "示例市南山茶业有限公司", LIU,
         "新建", "现代农业", 28000, 15000, 4900, "在建", D(2026, 2, 1), "加工厂主体施工",
         "配套贷款尚未到位，企业自筹资金不足", "资金", None),
        ("南山县商贸物流园区", "建设仓储用房8万平方米", "南山县商务局", SUN,
         "新建", "现代服务业", 30000, 18000, 0, "未开工", D(2026, 4, 1), "完成土地摘牌",
         "土地出让手续未办结，不动产权证未办理", "用地", None),
        ("南山县高速公路连接线", "新建一级公路18公里", "南山县交通运输局", LIU,
         "续建", "基础设施", 78000, 40000, 10400, "在建", D(2025, 5, 1), "路基完成55%",
         "沿线46户房屋拆迁未完成", "征迁", None),
    ],
    "北岭县": [
        ("北岭县风电场二期", "装机容量20万千瓦", "示例市北岭新能源有限公司", WANG,
         "续建", "基础设施", 160000, 50000, 17000, "在建", D(2025, 7, 1), "完成风机基础浇筑30台", None, None, None),
        ("北岭县矿山生态修复", "治理矿山面积4600亩", "北岭县自然资源局", ZHENG,
         "新建", "生态环保", 22000, 10000, 3800, "在建", D(2026, 3, 1), "完成边坡治理1200亩", None, None, None),
        ("北岭县硅材料深加工项目", "年产高纯硅材料2万吨", "示例市北晶硅材料有限公司", CHEN,
         "新建", "先进制造业", 85000, 35000, 4200, "在建", D(2026, 2, 1), "场地平整及桩基施工",
         "能耗指标尚未落实，节能审查未通过", "能耗", "省重点项目"),
        ("北岭县职业教育园区", "建设校舍12万平方米，容纳学生8000人", "北岭县教育局", WU,
         "新建", "社会民生", 48000, 20000, 5600, "在建", D(2025, 12, 1), "教学楼主体施工",
         "项目用地中有35亩林地占用审批未完成", "用地", None),
        ("北岭县农产品冷链仓储", "建设冷库3万吨", "北岭县供销合作社", LIU,
         "新建", "现代农业", 12000, 8000, 0, "未开工", "2026年3月", "完成方案设计",
         "项目选址调整，规划方案需重新审定", "规划", None),
        ("北岭县城区集中供热改造", "改造供热管网65公里", "北岭县住房和城乡建设局", WU,
         "技改", "基础设施", 16000, 12000, 6900, "在建", D(2026, 4, 1), "完成管网改造30公里", None, None, "民生实事"),
        ("北岭县文旅康养小镇", "建设康养度假设施及配套", "示例市岭上文旅开发有限公司", ZHENG,
         "新建", "文化旅游", 120000, 3000, 1100, "前期推进", None, "完成规划设计方案，开展场地勘察",
         "合作协议尚未签订，投资主体未落实", "其他", None),
    ],
    "青河县": [
        ("青河县经济开发区标准化厂房", "建设标准化厂房12万平方米", "青河县经济开发区管委会", SUN,
         "新建", "先进制造业", 54000, 30000, 5100, "在建", D(2026, 1, 1), "4栋厂房基础施工",
         "园区剩余用地报批未获批复", "用地", None),
        ("青河县河道综合治理", "治理河道28公里", "青河县水利局", ZHENG,
         "续建", "生态环保", 26000, 15000, 5400, "在建", D(2025, 10, 1), "完成堤防加固9公里", None, None, None),
        ("青河县农副产品加工园", "建设加工车间及冷库", "示例市青禾农业发展有限公司", LIU,
         "新建", "现代农业", 36000, 20000, 0, "未开工", D(2026, 3, 15), "完成土地平整",
         "已缴纳土地出让金，尚未取得供地批复", "用地", None),
        ("青河县人民医院医技楼", "建设医技楼3.6万平方米", "青河县卫生健康局", ZHOU,
         "新建", "社会民生", 22000, 12000, 4200, "在建", D(2025, 12, 1), "主体施工至5层", None, None, None),
        ("青河县光伏发电项目", "装机容量10万千瓦", "示例市青河光能有限公司", WANG,
         "新建", "基础设施", 42000, 25000, 4500, "在建", D(2026, 2, 1), "完成支架基础40%",
         "组件区涉及林地，使用林地审批未办结", "用地", None),
        ("青河县城乡客运枢纽", "建设客运站及公交首末站", "青河县交通运输局", LIU,
         "新建", "基础设施", 15000, 10000, None, "前期", D(2026, 8, 1), "完成初步设计", None, None, None),
        ("青河县全民健身中心", "建设体育馆、游泳馆2.8万平方米", "青河县教育体育局", WU,
         "新建", "社会民生", 28000, 18000, 3200, "在建", D(2025, 11, 1), "主体施工至3层",
         "施工单位资金紧张，劳务人员不足", None, "民生实事"),
    ],
}
BLANK_AFTER = "西湖区"  # a stray empty row, as in real ledgers

# The previous month (examples/ledger-previous.xlsx): 1—4月 as a share of 1—5月 per district
PREVIOUS_NOTE = "单位：万元　　数据截至：2026年4月30日"
PREVIOUS_COMPLETED_HEADER = "1—4月\n完成投资"
PREVIOUS_SHARE = {"高新区": 0.80, "东城区": 0.74, "西湖区": 0.76, "南山县": 0.70, "北岭县": 0.95, "青河县": 0.75}
# name → (项目状态, 1—4月完成投资) where April differs from the share
PREVIOUS_OVERRIDES: dict[str, tuple[str, int]] = {
    "高新区氢能装备制造项目": ("未开工", 0),
    "北岭县城区集中供热改造": ("未开工", 0),
    "西湖区食品精深加工园": ("未开工", 0),
    "西湖区会展中心改造提升": ("在建", 5200),
    "东城区数字经济产业大厦": ("在建", 5000),
}
PREVIOUS_NAMES = {  # written differently a month earlier
    "东城区老旧小区改造（第三批）": "东城区老旧小区改造(第三批)",
    "北岭县硅材料深加工项目": "北岭县硅材料深加工",
    "高新区人工智能算力中心": "高新区人工智能算力中心项目",
}
PREVIOUS_ONLY_NEW = "东城区商贸物流园"  # 新增入库 in May
PREVIOUS_REMOVED = ("西湖区城市书房", "建设城市书房12处", "西湖区文化和旅游局", ZHENG, "新建", "文化旅游",
                    6000, 3000, 900, "在建", D(2026, 1, 1), "已建成5处", None, None, "5月调出调度范围")


def rows() -> list[list[object]]:
    """Return the data rows in sheet order, 序号 and 县区 filled in."""
    result = []
    for district, projects in DISTRICTS.items():
        for project in projects:
            result.append([len(result) + 1, district, *project])
    return result


def previous_rows() -> list[list[object]]:
    """Return the data rows of the month before, in sheet order."""
    result = []
    for district, projects in DISTRICTS.items():
        listed = [p for p in projects if p[0] != PREVIOUS_ONLY_NEW]
        if district == "西湖区":
            listed.append(PREVIOUS_REMOVED)
        for project in listed:
            row = list(project)
            if row[0] in PREVIOUS_OVERRIDES:
                row[9], row[8] = PREVIOUS_OVERRIDES[row[0]]
            elif row[8] is not None:
                row[8] = int(row[8] * PREVIOUS_SHARE[district] / 10 + 0.5) * 10
            row[0] = PREVIOUS_NAMES.get(row[0], row[0])
            result.append([len(result) + 1, district, *row])
    return result


def write_xlsx(target: Path, data: list[list[object]] | None = None, note: str = NOTE,
               headers: tuple[str, ...] = HEADERS) -> None:
    """Write the ledger workbook, reproducibly."""
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    last = get_column_letter(len(headers))
    ws.append([TITLE])
    ws.merge_cells(f"A1:{last}1")
    ws.append([note])
    ws.merge_cells(f"A2:{last}2")
    ws.append(list(headers))
    data = rows() if data is None else data
    first_row: dict[str, int] = {}
    current = 3  # the row last written
    for index, row in enumerate(data):
        current += 1
        first_row.setdefault(row[1], current)
        ws.append(row)
        if index + 1 == len(data) or data[index + 1][1] != row[1]:
            ws.merge_cells(f"B{first_row[row[1]]}:B{current}")  # 县区 merged over its projects
            if row[1] == BLANK_AFTER:
                ws.append([])
                current += 1
    sums = [sum(r[i] or 0 for r in data) for i in (8, 9, 10)]
    ws.append(["合计", None, None, None, None, None, None, None, *sums])
    total_row = current = current + 1
    ws.merge_cells(f"A{total_row}:H{total_row}")
    ws.append([FOOTNOTE])
    ws.merge_cells(f"A{total_row + 1}:{last}{total_row + 1}")
    _style(ws, total_row)
    buffer = io.BytesIO()
    wb.save(buffer)
    target.write_bytes(_reproducible(buffer.getvalue()))


def _style(ws: Worksheet, total_row: int) -> None:
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name="宋体", size=10)
    ws["A1"].font = Font(name="黑体", size=18)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 36
    ws["A2"].font = Font(name="宋体", size=10)
    ws["A2"].alignment = Alignment(horizontal="right")
    for index, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    for row in ws.iter_rows(min_row=3, max_row=total_row):
        for cell in row:
            cell.border = border
            cell.font = Font(name="黑体", size=10) if cell.row in (3, total_row) else body
            cell.alignment = Alignment(wrap_text=True, vertical="center",
                                       horizontal="left" if cell.column in (3, 4, 5, 14, 15, 17) else "center")
            if cell.column == 13 and isinstance(cell.value, dt.date):
                cell.number_format = 'yyyy"年"m"月"' if cell.value.day == 1 else "yyyy-mm-dd"
            if cell.column in (9, 10, 11):
                cell.number_format = "#,##0"
    ws.row_dimensions[3].height = 32
    ws.freeze_panes = "D4"
    ws.print_title_rows = "3:3"


def _reproducible(data: bytes) -> bytes:
    """Return the .xlsx with fixed zip timestamps and document dates, so reruns give equal bytes."""
    stamp = "2026-05-31T00:00:00Z"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), content)
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, content)
    return out.getvalue()


def write_csv(target: Path) -> None:
    """Write the same ledger as a GBK CSV, the way an office PC saves "CSV（逗号分隔）"."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([TITLE])
    writer.writerow([NOTE])
    writer.writerow([h.replace("\n", "") for h in HEADERS])
    data = rows()
    for index, row in enumerate(data):
        start = row[12]
        if isinstance(start, dt.date):
            row[12] = f"{start.year}年{start.month}月" if start.day == 1 else f"{start.year}/{start.month}/{start.day}"
        writer.writerow(["" if v is None else v for v in row])
        if row[1] == BLANK_AFTER and data[index + 1][1] != BLANK_AFTER:
            writer.writerow([])
    writer.writerow(["合计", *[""] * 7, *(sum(r[i] or 0 for r in data) for i in (8, 9, 10))])
    writer.writerow([FOOTNOTE])
    target.write_bytes(buffer.getvalue().encode("gbk"))


def main() -> None:
    examples = ROOT / "examples"
    examples.mkdir(exist_ok=True)
    write_xlsx(examples / "ledger.xlsx")
    write_csv(examples / "ledger-gbk.csv")
    previous_headers = tuple(PREVIOUS_COMPLETED_HEADER if h == "1—5月\n完成投资" else h for h in HEADERS)
    write_xlsx(examples / "ledger-previous.xlsx", previous_rows(), PREVIOUS_NOTE, previous_headers)
    print(f"已写出 {examples / 'ledger.xlsx'}、{examples / 'ledger-gbk.csv'}（{len(rows())} 个项目）"
          f"和 {examples / 'ledger-previous.xlsx'}（上月，{len(previous_rows())} 个项目）")


if __name__ == "__main__":
    main()
