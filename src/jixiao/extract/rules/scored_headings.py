"""A scoring sheet written as prose: each item a heading with its points, its text ending in the points given.

    一、决策(20分)
    (一)项目立项(8分)
    (1)立项依据充分性(4分)
    项目符合本县发展规划……程序完整。自评得4分。
    (二)资金落实(6分):
    资金已全部落实到位……自评得6分。

The headings are the sheet's levels: `一、` the first, `(一)` the second, `(1)` / `1.` the items. An item
is an indicator named as its heading prints it, under the headings above it, with the heading's points as
its weight and the first `自评得N分` of its text as its score (none when the text is cut before it), or the
points given that the heading prints itself (`(一)项目立项(分值10分,自评得10分)`). A
second-level heading with no items under it whose own text gives its points is an item itself, with no
second level. It is read only as a sheet: several headings with points and at least one score given in
their text (a lone `(二)资金管理(10分)` heading over a report's own text states no score), and only when
the points of every part printed whole are not short of their heading's (a heading missed would make the
checks' sums false). A heading that names an indicator level (`(一)产出指标(分值50分,得分49分)`) is a group of
indicators, never an item itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, Indicator
from jixiao.vocabulary import LEVEL_WORD

_HEADING = re.compile(
    r"(?m)^[ \t]*(?:(?P<top>[一二三四五六七八九十]+、)|(?P<second>[（(][一二三四五六七八九十]+[)）])"
    r"|(?P<item>[（(]\d{1,2}[)）]|\d{1,2}[.．、](?!\d)))[ \t]*"
    r"(?P<name>[^\n（()）\d:：。，,；;]{2,24}?)[ \t]*[（(](?:分值|满分|标准分)?[:：]?(?P<weight>\d{1,3}(?:\.\d+)?)分"
    r"(?:[,，;；][ \t]*(?:自评)?得分?[:：为]?(?P<given>\d{1,3}(?:\.\d+)?)分)?[)）][ \t]*[:：]?[ \t]*$"
)
_GIVEN = re.compile(r"自评得分?(?:为)?\s*(?P<score>\d{1,3}(?:\.\d+)?)\s*分")
_LEVEL_NAME = re.compile(LEVEL_WORD)
_MIN_HEADINGS = 3
_FOUND_BY = "narrative.scored_heading"
_POINTS_TOLERANCE = 0.01


@dataclass
class _Heading:
    level: int  # 1 top, 2 second, 3 item
    name: str
    weight: tuple[int, int]  # span of the points
    given: tuple[int, int] | None  # span of the points given, when the heading prints them (`(分值10分,自评得10分)`)
    start: int
    body_end: int  # where the next heading starts (or the text ends)


def _headings(text: str) -> list[_Heading]:
    found = list(_HEADING.finditer(text))
    headings = []
    for index, match in enumerate(found):
        level = 1 if match["top"] else 2 if match["second"] else 3
        body_end = found[index + 1].start() if index + 1 < len(found) else len(text)
        given = match.span("given") if match["given"] else None
        headings.append(_Heading(level, match["name"].strip(), match.span("weight"), given, match.end(), body_end))
    return headings


def _given(text: str, heading: _Heading) -> Figure | None:
    if heading.given is not None:
        return figure_at(text, *heading.given, _FOUND_BY)
    score = _GIVEN.search(text, heading.start, heading.body_end)
    return figure_at(text, *score.span("score"), _FOUND_BY) if score else None


def _adds_up(text: str, headings: list[_Heading]) -> bool:
    """Every heading whose part of the sheet is printed whole (a heading of its level or above follows) has
    at most the points of the headings right under it: a sheet read with a heading missed would give false
    sums. Parts over their heading's points (`投入(分值18分)` over 10 + 10) are the sheet's own misprint, which
    no missed heading makes."""
    for index, heading in enumerate(headings):
        if heading.level == 3:
            continue
        after = headings[index + 1 :]
        close = next((at for at, other in enumerate(after) if other.level <= heading.level), None)
        if close is None:
            continue  # the excerpt ends inside this part
        under = after[:close]
        if not under:
            continue
        top = min(other.level for other in under)
        points = sum(float(text[slice(*other.weight)]) for other in under if other.level == top)
        if float(text[slice(*heading.weight)]) - points > _POINTS_TOLERANCE:
            return False
    return True


def read_scored_headings(text: str) -> list[Indicator]:
    """The items of a scoring sheet written as prose, or nothing when the text is not one."""
    if text.count("分)") + text.count("分）") < _MIN_HEADINGS:
        return []  # each heading ends in its points: with fewer, fewer headings (most reports, not scanned)
    headings = _headings(text)
    if len(headings) < _MIN_HEADINGS or not any(_given(text, heading) for heading in headings):
        return []
    if not _adds_up(text, headings):
        return []
    indicators = []
    level1: str | None = None
    level2: str | None = None
    for index, heading in enumerate(headings):
        following = headings[index + 1].level if index + 1 < len(headings) else 0
        score = _given(text, heading)
        if heading.level == 1:
            level1, level2 = heading.name, None
            continue
        if heading.level == 2:
            level2 = heading.name
            if following == 3 or score is None or _LEVEL_NAME.fullmatch(heading.name):
                continue  # the items under it are the indicators; a second level with no score states nothing;
                # `(一)产出指标(分值50分,得分49分)` is a group of indicators its sentences state
        indicators.append(
            Indicator(
                level1=level1,
                level2=level2 if heading.level == 3 else None,
                name=heading.name,
                weight=figure_at(text, *heading.weight, _FOUND_BY),
                score=score,
            )
        )
    return indicators


__all__ = ["read_scored_headings"]
