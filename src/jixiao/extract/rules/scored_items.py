"""A scoring sheet written as prose that prints no points: items whose text ends in the score they were given.

    一、项目投入
    (一)、项目申报管理
    (1)政策合规性:县政府印发了扶持政策,得6分
    (2)项目申报符合性:1、制定了实施办法,得2分;2、申报材料符合要求,得2分。
    (二)资金落实
    (1)资金到位率:收到资金72万元,资金在审核拨付中。得2分。
    (2)资金到位及时率得2分。

An item (`(1)name:` at a line's start or after a sentence) whose text gives one score (`得N分`) is an indicator
named as its heading prints it, under the `一、` and `(一)` headings above it, with that score. An item scored in
numbered parts (`1、…得2分;2、…`) has no one score of its own: it is a row of the sheet with its levels and no
score, cut or not. Read only as a sheet:
at least three items scored so, and never where the sheet prints its points (`scored_headings` reads those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Indicator

# One level of the sheet each, not clauses.SECTION_NUMBER (any level): `(1)` items, `一、` top, `(一)` second.
_ITEM = re.compile(
    r"(?m)(?:^|(?<=[。；;]))[ \t]*[（(]\d{1,2}[)）][ \t]*"
    r"(?P<name>[^\n（()）\d:：。，,；;得]{2,20}?)[ \t]*(?:[:：]|(?=得\d))"
)
_TOP = re.compile(r"(?m)^[ \t]*[一二三四五六七八九十]{1,2}、[ \t]*(?P<name>[^\n，,。；;:：（()）\d]{2,12})[ \t]*$")
_SECOND = re.compile(
    r"(?m)^[ \t]*[（(][一二三四五六七八九十]{1,2}[)）]、?[ \t]*(?P<name>[^\n，,。；;:：（()）\d]{2,12})(?=[。\n]|$)"
)
_SCORE = re.compile(r"得(?P<score>\d{1,2}(?:\.\d+)?分)")
_PARTS = re.compile(r"[ \t]*1[、.．]")
_MIN_ITEMS = 3
_FOUND_BY = "narrative.scored_item"


@dataclass
class _Item:
    name: str
    start: int  # where its text starts
    end: int  # where the next item or heading starts


def read_scored_items(text: str) -> list[Indicator]:
    """The scored items of a sheet written as prose, or none when the text is no such sheet."""
    if text.find("得") < 0 or len(_SCORE.findall(text)) < _MIN_ITEMS:
        return []  # the cheap test: a sheet gives at least three scores
    items = _items(text)
    scored = []
    rows: list[tuple[int, Indicator]] = []  # every row of the sheet, in order, once it is one
    for item in items:
        scores = list(_SCORE.finditer(text, item.start, item.end))
        level1, level2 = _levels(text, item.start)
        if _PARTS.match(text, item.start, item.end) and scores:  # a row of the sheet, with no one score
            rows.append((item.start, Indicator(name=item.name, level1=level1, level2=level2)))
        if len(scores) != 1 or _PARTS.match(text, item.start, item.end):
            continue
        score = figure_at(text, *scores[0].span("score"), _FOUND_BY)
        scored.append(Indicator(name=item.name, level1=level1, level2=level2, score=score))
        rows.append((item.start, scored[-1]))
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])] if len(scored) >= _MIN_ITEMS else []


def _items(text: str) -> list[_Item]:
    found = list(_ITEM.finditer(text))
    breaks = sorted(
        [match.start() for match in found]
        + [match.start() for pattern in (_TOP, _SECOND) for match in pattern.finditer(text)]
    )
    items = []
    for match in found:
        end = next((at for at in breaks if at > match.start()), len(text))
        items.append(_Item(match["name"].strip(), match.end(), end))
    return items


def _levels(text: str, at: int) -> tuple[str | None, str | None]:
    """The `一、` and `(一)` headings above `at` (a second-level heading above the first-level one is not its)."""
    top = _last(_TOP, text, at)
    second = _last(_SECOND, text, at)
    level1 = top[1] if top else None
    level2 = second[1] if second and (top is None or second[0] > top[0]) else None
    return level1, level2


def _last(pattern: re.Pattern[str], text: str, at: int) -> tuple[int, str] | None:
    last = None
    for match in pattern.finditer(text, 0, at):
        last = (match.start(), match["name"].strip())
    return last


__all__ = ["read_scored_items"]
