"""The 年度总体目标 block of a 自评表: the goal and its summary of what was done, not indicators.

The form prints a row of column words, then the goal's text and its completion text in one or two cells,
then the indicator table's header:

    年度总体目标 | 预期目标 | 实际完成情况 |
    全年培训农民300人,… | 完成培训326人,参训群众满意度达98%。 |
    一级指标 | 二级指标 | 三级指标 | …

Figures there restate the year's goal and results in prose (LABELLING.md: 年度总体目标 text is no
indicator); the indicator table after it states them as indicators. The indicator grammar reads the text
with such blocks blanked (offsets kept). Only the form's row of column words opens a block, never a
report's heading (`(一)年度总体目标完成情况`), whose paragraphs are the report's own statements.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.blanking import blanked

_CELL = r"(?:年度)?(?:总体)?目标(?:完成情况)?|预期目标|(?:全年)?(?:实际)?完成情况"
# starts with its literal, so the scan jumps from label to label; the line start is checked after
_HEAD = re.compile(rf"(?:年度总体目标|总体目标完成情况|年度目标)[ \t|:：]+(?:{_CELL})[ \t|]+(?:{_CELL})[ \t|]*$", re.M)
_LINE_LEAD = re.compile(r"[ \t|]*")
_END = re.compile(
    r"一级指标|二级指标|三级指标|绩效指标"
    r"|^[ \t]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])",
    re.M,
)
_MAX_LINES = 8  # the goal's cells wrap over a few lines at most; more is a report's text


def without_goal_blocks(text: str) -> str:
    """The text with each 年度总体目标 block of a form blanked (same length, newlines kept)."""
    if "总体目标" not in text and "年度目标" not in text:
        return text
    spans = []
    for head in _HEAD.finditer(text):
        line_start = text.rfind("\n", 0, head.start()) + 1
        if _LINE_LEAD.fullmatch(text, line_start, head.start()) is None:
            continue  # inside a line: a sentence's words, not the form's row
        end = _END.search(text, head.end())
        stop = end.start() if end else len(text)
        if text.count("\n", head.end(), stop) <= _MAX_LINES:
            spans.append((head.end(), stop))
    return blanked(text, spans)
