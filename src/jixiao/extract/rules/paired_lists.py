"""Targets listed after 目标：, then what was done listed after 实际完成：, naming the same things.

    项目目标：资助困难老人体检300人，慢病随访服务1200人次，助听器适配40实际完成：资助困难老人体检312人，
    慢病随访服务1150人次，助听器适配40人。

Each name of the second list that the first list also names is one indicator, with the first list's figure
as its target and the second's as its actual (a target may lose its unit where the list runs into the
marker, `适配40实际完成`). Names are compared as printed; a name only one list has is left out, and it
takes two names in both lists to read them as a pair of lists.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Indicator
from jixiao.numbers import QUANTITY
from jixiao.vocabulary import MONEY_UNITS

_TARGETS = re.compile(r"目标[：:]")
_ACTUALS = re.compile(r"(?:实际完成情况|实际完成|完成情况)[：:]")
_ITEM_BREAKS = re.compile(r"[，,；;]")
_MIN_PAIRS = 2
_MAX_NAME = 30
_FOUND_BY = "narrative.paired_lists"


def _items(text: str, start: int, end: int) -> dict[str, tuple[int, int]]:
    """`name figure` items of text[start:end], by name (span of the figure); none when one is not."""
    items: dict[str, tuple[int, int]] = {}
    cuts = [start, *(at for found in _ITEM_BREAKS.finditer(text, start, end) for at in found.span()), end]
    for begin, stop in zip(cuts[::2], cuts[1::2], strict=True):
        while stop > begin and text[stop - 1] in "。 \t":
            stop -= 1
        figures = [found for found in QUANTITY.finditer(text, begin, stop) if found.end() > found.start()]
        if not figures or figures[-1].end() != stop or figures[-1]["num"] is None:
            return {}
        name = text[begin : figures[-1].start()].strip()
        if not 2 <= len(name) <= _MAX_NAME or figures[-1]["unit"] in MONEY_UNITS:
            return {}
        items[name] = figures[-1].span()
    return items


def read_paired_lists(text: str) -> list[Indicator]:
    indicators: list[Indicator] = []
    for targets in _TARGETS.finditer(text):
        line_end = text.find("\n", targets.end())
        line_end = len(text) if line_end < 0 else line_end
        actuals = _ACTUALS.search(text, targets.end(), line_end)
        if actuals is None:
            continue
        stop = text.find("。", actuals.end(), line_end)
        planned = _items(text, targets.end(), actuals.start())
        done = _items(text, actuals.end(), line_end if stop < 0 else stop)
        names = [name for name in done if name in planned]
        if len(names) < _MIN_PAIRS:
            continue
        indicators.extend(
            Indicator(
                name=name,
                target=figure_at(text, *planned[name], _FOUND_BY),
                actual=figure_at(text, *done[name], _FOUND_BY),
            )
            for name in names
        )
    return indicators


__all__ = ["read_paired_lists"]
