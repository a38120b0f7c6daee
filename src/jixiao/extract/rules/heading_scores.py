"""Points given printed in a report's headings: `二、预算执行情况(自评得分10分)`, `1.数量指标(得分:20分):…`.

A report laid out by the 自评 template may print, after each heading, the points its part was given. The
heading of the budget-execution part (`预算执行情况`, `资金执行情况`) gives the funding's execution score. A
second-level heading (`数量指标`, `成本指标` …) whose line goes on with its results gives its points to the one
indicator read from that line; a line stating several indicators gives its points to nobody (a group's points
are no one indicator's). A score already read elsewhere is kept. A line that the sentences left unread and that
is just a name and a figure (`4.成本指标(自评得分10分):项目成本控制率≤100%。`) is that level's result: an
indicator with the figure as its actual, as printed (a bound there is a result no one measured, which the
checks flag), and the heading's points.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.achieved_names import achieved_name
from jixiao.extract.rules.figures import figure_at
from jixiao.model import Funding, Indicator
from jixiao.numbers import QUANTITY
from jixiao.vocabulary import LEVEL1_OF, LEVEL2_WORD

_CUE = re.compile(r"[（(](?:自评)?得分[:：为]?[ \t]*\d")
"""The cheap test before the heading pattern runs: a text without it prints no such heading."""
_HEADING = re.compile(
    r"(?m)^[ \t]*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）]、?|\d{1,2}[.．、](?!\d))[ \t]*"
    r"(?P<title>[^\n（()）:：。，,；;\d]{2,16}?)[ \t]*[（(](?:自评)?得分[:：为]?[ \t]*"
    r"(?P<score>\d{1,3}(?:\.\d+)?)[ \t]*分[)）]"
    r"[ \t]*(?:[:：][ \t]*(?P<rest>[^\n]*))?$"
)
_EXECUTION = re.compile(r"^(?:项目)?(?:预算|资金)执行(?:情况|率)?$")
_LEVEL2 = re.compile(rf"^{LEVEL2_WORD}$")
_FOUND_BY = "narrative.heading_score"
_NAMED_FIGURE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,20}?)(?=[≥≤<>=\d])")


def read_heading_scores(text: str, indicators: list[Indicator], funding: Funding) -> None:
    """Give the execution part's points to the funding and a result line's points to its one indicator."""
    if _CUE.search(text) is None:
        return
    for heading in _HEADING.finditer(text):
        title = heading["title"].strip()
        score = figure_at(text, *heading.span("score"), _FOUND_BY)
        if _EXECUTION.match(title):
            if funding.execution_score is None:
                funding.execution_score = score
            continue
        if not _LEVEL2.match(title) or heading["rest"] is None:
            continue
        start, end = heading.span("rest")
        stated = [indicator for indicator in indicators if _stated_in(indicator, start, end)]
        if len(stated) == 1 and stated[0].score is None:
            stated[0].score = score
        elif not stated and (result := _named_figure(text, start, end, title)) is not None:
            result.score = score
            indicators.append(result)


def _named_figure(text: str, start: int, end: int, level2: str) -> Indicator | None:
    """`项目成本控制率≤100%。`: the whole line a name and one figure, as that level's indicator."""
    while end > start and text[end - 1] in "。；; \t":
        end -= 1
    named = _NAMED_FIGURE.match(text, start, end)
    figure = QUANTITY.fullmatch(text, named.end(), end) if named else None
    if named is None or figure is None or figure["num"] is None or not (name := achieved_name(named["name"])):
        return None
    actual = figure_at(text, figure.start(), figure.end(), _FOUND_BY)
    return Indicator(level1=LEVEL1_OF.get(level2), level2=level2, name=name, actual=actual)


def _stated_in(indicator: Indicator, start: int, end: int) -> bool:
    figures = (indicator.target, indicator.actual, indicator.completion)
    return any(f is not None and f.span is not None and start <= f.span.start < end for f in figures)


__all__ = ["read_heading_scores"]
