"""The stated total score and grade, and whether the document was cut off.

Reports state them in the 自评结论 (`本项目自评得分96.5分，等级为优`, `自评结论为“优秀”`); a table's
总分 row, when there is one, is read with the table.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at
from jixiao.model import Figure, Kind

_TOTAL = re.compile(r"(?:自评|综合|评价|总)(?:得分|分数|总分|评分)(?:为|是|达|[:：])?\s*(?P<score>\d+(?:\.\d+)?)\s*分")
_GRADE = re.compile(
    r"(?:等级|等次|评价结论|自评结论|评价结果|评定|评级)(?:为|是|[:：])?\s*[“\"「『']?"
    r"(?P<grade>优秀|良好|合格|不合格|优|良|中|差)"
)
_ENDS_SENTENCE = '。！？!?；;.)）」』”"|:：%'
_CUT_MARKS = "，,、（(：:"
_MIN_CUT_LINE = 25


def total_score_of(text: str) -> Figure | None:
    match = _TOTAL.search(text)
    return figure_at(text, *match.span("score"), "narrative.total_score") if match else None


def grade_of(text: str) -> Figure | None:
    match = _GRADE.search(text)
    if match is None:
        return None
    figure = figure_at(text, *match.span("grade"), "narrative.grade")
    figure.kind, figure.value, figure.unit = Kind.TEXT, None, None
    return figure


def ends_mid_sentence(text: str) -> bool:
    """The last line stops inside a sentence: after a comma, or a long line with no closing mark.

    Signatures, dates and 附件 lines at the end of a report are short and do not count.
    """
    tail = text.rstrip()
    if not tail:
        return False
    last = tail[tail.rfind("\n") + 1 :].strip()
    if last[-1] in _CUT_MARKS:
        return True
    return len(last) >= _MIN_CUT_LINE and last[-1] not in _ENDS_SENTENCE and not last.startswith("附件")
