"""A report laid out by a province's 考核办法: blocks that print their points, items scored in their text.

    一、资金投入方面,指标评价得分15
    (一)本级配套资金落实情况
    …本级安排的配套资金为58万元,指标评价得分6分。
    (二)资金使用的合规性情况
    …

A `一、` heading that ends in the points its block was given (`…方面,指标评价得分15`) names a block of the
assessment (its noun, without 方面); the points are the block's subtotal, no indicator. Each `(一)` heading on a
line of its own under it is an indicator under that block, scored by the first `得分N分` of its text (none when
the excerpt is cut before it). Read only where such a block heading stands and at least one of its items gives
its score in its text: a `(一)` heading alone is a report's own section.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Indicator

_BLOCK = re.compile(
    r"(?m)^[ \t]*[一二三四五六七八九十]{1,2}、[ \t]*(?P<name>[^\n，,。；;:：（()）\d]{2,12}?)(?:方面)?"
    r"[ \t]*[，,]?[ \t]*(?:指标)?(?:评价)?得分[:：为]?[ \t]*\d{1,3}(?:\.\d+)?分?[ \t]*$"
)
_TOP = re.compile(r"(?m)^[ \t]*[一二三四五六七八九十]{1,2}、")
_ITEM = re.compile(
    r"(?m)^[ \t]*[（(][一二三四五六七八九十]{1,2}[)）]、?[ \t]*(?P<name>[^\n，,。；;:：\d]{2,40}?)[ \t]*$"
)
_GIVEN = re.compile(r"(?:指标)?(?:评价)?得分(?:为)?[:：]?[ \t]*(?P<score>\d{1,3}(?:\.\d+)?分)")
_FOUND_BY = "narrative.assessed_item"


def read_assessed_blocks(text: str) -> list[Indicator]:
    """The items of every block that prints its points, or none when no item gives its score."""
    if text.find("得分") < 0:
        return []  # the cheap test
    blocks = list(_BLOCK.finditer(text))
    if not blocks:
        return []
    tops = [match.start() for match in _TOP.finditer(text)]
    items: list[Indicator] = []
    for block in blocks:
        end = next((at for at in tops if at > block.start()), len(text))
        items += _items(text, block["name"].strip(), block.end(), end)
    return items if any(item.score is not None for item in items) else []


def _items(text: str, block: str, start: int, end: int) -> list[Indicator]:
    heads = list(_ITEM.finditer(text, start, end))
    items = []
    for index, head in enumerate(heads):
        stop = heads[index + 1].start() if index + 1 < len(heads) else end
        given = _GIVEN.search(text, head.end(), stop)
        score = figure_at(text, *given.span("score"), _FOUND_BY) if given else None
        items.append(Indicator(name=head["name"].strip(), level1=block, score=score))
    return items


__all__ = ["read_assessed_blocks"]
