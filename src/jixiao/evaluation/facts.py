"""Facts: the unit the eval counts, and the stable paths that name them.

A fact is one (path, value) pair a report asserts. Paths name repeated items by key (see `matching`), not
by list position, so a gold and an output report that list the same things in another order agree:

    region = 额尔古纳市                                         family header (also fund, year, truncated)
    funding.budget.total = 1435.89 万元                         family funding totals (also allocated,
    funding.execution_rate = 99.57 %                            executed, and the stated execution rate)
    funding.budget.by_source[central].amount = 522.65 万元      family funding sources
    spending[社会保险补贴].amount = 2189.86 万元                family spending (also .share)
    indicators[就业补助资金/城镇新增就业人数].target = 120 人   family indicator target
    indicators[就业补助资金/城镇新增就业人数].actual = -61 人   family indicator actual
    indicators[就业补助资金/城镇新增就业人数].category = 效益指标/经济效益指标   family indicator category
    indicators[…].completion = 101.5 %                          family completion %
    indicators[…].weight, .score; funding.execution_weight, .execution_score; total_score; grade
                                                                family scores
    indicators[…].breakdown[企业吸纳人员] = 108 人              family breakdown

A figure's value is its number, unit and comparator (`≥95%` ≠ `95%`; 万元 amounts compare in 万元), compared
exactly (to 1e-6; units without their joiners, 元/人·月 = 元/人*月, and a score's 分 is no unit); a figure with
no number (长期, 2024年10月, 优) compares by its text with spaces removed and in simplified script. A category
compares as (一级, 二级) without points (`产出指标(50分)`), 数量 as 数量指标, and a missing first level is the one
a standard second level implies (数量指标 → 产出指标). Fund names agree when one holds most of the other. A
null field (or truncated = false) is no fact: leaving out what the gold lacks is right, and costs nothing.
Not counted: title, level names other than the category pair, deviation reasons (free text), spans and
found_by.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.documents.traditional import simplified
from jixiao.evaluation.matching import ItemKeys, normalize_label
from jixiao.model import Figure, Indicator, Report
from jixiao.vocabulary import LEVEL1_OF, canonical_level2, level_name

FAMILIES = (
    "header",
    "funding totals",
    "funding sources",
    "spending",
    "indicator target",
    "indicator actual",
    "indicator category",
    "completion %",
    "scores",
    "breakdown",
)
FUNDING_LINES = ("initial", "budget", "allocated", "executed")

FactValue = tuple[object, ...]


@dataclass(frozen=True)
class FigureSlot:
    """One figure of a report, with both of its names."""

    index_path: str  # as a FigureRef names it: indicators[3].actual
    path: str  # the stable fact path: indicators[就业补助资金/城镇新增就业人数].actual
    family: str
    figure: Figure


@dataclass(frozen=True)
class Fact:
    path: str
    family: str
    value: FactValue
    shown: str  # how the value reads in a report of differences


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


_UNIT_JOINERS = re.compile(r"[/·・*×\s]")


def unit_key(unit: str | None) -> str | None:
    """A unit as compared: 百分比 is %, a score's 分 is no unit, and 元/人·月 = 元/人*月 = 元/人/月."""
    if unit in (None, "", "分"):
        return None
    return "%" if unit == "百分比" else _UNIT_JOINERS.sub("", unit) or None


def figure_value(figure: Figure) -> FactValue | None:
    if figure.value is not None:
        return ("number", round(figure.value, 6), unit_key(figure.unit), figure.op.value if figure.op else None)
    text = simplified(_compact(figure.text))  # 優 is 优: the script is not the value
    return ("text", text) if text else None


def shown(figure: Figure) -> str:
    """The printed text, plus the parsed value when the text does not show it (元 read as 万元, a typo)."""
    if figure.value is None or f"{figure.value:g}" in figure.text.replace(",", ""):
        return figure.text
    return f"{figure.text} [{figure.value:g} {figure.unit or ''}]".replace(" ]", "]")


def breakdown_keys(indicator: Indicator) -> list[str]:
    """Keys of an indicator's parts: their names without spaces, width folded (`和平村（补水工程）` is
    `和平村(补水工程)`)."""
    used: set[str] = set()
    keys = []
    for part in indicator.breakdown:
        name = unicodedata.normalize("NFKC", _compact(part.name))
        key, count = name, 1
        while key in used:
            count += 1
            key = f"{name}#{count}"
        used.add(key)
        keys.append(key)
    return keys


def _indicator_slots(index: int, key: str, indicator: Indicator) -> Iterator[FigureSlot]:
    at, named = f"indicators[{index}]", f"indicators[{key}]"
    fields = (
        ("target", "indicator target"),
        ("actual", "indicator actual"),
        ("completion", "completion %"),
        ("weight", "scores"),
        ("score", "scores"),
    )
    for name, family in fields:
        figure = getattr(indicator, name)
        if figure is not None:
            yield FigureSlot(f"{at}.{name}", f"{named}.{name}", family, figure)
    for j, (part_key, part) in enumerate(zip(breakdown_keys(indicator), indicator.breakdown, strict=True)):
        yield FigureSlot(f"{at}.breakdown[{j}].figure", f"{named}.breakdown[{part_key}]", "breakdown", part.figure)


def figure_slots(report: Report, keys: ItemKeys) -> list[FigureSlot]:
    """Every figure the report holds, in model order."""
    slots: list[FigureSlot] = []
    funding = report.funding
    for line in FUNDING_LINES:
        block = getattr(funding, line)
        if block.total is not None:
            slots.append(FigureSlot(f"funding.{line}.total", f"funding.{line}.total", "funding totals", block.total))
        for i, (key, row) in enumerate(zip(keys.sources.get(line, []), block.by_source, strict=False)):
            at, named = f"funding.{line}.by_source[{i}].amount", f"funding.{line}.by_source[{key}].amount"
            slots.append(FigureSlot(at, named, "funding sources", row.amount))
    extras = (("execution_rate", "funding totals"), ("execution_weight", "scores"), ("execution_score", "scores"))
    for name, family in extras:
        figure = getattr(funding, name)
        if figure is not None:
            slots.append(FigureSlot(f"funding.{name}", f"funding.{name}", family, figure))
    for i, (key, item) in enumerate(zip(keys.spending, report.spending, strict=False)):
        for name in ("amount", "share"):
            figure = getattr(item, name)
            if figure is not None:
                slots.append(FigureSlot(f"spending[{i}].{name}", f"spending[{key}].{name}", "spending", figure))
    for i, (key, indicator) in enumerate(zip(keys.indicators, report.indicators, strict=False)):
        slots.extend(_indicator_slots(i, key, indicator))
    for name in ("total_score", "grade"):
        figure = getattr(report, name)
        if figure is not None:
            slots.append(FigureSlot(name, name, "scores", figure))
    return slots


def _header_facts(report: Report) -> Iterator[Fact]:
    for name in ("region", "fund"):  # names: compared like indicator names (width, script, punctuation)
        text = getattr(report, name)
        if text:
            yield Fact(name, "header", ("name", normalize_label(text)), text)
    if report.year is not None:
        yield Fact("year", "header", ("number", report.year), str(report.year))
    if report.truncated:
        yield Fact("truncated", "header", ("flag", True), "truncated")


def _category_facts(report: Report, keys: ItemKeys) -> Iterator[Fact]:
    for key, indicator in zip(keys.indicators, report.indicators, strict=False):
        if indicator.level1 or indicator.level2:
            level2 = canonical_level2(simplified(indicator.level2 or ""))  # 數量指標 is 数量指标, of 产出指标
            # the first level a standard second level implies (数量指标 → 产出指标) is the same category whether
            # the table printed it or not
            # (服务对象满意度, printed without its 指标, implies 满意度指标 as 服务对象满意度指标 does)
            level1 = (
                level_name(simplified(indicator.level1 or ""))
                or LEVEL1_OF.get(level2)
                or LEVEL1_OF.get(f"{level2}指标", "")
            )
            level1, level2 = normalize_label(level1), normalize_label(level2)
            value = ("category", level1, level2)
            shown = f"{indicator.level1 or '?'}/{indicator.level2 or '?'}"
            yield Fact(f"indicators[{key}].category", "indicator category", value, shown)


def report_facts(report: Report, keys: ItemKeys) -> dict[str, Fact]:
    """All facts of a report, by path."""
    facts = {fact.path: fact for fact in _header_facts(report)}
    for slot in figure_slots(report, keys):
        value = figure_value(slot.figure)
        if value is not None:
            facts[slot.path] = Fact(slot.path, slot.family, value, shown(slot.figure))
    facts.update((fact.path, fact) for fact in _category_facts(report, keys))
    return facts


_ITEM = re.compile(r"^(indicators|spending)\[(\d+)\]|^funding\.(\w+)\.by_source\[(\d+)\]")
_BREAKDOWN = re.compile(r"\.breakdown\[(\d+)\](?:\.figure)?")


def stable_path(index_path: str, report: Report, keys: ItemKeys) -> str:
    """Turn a FigureRef path with list positions (indicators[3].actual) into the stable fact path.

    Paths already stable, or naming an item the report does not have, come back unchanged.
    """
    match = _ITEM.match(index_path)
    if match is None:
        return index_path
    rest = index_path[match.end() :]
    if match[1] == "indicators":
        i = int(match[2])
        if i >= len(keys.indicators) or i >= len(report.indicators):
            return index_path
        parts = breakdown_keys(report.indicators[i])
        part = _BREAKDOWN.match(rest)
        if part and int(part[1]) < len(parts):
            rest = f".breakdown[{parts[int(part[1])]}]" + rest[part.end() :]
        return f"indicators[{keys.indicators[i]}]{rest}"
    if match[1] == "spending":
        i = int(match[2])
        return f"spending[{keys.spending[i]}]{rest}" if i < len(keys.spending) else index_path
    line, i = match[3], int(match[4])
    rest = rest or ".amount"  # a ref to the whole row means its amount
    line_keys = keys.sources.get(line, [])
    return f"funding.{line}.by_source[{line_keys[i]}]{rest}" if i < len(line_keys) else index_path
