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
