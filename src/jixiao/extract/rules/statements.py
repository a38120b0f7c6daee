"""Achievements stated as `noun figure` in a level block under a 完成情况 title, without 指标值 / 实际完成 words.

    1.产出指标完成情况。全年共发生草原火灾2起，低于控制指标5起；火情处置率100%；应急物资储备55万元。
    （2）质量指标
    补助发放准确率100%。按照规定，城乡低保标准为800元/人/月，据实发放。
    3.质量指标。资金拨付率为97%及时率和准确率均为100%。

Under a title that says what was done, such a clause gives the indicator's actual. It is read only when its
words say what the figure is: a name with no digit and no target or actual marker, no comparison
(`低于控制指标5起` is a difference, not a target), the figure ends the clause and is plain (`≥90%` is a
target's shape; `800元/人/月` a policy standard). A sentence with a marker is the clause grammar's.
"""

from __future__ import annotations

import re
from itertools import pairwise

from jixiao.extract.rules.clauses import ACTUAL, TARGET_MARKER, ClauseReader, clean_name
from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, Indicator, NamedFigure
from jixiao.numbers import QUANTITY

_SENTENCE_ENDS = "。\n"
_CLAUSE_BREAKS = re.compile(r"[，,；;]")
# `经费发放率为98%覆盖率…`: a percent glued to the next name ends its clause
_GLUED_PERCENT = re.compile(r"%(?=[\u4e00-\u9fff])")
_COMPARISON = re.compile(r"^(?:低于|高于|超过|超出|少于|多于|不足|比|较|同比|环比|增长|下降|减少|增加|占)")
_NOT_A_NAME = re.compile(r"指标|目标|计划|预期|预计|任务|完成|实际|其中|合计|执行率|资金总额")
_LEAD = re.compile(r"^(?:共|累计|全年|年内)+")
# `覆盖率及资金到位率均为100%`: one figure for every name before it
_SHARED = re.compile(r"(?:均|都)(?:为|达到|达|是)")
_JOINERS = re.compile(r"及(?!时)|和|与|、")  # never the 及 of 及时率
_MAX_NAME = 30
_MONEY = ("元", "万元", "亿元")
_SPENT = re.compile(r"资金|经费|发放|下达|拨付|收到|安排")


def read_achieved(reader: ClauseReader, start: int, end: int) -> None:
    """Read the `noun figure` clauses of the marker-free sentences in text[start:end] as actuals."""
    text = reader.text
    position = start
    while position < end:
        stop = min((found for found in (text.find(char, position, end) for char in _SENTENCE_ENDS) if found >= 0),
                   default=end)  # fmt: skip
        if not ACTUAL.search(text, position, stop) and not TARGET_MARKER.search(text, position, stop):
            _read_sentence(reader, position, stop)
        position = stop + 1


def _read_sentence(reader: ClauseReader, start: int, end: int) -> None:
    text = reader.text
    parts = text.find("其中", start, end)  # `…，其中坡改梯25.26公顷，封育治理958.81公顷`: parts, not indicators
    end = parts if parts >= 0 else end
    cuts = [start]
    for found in _CLAUSE_BREAKS.finditer(text, start, end):
        cuts += [found.start(), found.end()]
    cuts.append(end)
    for begin, stop in zip(cuts[::2], cuts[1::2], strict=True):
        pieces = [begin] + [glued.end() for glued in _GLUED_PERCENT.finditer(text, begin, stop)] + [stop]
        for piece_start, piece_end in pairwise(pieces):
            _read_clause(reader, piece_start, piece_end)


def _read_clause(reader: ClauseReader, start: int, end: int) -> None:
    text = reader.text
    while end > start and text[end - 1] in " \t":
        end -= 1
    quantities = [found for found in QUANTITY.finditer(text, start, end) if found.end() > found.start()]
    if not quantities or quantities[-1].end() != end:
        return
    figure = quantities[-1]
    if figure["num"] is None or figure["op"] or figure["suffix"] or "/" in (figure["unit"] or ""):
        return
    if _read_before(reader, figure):
        return
    lead = text[start : figure.start()]
    shared = _SHARED.search(lead)
    names = _JOINERS.split(lead[: shared.start()]) if shared and shared.end() == len(lead) else [lead]
    cleaned = [_name(name) for name in names]
    if not all(cleaned) or (figure["unit"] in _MONEY and any(_SPENT.search(name) for name in cleaned)):
        return  # `发放补助资金278.8万元` restates the money spent, which funding reads
    reader.found_by = "narrative.achieved"
    for name in cleaned:
        reader.add(None, name, actual=figure_at(text, *figure.span(), reader.found_by))


def _read_before(reader: ClauseReader, figure: re.Match[str]) -> bool:
    """The figure was read already: `每年招募人员体检32人` is a target of the clause grammar's line."""
    return any(
        read is not None and read.span is not None and read.span.start < figure.end() <= read.span.end
        for indicator in reader.indicators
        for read in (indicator.target, indicator.actual)
    )


def _name(printed: str) -> str:
    name = _LEAD.sub("", clean_name(printed))
    if (
        not 2 <= len(name) <= _MAX_NAME
        or any(char.isdigit() for char in name)
        or not "\u4e00" <= name[0] <= "\u9fff"
        or _COMPARISON.match(name)
        or _NOT_A_NAME.search(name)
    ):
        return ""
    return name


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
            name = _name(_GOAL_LEAD.sub("", text[clause_start : quantities[-1].start()]))
            if name:
                found.append((name, figure_at(text, *quantities[-1].span(), "narrative.progress")))
    return found[0] if len(found) == 1 else None


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start, *(at for found in _CLAUSE_BREAKS.finditer(text, start, end) for at in found.span()), end]
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
        if not name or len(name) > _MAX_NAME:
            return
        indicator.breakdown.append(NamedFigure(name=name, figure=figure_at(text, *part.span(), reader.found_by)))
        name_start = part.end()
