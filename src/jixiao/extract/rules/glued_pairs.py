"""Indicator rows of a squashed form that prints no points: name, target and actual glued, in one unit.

    …时效指标完成时间2023年9月2023年9月效益指标社会效益指标新增注册会员1200人1350人…

A 目标自评表 with only 年度指标值 and 实际完成值 columns (no 分值, no 得分), once a converter drops the cell
borders, is a run of rows each a name then two values. Two values printed back to back in the same unit (or
two dates) are never prose; the first is the target, the second the actual. A value followed by a digit is
part of a longer run (a 分值 or 得分 glued on: the table readers' shape) and is not read, nor is a pair of
amounts under a funding name (a 预算数 | 执行数 row). It takes two such rows on a line to read any (one where
the line prints the form's head, 指标值 then 完成值), and a line that prints 指标 (the form's level cells or
header). A level cell's points before a name (`数量指标20分购置桌椅…`) are no part of it.

The level cells before a name may be printed in two interleaved columns (`社会效 益指标` read across as
`效社 指益标`): a run of level-word characters that ends in 指, 标 or a space is that garble, not the name.
A converter may put a space after a decimal point (`1350. 5人`): the value is read without it.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import built_figure
from jixiao.model import Figure, Indicator
from jixiao.numbers import UNIT_PATTERN, parse_quantity
from jixiao.scan import skipping
from jixiao.vocabulary import MONEY_UNITS

_FOUND_BY = "narrative.glued_pairs"
_OP = r"(?:[≥≤><=＞＜]|不低于|不少于|不高于|不超过)?"
_NUMBER = r"\d+(?:\. ?\d+)?"
_DATE = r"\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:底前|前|底)?"
# the two values, found first (tried at digits only); the name is read backwards from them
_PAIR = skipping(
    rf"(?<![\d.])(?:(?P<tdate>{_DATE})(?P<adate>{_DATE})"
    rf"|(?P<target>{_OP}{_NUMBER}(?P<tunit>{UNIT_PATTERN}))(?P<actual>{_OP}{_NUMBER}(?P<aunit>{UNIT_PATTERN})))"
    r"(?=[\u4e00-\u9fff]|[ \t]+[\u4e00-\u9fff]|[ \t]*$)",
    re.MULTILINE,
)
_NAME_REACH = 31
_LEVEL_WORD = re.compile(r"指标")
_LEVEL_CHARS = frozenset("产出效益果满意度数量质时成本经济社会生态可持续影响服务对象指标 ")  # the levels' words
_GARBLE_END = frozenset("指标 ")
_FUNDING_NAME = re.compile(r"资金|预算|经费|拨款|执行|支出|到位|下达")
_MIN_ROWS = 2
# the form's own head on the line (`年初指标值 年终完成值`, wrapped `年初指 年终完 … 标值 成值`): one row suffices
_HEADER = re.compile(r"指标值\s*[|\s]*(?:实际)?完成值|年初指[\s\S]{0,40}?标值\s*成值")
# a level cell's points before a name (`数量指标20分 购置桌椅…`): the name starts after them
_POINTS = re.compile(r"\d分 *")
_MIN_NAME = 2
_MAX_PERCENT = 100.0


def read_glued_pairs(text: str) -> list[Indicator]:
    """The glued name-target-actual rows of every line that holds two or more of them. The form prints its
    level cells (产出指标, 数量指标…) on the line its rows run on: only lines holding 指标 are scanned."""
    found: list[Indicator] = []
    at = text.find("指标")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        rows = _rows(text, start, end)
        headed = len(rows) == 1 and _HEADER.search(text, start, end) is not None
        found.extend(rows if len(rows) >= _MIN_ROWS or headed else [])
        at = text.find("指标", end)
    return found


def _rows(text: str, start: int, end: int) -> list[Indicator]:
    indicators: list[Indicator] = []
    last = start
    for pair in _PAIR.finditer(text, start, end):
        previous, last = last, pair.end()
        name_start = _name_start(text, pair.start(), previous)
        if name_start == pair.start() or not _same_unit(pair):
            continue
        if name_start != previous and _cut_name(text, name_start):
            continue
        indicator = _indicator(text, name_start, pair)
        if indicator is not None:
            indicators.append(indicator)
    return indicators


def _name_start(text: str, end: int, limit: int) -> int:
    """Where the name before `end` starts: back over Chinese chars and spaces, not past `limit` (the row
    before) nor `_NAME_REACH` chars."""
    start = end
    while start > max(limit, end - _NAME_REACH) and _in_name(text[start - 1]):
        start -= 1
    while start < end and text[start] == " ":
        start += 1
    if start > 0 and text[start - 1].isdigit() and (points := _POINTS.match(text, start - 1)):
        return min(points.end(), end)
    return start


def _in_name(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or char == " "


def _same_unit(row: re.Match[str]) -> bool:
    return row["tdate"] is not None or row["tunit"] == row["aunit"]


def _cut_name(text: str, start: int) -> bool:
    """The name run starts right after a digit (or an enumeration's 、) that ends no row: the name was cut
    (`500吨成品粮储备率`, `低温、低氧保粮率`)."""
    return start > 0 and (text[start - 1].isdigit() or text[start - 1] == "、")


def _indicator(text: str, name_start: int, row: re.Match[str]) -> Indicator | None:
    name = _name(text[name_start : row.start()])
    if len(name) < _MIN_NAME or (row["tunit"] in MONEY_UNITS and _FUNDING_NAME.search(name)):
        return None
    target_span = row.span("tdate") if row["tdate"] is not None else row.span("target")
    actual_span = row.span("adate") if row["adate"] is not None else row.span("actual")
    target = _figure(text, *target_span)
    if target.unit == "%" and target.value is not None and target.value > _MAX_PERCENT:
        return None  # `满意度290%100%`: a 分值 glued onto a rate, not a target of 290%
    return Indicator(name=name, target=target, actual=_figure(text, *actual_span))


def _name(printed: str) -> str:
    """The row's name: after the last level word, without the garble of interleaved level cells."""
    words = [word for word in _LEVEL_WORD.finditer(printed) if _names_level(printed, word.start())]
    name = printed[words[-1].end() :] if words else printed
    zone = 0
    while zone < len(name) and name[zone] in _LEVEL_CHARS:
        zone += 1
    cut = max((at + 1 for at in range(zone) if name[at] in _GARBLE_END), default=0)
    return "".join(name[cut:].split())


def _names_level(printed: str, at: int) -> bool:
    """The 指标 at `at` ends a level cell (`时效 指标`), not a name (`食品安全指标达标率`): level characters
    stand before it."""
    before = printed[:at].replace(" ", "")[-2:]
    return len(before) == len("时效") and all(char in _LEVEL_CHARS for char in before)


def _figure(text: str, start: int, end: int) -> Figure:
    printed = text[start:end]
    quantity = parse_quantity(printed.replace(". ", "."))
    return built_figure(printed, quantity.value, quantity.unit, quantity.op, quantity.kind, start, end, _FOUND_BY)
