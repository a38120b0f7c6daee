"""Progress on a goal: the goal stated with its figure, then what is done so far in the next sentence.

    计划改造中低产田0.8万亩。目前已落实5300亩，并启动了东村1组900亩、西村3队1400亩。

The goal's figure is the target, `目前已落实X` (same unit or its 万) the actual, and the parts listed after
`并…了` the actual's breakdown.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.achieved_names import MAX_NAME, achieved_name
from jixiao.extract.rules.clauses import ClauseReader
from jixiao.extract.rules.figures import figure_at
from jixiao.extract.rules.statement_lists import CLAUSE_BREAKS
from jixiao.model import Figure, Indicator, NamedFigure
from jixiao.numbers import QUANTITY

# `计划改造中低产田0.8万亩。目前已落实5300亩，并启动了东村1组900亩、西村3队1400亩…`: the goal's figure, what is
# done so far, and the parts it lists
_PROGRESS = re.compile(r"(?:目前|截至目前|现)已(?:落实|完成|建成)")
_GOAL_LEAD = re.compile(r"^\s*(?:计划|拟)")
_PARTS_LEAD = re.compile(r"[，,]\s*并[^，,。；;\d]{0,8}?了")
_PART_BREAKS = "，,、 \t"


def read_progress(reader: ClauseReader, start: int, end: int) -> None:
    """A goal stated with its figure, then `目前已落实X` in the next sentence in the same unit (or its 万):
    the goal's target and its actual, and the parts listed after `并…了` its breakdown."""
    text = reader.text
    if text.find("已", start, end) < 0:
        return
    for progress in _PROGRESS.finditer(text, start, end):
        actual = QUANTITY.match(text, progress.end(), end)
        if actual is None or actual["num"] is None or not _is_extent(actual["unit"]):
            continue
        sentence = max(start, text.rfind("。", start, progress.start() - 1) + 1)
        goal = _goal(text, sentence, progress.start(), actual["unit"])
        if goal is None:
            continue
        name, target = goal
        reader.found_by = "narrative.progress"
        indicator = reader.add(None, name, target=target, actual=figure_at(text, *actual.span(), reader.found_by))
        lead = _PARTS_LEAD.match(text, actual.end(), end)
        if lead:
            _parts(reader, indicator, lead.end(), end, actual["unit"])


def _is_extent(unit: str | None) -> bool:
    return bool(unit) and unit not in ("%", "元", "万元", "亿元", "千元") and "/" not in (unit or "")


def _same_family(unit: str | None, other: str | None) -> bool:
    return bool(unit and other) and (unit == other or unit == f"万{other}" or other == f"万{unit}")


def _goal(text: str, start: int, end: int, unit: str | None) -> tuple[str, Figure] | None:
    """The one `name figure` clause of text[start:end] in the unit's family."""
    found = []
    for clause_start, clause_end in _clauses(text, start, end):
        quantities = [q for q in QUANTITY.finditer(text, clause_start, clause_end) if q.end() > q.start()]
        if quantities and quantities[-1].end() == clause_end and _same_family(quantities[-1]["unit"], unit):
            name = achieved_name(_GOAL_LEAD.sub("", text[clause_start : quantities[-1].start()]))
            if name:
                found.append((name, figure_at(text, *quantities[-1].span(), "narrative.progress")))
    return found[0] if len(found) == 1 else None


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start, *(at for found in CLAUSE_BREAKS.finditer(text, start, end) for at in found.span()), end]
    spans = []
    for begin, stop in zip(cuts[::2], cuts[1::2], strict=True):
        while stop > begin and text[stop - 1] in "。 \t":
            stop -= 1
        spans.append((begin, stop))
    return spans


def _parts(reader: ClauseReader, indicator: Indicator, start: int, end: int, unit: str | None) -> None:
    text = reader.text
    stop = min((found for found in (text.find(char, start, end) for char in "。；;\n") if found >= 0), default=end)
    name_start = start
    for part in QUANTITY.finditer(text, start, stop):
        if part.end() == part.start() or part["unit"] != unit:
            continue
        raw = text[name_start : part.start()]
        raw = raw[1:] if name_start > start and raw.startswith("和") else raw  # `…1800亩和百顺基地840亩`
        name = raw.strip(_PART_BREAKS)
        if not name or len(name) > MAX_NAME:
            return
        indicator.breakdown.append(NamedFigure(name=name, figure=figure_at(text, *part.span(), reader.found_by)))
        name_start = part.end()
