"""Standards stated in one sentence, then restated after 实际 in the next with what was done:

    ③成本指标:补助资金标准小学生均标准为650元/生.年,初中生均标准为850元/生.年。实际小学生均标准为650元/生.年,
    初中生均标准为850元/生.年。

Each `name为figure` clause of the 实际 sentence is an indicator's actual, its target the figure of the clause
before that ends with the same name (a longer name there carries the fund's words). Read only when every
clause of both sentences is such a clause, the names pair one to one in order, and each pair shares its unit.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.clauses import ClauseReader, clean_name
from jixiao.extract.rules.figures import figure_at
from jixiao.numbers import QUANTITY

FOUND_BY = "narrative.restated"
_RESTATED = re.compile(r"。[ \t]*实际(?=[\u4e00-\u9fff])")
_CLAUSE = re.compile(r"(?P<name>[^，,；;。：:\d]{2,40}?)(?:为|是|达到)(?P<figure>[^，,；;。]+)")
_BREAKS = re.compile(r"[，,；;]")
_MIN_NAME = 2


def read_restated(reader: ClauseReader, start: int, end: int) -> bool:
    """Read the pair of sentences of text[start:end] (see the module); False when the line is not one."""
    text = reader.text
    restated = _RESTATED.search(text, start, end) if text.find("实际", start, end) >= 0 else None
    if restated is None:
        return False
    colon = max(text.rfind(mark, start, restated.start()) for mark in "：:")
    stated = _clauses(text, max(start, colon + 1), restated.start())
    stop = text.find("。", restated.end(), end)
    actual = _clauses(text, restated.end(), end if stop < 0 else stop)
    if not stated or actual is None or len(stated) != len(actual):
        return False
    for (long_name, target), (name, done) in zip(stated, actual, strict=True):
        if not long_name.endswith(name) or target["unit"] != done["unit"]:
            return False
    reader.found_by = FOUND_BY
    for (_, target), (name, done) in zip(stated, actual, strict=True):
        reader.add(
            None, name, target=figure_at(text, *target.span(), FOUND_BY), actual=figure_at(text, *done.span(), FOUND_BY)
        )
    return True


def _clauses(text: str, start: int, end: int) -> list[tuple[str, re.Match[str]]] | None:
    """Every clause of text[start:end] as (name, figure); None when one is not `name为figure`."""
    cuts = [start, *(at for found in _BREAKS.finditer(text, start, end) for at in found.span()), end]
    found = []
    for begin, stop in zip(cuts[::2], cuts[1::2], strict=True):
        while stop > begin and text[stop - 1] in "。 \t":
            stop -= 1
        clause = _CLAUSE.fullmatch(text, begin, stop)
        figure = QUANTITY.fullmatch(text, clause.start("figure"), stop) if clause else None
        if clause is None or figure is None or figure["num"] is None:
            return None
        name = clean_name(clause["name"])
        if len(name) < _MIN_NAME:
            return None
        found.append((name, figure))
    return found
