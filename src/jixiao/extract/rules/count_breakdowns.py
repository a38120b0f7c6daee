"""Counts stated with their split by place in brackets, the split in the counts' own units:

    具体情况为:资助学生6人,发放助学包6套(东岭村4人、4套,西岭村2人、2套),发放金额1.2万元。

Each `name figure` clause right before the bracket whose unit a part of the split repeats is an indicator with
that figure as its actual (what was done), and each part of the bracket (`东岭村4人、4套`) gives it one named
figure of its breakdown. Read only when every part names its place and gives one figure in each count's unit,
and each count's parts add up to the count: nothing else tells a split from figures that merely follow. A
unit's staff split by status (`实有人数35人(在职21人,离退休14人)`) describes the unit, not what was done. A
converter may lose the closing bracket (`…西岭村2人、2套,发放金额1.2万元`): the split ends at the first part
of another shape.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.clauses import clean_name
from jixiao.extract.rules.figures import figure_at
from jixiao.model import Indicator, NamedFigure
from jixiao.numbers import QUANTITY
from jixiao.vocabulary import MONEY_UNITS, UNIT_WORDS

FOUND_BY = "narrative.count_breakdown"
_CLAUSE_STARTS = "，,；;:：。\n"
_PART_BREAKS = re.compile(r"[，,；;]")
_PART = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,12}?)(?P<figures>\d[^，,；;）)。\n]*)")
_FIGURE_BREAKS = "、和及"
# a staff split by status, not by place: 在职, 离退休, 在编, 编外, 聘用…
_STAFF_STATUS = re.compile(r"在职|在岗|[离退]休|在编|编[内外制]|[聘借]用|临聘|合同制|遗属")
_MAX_COUNTS = 3
_MIN_PARTS = 2
_MAX_NAME = 20
_REACH = 200  # chars of a bracket's split
_UNIT_ENDS = frozenset(word[-1] for word in UNIT_WORDS if word not in MONEY_UNITS)
_UNIT_REACH = 4  # a count's digit is at most this far before the bracket (`5台套(`)


def read_count_breakdowns(text: str) -> list[Indicator]:
    """The counts of `text` with their split by place (see the module); none unless a bracket follows a
    figure's unit."""
    indicators: list[Indicator] = []
    for at in sorted(_brackets(text, "(") + _brackets(text, "（")):
        counts = _counts_before(text, at)
        if counts:
            indicators.extend(_split(text, at + 1, counts))
    return indicators


def _brackets(text: str, bracket: str) -> list[int]:
    """Where `bracket` opens right after a count's unit (`5台套(`): a unit's last char before it and a digit
    at most `_UNIT_REACH` chars back (never `资金(万元)`, `通知(财农〔…〕)`)."""
    found = []
    at = text.find(bracket, 1)
    while at >= 0:
        if text[at - 1] in _UNIT_ENDS and any(char.isdigit() for char in text[max(0, at - _UNIT_REACH) : at]):
            found.append(at)
        at = text.find(bracket, at + 1)
    return found


def _counts_before(text: str, at: int) -> list[tuple[str, re.Match[str]]]:
    """The `name figure` clauses that end right at `at`, last first: (name, figure) in printed order."""
    counts: list[tuple[str, re.Match[str]]] = []
    end = at
    while len(counts) < _MAX_COUNTS:
        start = max(text.rfind(char, 0, end) for char in _CLAUSE_STARTS) + 1
        figures = [found for found in QUANTITY.finditer(text, start, end) if found.end() > found.start()]
        if not figures or figures[-1].end() != end or not _is_count(figures[-1]):
            break
        name = clean_name(text[start : figures[-1].start()])
        if not 2 <= len(name) <= _MAX_NAME or any(char.isdigit() for char in name):
            break
        counts.insert(0, (name, figures[-1]))
        if start == 0 or text[start - 1] not in "，,":
            break  # a clause after a colon or a full stop is the first of the run
        end = start - 1
    return counts


def _is_count(figure: re.Match[str]) -> bool:
    unit = figure["unit"]
    return figure["num"] is not None and bool(unit) and unit not in MONEY_UNITS and not figure["op"] and "%" not in unit


def _split(text: str, start: int, counts: list[tuple[str, re.Match[str]]]) -> list[Indicator]:
    units = [figure["unit"] for _, figure in counts]
    stop = min((at for at in (text.find(")", start), text.find("）", start)) if at >= 0), default=len(text))
    stop = min(stop, start + _REACH)
    parts: list[tuple[str, dict[str, re.Match[str]]]] = []
    cuts = [start, *(at for found in _PART_BREAKS.finditer(text, start, stop) for at in found.span()), stop]
    for begin, end in zip(cuts[::2], cuts[1::2], strict=True):
        part = _part(text, begin, end, units)
        if part is None:
            break
        parts.append(part)
    if len(parts) < _MIN_PARTS or not all(_adds_up(parts, figure) for _, figure in counts):
        return []
    if any(_STAFF_STATUS.search(place) for place, _ in parts):
        return []
    return [
        Indicator(
            name=name,
            actual=figure_at(text, *figure.span(), FOUND_BY),
            breakdown=[
                NamedFigure(name=place, figure=figure_at(text, *figures[figure["unit"]].span(), FOUND_BY))
                for place, figures in parts
            ],
        )
        for name, figure in counts
    ]


def _part(text: str, start: int, end: int, units: list[str]) -> tuple[str, dict[str, re.Match[str]]] | None:
    """`东岭村4人、4套`: the place and one figure in each unit, or None."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    found = _PART.fullmatch(text, start, end)
    if found is None:
        return None
    figures: dict[str, re.Match[str]] = {}
    for figure in QUANTITY.finditer(text, found.start("figures"), end):
        if figure.end() == figure.start():
            continue
        between = text[figure.start() - 1] if figure.start() > found.start("figures") else ""
        if between and between not in _FIGURE_BREAKS:
            return None
        if figure["unit"] not in units or figure["unit"] in figures or not _is_count(figure):
            return None
        figures[figure["unit"]] = figure
    if set(figures) != set(units):
        return None
    return found["place"], figures


def _adds_up(parts: list[tuple[str, dict[str, re.Match[str]]]], count: re.Match[str]) -> bool:
    total = sum(float(figures[count["unit"]]["num"].replace(",", "")) for _, figures in parts)
    return abs(total - float(count["num"].replace(",", ""))) < 1e-9


# `资助年限为高中阶段2年、中职1年共3年`: the parts first, the total after 共 in the same clause
_PARTS_TOTAL = re.compile(r"(?P<name>[^，,；;。：:、\d]{2,30}?)(?:为|是|[：:])(?P<parts>[^，,；;。]+?)(?:共计|合计|共)")
_LISTED_PART = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,12}?)(?P<figure>\d[^、，,；;。]*)")


def parts_then_total(text: str, start: int, end: int) -> tuple[str, re.Match[str], list[NamedFigure]] | None:
    """The clause text[start:end] as `name为 part N、part M 共 T`: the name, the total and its parts, when
    there are two parts or more, each one count in the total's unit, and they add up to it; else None."""
    if text.find("、", start, end) < 0 or (text.find("共", start, end) < 0 and text.find("合计", start, end) < 0):
        return None  # the cues: two parts at least, and the word of the total
    found = _PARTS_TOTAL.match(text, start, end)
    total = QUANTITY.fullmatch(text, found.end(), end) if found else None
    if found is None or total is None or not _is_count(total):
        return None
    parts: list[NamedFigure] = []
    figures: list[re.Match[str]] = []
    for begin, stop in _spans(text, found.start("parts"), found.end("parts")):
        part = _LISTED_PART.fullmatch(text, begin, stop)
        figure = QUANTITY.fullmatch(text, part.start("figure"), stop) if part else None
        if part is None or figure is None or not _is_count(figure) or figure["unit"] != total["unit"]:
            return None
        figures.append(figure)
        parts.append(NamedFigure(name=part["place"], figure=figure_at(text, *figure.span(), FOUND_BY)))
    if len(parts) < _MIN_PARTS or not _adds_up([("", {total["unit"]: figure}) for figure in figures], total):
        return None
    return found["name"], total, parts


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [found.span() for found in _NOT_A_LIST_MARK.finditer(text, start, end)]


_NOT_A_LIST_MARK = re.compile(r"[^、]+")


__all__ = ["parts_then_total", "read_count_breakdowns"]
