"""The 市级 money of a report from one of the four 直辖市 (北京 上海 天津 重庆): the provincial level.

In a province, 市级 names a prefecture's money; a 直辖市 is itself a province-level unit, so its 市级 (市本级,
市财政) money is provincial and its 区 / 县 money county-level (DOMAIN: levels of government). The report is
taken to be a 直辖市's when it names that city in its opening or its signature and names no other province
anywhere: a municipality named in passing (`赴北京市参加培训`) in another province's report changes nothing.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.report_title import last_lines
from jixiao.model import FundSource, Report
from jixiao.vocabulary import PROVINCES

_MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_OPENING = 600
_SIGNATURE_LINES = 5
_OTHER_PROVINCES = re.compile(
    "|".join(p for p in PROVINCES if p not in _MUNICIPALITIES) + r"|[\u4e00-\u9fff]{2,3}省(?:委|政府|人民政府|财政厅)"
)
_CITY_LEVEL = re.compile(r"^(?:[（(]?[\d一二三四五六七八九十]+[、.．)）]\s*)?(?:其中|含)?[:：]?\s*市")


def municipality_of(text: str) -> str | None:
    """The 直辖市 whose report `text` is, or None."""
    if not any(name in text for name in _MUNICIPALITIES):
        return None
    head = text[:_OPENING] + "\n" + "\n".join(last_lines(text, _SIGNATURE_LINES))
    named = {name for name in _MUNICIPALITIES if name in head}
    if len(named) != 1 or any(name in text for name in _MUNICIPALITIES if name not in named):
        return None
    return None if _OTHER_PROVINCES.search(text) else named.pop()


def provincial_city_money(report: Report, text: str) -> None:
    """In a 直辖市's report, a source read as prefectural by a 市 word (`市级资金`, `市本级`) is provincial."""
    lines = (report.funding.initial, report.funding.budget, report.funding.allocated, report.funding.executed)
    rows = [row for line in lines for row in line.by_source if row.source is FundSource.PREFECTURAL]
    if not rows or municipality_of(text) is None:
        return
    for row in rows:
        if _CITY_LEVEL.match(row.name):
            row.source = FundSource.PROVINCIAL
