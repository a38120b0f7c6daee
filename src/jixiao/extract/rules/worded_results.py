"""Results a statement gives in words or as a bound, not as a plain figure.

    3个泵站建设质量为合格；堤防防洪标准均达到20年一遇；受益群众满意度超过95%。

Under a title that says what was done (statements.read_achieved), such a clause is an actual too:
- a grade word (`合格`, `达标`, `优良`) or a design standard (`20年一遇`) after 为 / 达到: the word is the actual,
  the noun before it the name (a count before the noun, `3个`, says how many things were so graded: no name;
  the verdict of an act, `质量鉴定为合格`, names no measure);
- a satisfaction stated as a lower bound (`满意度超过90%`, `满意度达95%以上`): the bound is the actual as printed,
  which the checks then flag as no measured rate (indicators.actual_not_measured).
Only these two families: any other bound in a results sentence may restate the target it met.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.extract.rules.clauses import ClauseReader
from jixiao.extract.rules.figures import built_figure, figure_at
from jixiao.model import Indicator, Kind

_SATISFACTION = "满意度"
_CUE = re.compile(f"合格|达标|优良|优秀|一遇|{_SATISFACTION}")  # one search per clause: most clauses hold none
_GRADED = re.compile(
    r"(?:\d+(?:个|项|座|处|条|批))?(?P<name>[\u4e00-\u9fff]{2,20}?)(?:均|全部|都)?(?:为|达到|达)"
    r"(?P<value>合格|达标|优良|优秀|\d+年一遇)[ \t]*"
)
# `质量鉴定为合格`: the verdict of an act (an appraisal, an acceptance), not a measure the noun names
_ACT = re.compile(r"(?:鉴定|验收|评定|评估|检查|检测|认定|审核)$")
_BOUND = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{0,16}满意度)(?:均|都)?(?:为|达到|达)?"
    r"(?P<value>(?:超过|高于|不低于)\d+(?:\.\d+)?%(?:以上)?|\d+(?:\.\d+)?%以上)[ \t]*"
)
_FOUND_BY = "narrative.achieved"
_STANDARD = "年一遇"


def read_worded(reader: ClauseReader, start: int, end: int, name_of: Callable[[str], str]) -> Indicator | None:
    """The clause text[start:end] as a worded or bounded result (the indicator added), else None; `name_of`
    cleans a name the way the plain statements do (empty: no name)."""
    text = reader.text
    cue = _CUE.search(text, start, end)
    if cue is None:
        return None
    if cue.group(0) != _SATISFACTION:
        graded = _GRADED.fullmatch(text, start, end)
        if graded and not _ACT.search(graded["name"]) and (name := name_of(graded["name"])):
            value_start, value_end = graded.span("value")
            printed = text[value_start:value_end]
            if printed.endswith(_STANDARD):  # `20年一遇`: a number of years, the standard its unit
                value, unit, kind = float(printed[: -len(_STANDARD)]), _STANDARD, Kind.NUMBER
            else:  # a grade word: text
                value, unit, kind = None, None, Kind.TEXT
            actual = built_figure(printed, value, unit, None, kind, value_start, value_end, _FOUND_BY)
            reader.found_by = _FOUND_BY
            return reader.add(None, name, actual=actual)
    if text.find(_SATISFACTION, cue.start(), end) >= 0 and text.find("%", cue.start(), end) >= 0:
        bound = _BOUND.fullmatch(text, start, end)
        if bound and (name := name_of(bound["name"])):
            reader.found_by = _FOUND_BY
            return reader.add(None, name, actual=figure_at(text, *bound.span("value"), _FOUND_BY))
    return None
