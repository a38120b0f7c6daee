"""A 区域绩效目标自评表 whose only points column, 自评得分, is headed once at the top of the form.

    专项名称 | 食品抽检补助资金 | … | 自评得分
    …
    一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成指标值 | 5
    产出指标 | 数量指标 | 抽检批次 | 500批 | 520批 | 5

The form's right-hand column holds the score of every block and row, and its header cell stands beside the
form's first row, far above the indicator header, which names no 分值 or 得分 of its own. Such an indicator
header ending on its 实际完成值 column gets the 得分 column after it; nothing is read as a 分值.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.table import Role

_WORD = "自评得分"
_SIDE_HEADER = re.compile(r"(?:[^|\n]*\|)*[ \t]*自评得分(?:[（(]分[)）])?[ \t]*(?=\n|\||$)")  # a cell of its own
_FORM_REACH = 1200  # chars before the indicator header searched for the form's 自评得分 cell


def with_side_scores(text: str, header_start: int, columns: list[Role]) -> list[Role]:
    """The indicator columns, with a 得分 column after the last one when the form heads its scores beside its
    first row (see the module's note); unchanged otherwise."""
    if not columns or columns[-1] is not Role.ACTUAL or Role.SCORE in columns or Role.WEIGHT in columns:
        return columns
    at = text.find(_WORD, max(0, header_start - _FORM_REACH), header_start)
    while at >= 0:
        if _SIDE_HEADER.match(text, text.rfind("\n", 0, at) + 1, header_start):
            return [*columns, Role.SCORE]
        at = text.find(_WORD, at + len(_WORD), header_start)
    return columns
