"""What an indicator table's head prints: whether a sheet of targets has a column for their results."""

from __future__ import annotations

import re

from jixiao.model import Indicator

# the head of an indicator table: its 指标值 column, then (in a 自评表) the column of results
_TARGET_HEAD = re.compile(r"指标值")
_ACTUAL_HEAD = re.compile(r"完成值|实际值|实际完成")
_HEAD_REACH = 200  # characters from the 指标值 heading to the first row: the rest of the head row


def prints_actual_column(text: str | None, rows: list[Indicator]) -> bool:
    """The indicator table's head names a results column (指标值 … 完成值 before its first row): a 自评表
    whose every 完成值 cell is empty, not a 绩效目标表 (which prints no such column). The first row is where
    its cells were read, or (figures given without spans) where its name is first printed."""
    if text is None:
        return False
    starts = [f.span.start for ind in rows for f in (ind.target, ind.actual) if f is not None and f.span is not None]
    if not starts:
        starts = [at for ind in rows if (at := text.find(ind.name)) >= 0]
    if not starts:
        return False
    first = min(starts)
    heads = list(_TARGET_HEAD.finditer(text, max(0, first - _HEAD_REACH), first))
    return bool(heads) and _ACTUAL_HEAD.search(text, heads[-1].end(), first) is not None
