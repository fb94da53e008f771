"""Text normalisation for analysis: traditional → simplified, stray pinyin, web debris."""

from __future__ import annotations

import re
from functools import lru_cache

# A mis-converted page prints a pinyin reading after some characters: "建設(shè)". A reading
# always carries a tone mark here, which keeps "(扩大)" or "(led)" untouched.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_NOTE = re.compile(rf"(?<=[\u3400-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")

# Whole paragraphs that a web page added around a speech (download sites, 范文 sites).
_DEBRIS = re.compile(
    "|".join(
        (
            r"因篇幅问题不能全部显示",
            r"请点此查看更多",
            r"查看全文|展开全文|点击下载|免费下载|下载文档|猜你喜欢|相关推荐|上一篇|下一篇",
            r"来源于网友上传|不代表本站观点|欢迎参考|欢迎阅读|原创文章|咨询客服|版权归|本站|范文网|文库",
            r"^(?:时间|发布时间|发布日期|日期)[:：]\s*\d{4}-\d{1,2}-\d{1,2}",
            r"^(?:导语|摘要|来源|作者|编辑|责任编辑|本文来源|文章来源|关键词)[:：]",
        )
    )
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Debris a web page appended inside a paragraph ("……来源：人民网", "（责任编辑：王某）"): a source
# or editor line after a sentence end, an ellipsis, a space or a bracket — never "资金来源：财政".
_INLINE_DEBRIS = re.compile(
    r"(?:(?<=[。！？!?…\s（(【\[])|^)[（(【\[]?"
    r"(?:(?:本文|文章|信息)?来源|来源于|责任编辑|编辑|作者|原标题)[:：]\s*"
    r"(?:[\u4e00-\u9fffA-Za-z0-9.·]{1,16}?(?:网|报|社|台|客户端|公众号|新闻|在线|频道|门户)|"
    r"https?://\S+|www\.\S+|[\u4e00-\u9fff]{2,4}(?=[）)】\]]|$))[）)】\]]?\s*$"
)


def inline_debris(text: str) -> re.Match[str] | None:
    """Return the web debris at the end of a paragraph of text ("……来源：人民网"), or None."""
    return _INLINE_DEBRIS.search(text)


def strip_pinyin_notes(text: str) -> str:
    """Return text without the "(shè)" readings a bad converter left after characters."""
    return PINYIN_NOTE.sub("", text)


@lru_cache(maxsize=1)
def _converter():  # zhconv loads a 600 kB dictionary: only when a text needs it
    import zhconv

    return zhconv.convert


def to_simplified(text: str) -> str:
    """Return text in simplified characters (phrase-aware, via zhconv)."""
    return _converter()(text, "zh-cn")


def looks_traditional(texts: list[str]) -> bool:
    """Return True when at least 2% of the Chinese characters change under simplification."""
    sample = "".join(texts)[:20000]
    cjk = len(_CJK.findall(sample))
    if cjk == 0:
        return False
    simplified = to_simplified(sample)
    changed = sum(1 for a, b in zip(sample, simplified, strict=False) if a != b)
    return changed >= max(3, cjk // 50)


def normalise_texts(texts: list[str]) -> tuple[list[str], bool, list[int]]:
    """Return the texts as analysis sees them (pinyin notes removed, simplified if the text is
    traditional), whether it was traditional, and the indices of texts that had pinyin notes."""
    cleaned = [strip_pinyin_notes(text) for text in texts]
    noted = [i for i, (a, b) in enumerate(zip(texts, cleaned, strict=True)) if a != b]
    if looks_traditional(cleaned):
        return [to_simplified(text) for text in cleaned], True, noted
    return cleaned, False, noted


def is_debris(text: str) -> bool:
    """Return True for a paragraph a web page added (download prompts, 导语, site names)."""
    return bool(_DEBRIS.search(text))
