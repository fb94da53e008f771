"""Every rule of `speechgen check`, in the order the report explains them. To add a rule, write
its module (a function yielding ``draft.finding(NAME, …)``) and register it here with one line."""

from __future__ import annotations

from speechgen.check.chain import Rule, RuleChain
from speechgen.check.figures import check_figures
from speechgen.check.layout import check_layout
from speechgen.check.rules import (
    check_charset,
    check_dates,
    check_numbering,
    check_people,
    check_placeholders,
    check_praise,
    check_punctuation,
    check_sentences,
)

_TEXT, _PLACEHOLDER, _NUMBERING, _PUNCTUATION, _DATES = "文字", "占位符", "编号", "标点", "日期"
_FIGURES, _LAYOUT = "数字（给出台账和会议信息时）", "版式（.docx）"
_SENTENCES, _JUDGEMENT = "句子", "判断（给出台账和会议信息时）"

RULES = RuleChain((
    Rule("text-traditional", _TEXT, "稿子是繁体字（其余检查按转为简体后的文字进行）", check_charset),
    Rule("pinyin-debris", _TEXT, "文字中夹着网页转换留下的拼音注音，如“建設(shè)”", check_charset),
    Rule("web-debris", _TEXT, "网页附带的段落：下载提示、导语、来源说明等", check_placeholders),
    Rule("placeholder", _PLACEHOLDER, "模板或网页留下的占位符：XX、××、*、某某、〇〇、【】、{{ }}、待补充",
         check_placeholders),
    Rule("placeholder-blank", _PLACEHOLDER, "单位前缺了数字，如“增长%”“列第位”", check_placeholders),
    Rule("numbering-gap", _NUMBERING, "编号缺项，如“一、二、四、”", check_numbering),
    Rule("numbering-repeat", _NUMBERING, "编号重复，如“二、二、”", check_numbering),
    Rule("numbering-order", _NUMBERING, "编号顺序颠倒，如“三、二、”", check_numbering),
    Rule("numbering-mixed", _NUMBERING, "同一层次混用不同写法，如“一、”与“第二，”", check_numbering),
    Rule("punct-halfwidth", _PUNCTUATION, "中文里用了半角标点 , ; : ? ! ( ) \"", check_punctuation),
    Rule("punct-unbalanced", _PUNCTUATION, "引号、括号、书名号不配对", check_punctuation),
    Rule("punct-doubled", _PUNCTUATION, "标点重复，如“，，”“。。”", check_punctuation),
    Rule("heading-period", _PUNCTUATION, "单独成行的标题末尾有句号", check_punctuation),
    Rule("date-padding", _DATES, "日期的月、日补零或有空格，如“2026年06月05日”", check_dates),
    Rule("date-chinese-numerals", _DATES, "日期用了汉字数字（成文日期为错误，正文中为警告）", check_dates),
    Rule("date-invalid", _DATES, "不存在的日期，如“2026年2月30日”", check_dates),
    Rule("paragraph-no-stop", _SENTENCES, "段落没有句末标点就结束了（一句话被分成两段时为错误）", check_sentences),
    Rule("paragraph-mid-sentence", _SENTENCES, "段落从句子中间开始：以标点开头，或接着上一段的话", check_sentences),
    Rule("figure-mismatch", _FIGURES, "数字与台账计算的结果不符", check_figures),
    Rule("figure-direction", _FIGURES, "百分点差距说反了方向，如台账落后却写“快”“超过”", check_figures),
    Rule("figure-unknown", _FIGURES, "台账中找不到对应的数（可能引自台账以外，请核对来源）", check_figures),
    Rule("praise-behind", _JUDGEMENT, "称赞了台账显示落后的单位或项目，如“走在前列”“希望继续保持”", check_praise),
    Rule("leader-untitled", _JUDGEMENT, "讲话稿中直呼包保领导姓名，没有职务或“同志”", check_people),
    Rule("layout-page-size", _LAYOUT, "纸张不是A4", check_layout),
    Rule("layout-margins", _LAYOUT, "页边距不符合 GB/T 9704", check_layout),
    Rule("layout-font", _LAYOUT, "标题、层次标题或正文的中文字体不对", check_layout),
    Rule("layout-size", _LAYOUT, "标题、层次标题或正文的字号不对", check_layout),
    Rule("layout-line-pitch", _LAYOUT, "行距或文档网格不合 GB/T 9704 的每页行数", check_layout),
    Rule("layout-page-number", _LAYOUT, "页码缺失，或写法、字体、单双页位置不对", check_layout),
))
