"""Names normalised for matching one report with another: places, funds and indicators across years.

The same county's fund is printed differently from year to year: 柳溪旗 one year and 柳溪县 after a
re-designation, 青嶺縣 in a report converted to traditional characters, 中央就业补助资金 or 就业专项资金 for
就业补助资金. Matching keys fold those variants; the printed names stay as they were in every Report.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.documents.traditional import simplified
from jixiao.vocabulary import FUND_ALIASES

# The administrative suffix of a county-level place: 旗/县/区/市 and their 自治 forms are variants of one
# place over the years (撤县设区, 撤旗设市), so the key keeps the stem when the stem alone is a name.
_PLACE_SUFFIX = re.compile(r"(?:自治旗|自治县|自治州|街道|地区|旗|县|区|市|盟|镇|乡)$")
_PLACE_TOKEN = re.compile(r"[\u4e00-\u9fff]+?(?:自治州|自治县|自治旗|街道|地区|市|县|旗|区|盟|镇|乡)")
_PROVINCE = re.compile(r"^[\u4e00-\u9fff]{2,7}?(?:省|自治区)")
_MIN_STEM = 2  # 城区 or 郊区 keep their suffix: a one-character stem names nothing

_FUND_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")
_FUND_LEVEL = re.compile(r"^(?:中央财政|中央|省级财政|省级|省|自治区|市级|县级|本级|财政)+")
_FUND_TAIL = re.compile(r"(?:绩效自评|绩效|自评|项目)+$")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")

_NOT_NAME = re.compile(r"[\s\u3000、，,。.：:；;·•\-—_/\\\"“”'‘’《》<>]")


@lru_cache(maxsize=8192)  # a batch names the same few places, funds and indicators again and again
def region_key(region: str | None) -> str | None:
    """The place a report covers, folded: 内蒙古自治区柳溪旗 / 柳溪县 / 柳溪 → 柳溪; None when unnamed."""
    if not region:
        return None
    name = _NOT_NAME.sub("", simplified(region))
    name = _PROVINCE.sub("", name) or name
    tokens = _PLACE_TOKEN.findall(name)
    if tokens and name.endswith(tokens[-1]):
        name = tokens[-1]  # the most specific place: 呼伦贝尔市扎兰屯市 → 扎兰屯市
    stem = _PLACE_SUFFIX.sub("", name)
    return stem if len(stem) >= _MIN_STEM else name or None


@lru_cache(maxsize=8192)  # a batch names the same few places, funds and indicators again and again
def fund_key(fund: str | None) -> str | None:
    """The fund, folded: 2023年度中央就业补助资金项目 / 就業補助資金 / 就业专项资金 → 就业补助资金."""
    if not fund:
        return None
    name = _NOT_NAME.sub("", _BRACKETED.sub("", simplified(fund)))
    name = _FUND_YEAR.sub("", name)
    name = _FUND_LEVEL.sub("", name)
    name = _FUND_TAIL.sub("", name) or name
    return FUND_ALIASES.get(name, name) or None


@lru_cache(maxsize=8192)  # a batch names the same few places, funds and indicators again and again
def indicator_key(name: str) -> str:
    """An indicator's name for matching across years: simplified, without spaces, punctuation or a bracketed
    unit (享受社会保险补贴人数（人） and 享受社会保险补贴人数 are one indicator)."""
    folded = _NOT_NAME.sub("", simplified(name))
    return _BRACKETED.sub("", folded) or folded
