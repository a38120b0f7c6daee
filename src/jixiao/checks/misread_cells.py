"""Row cells no reader would take for an indicator's value: a word of the head's attribute columns, or a
number cut out of the words of a name. Both are plausibility suspects (`plausibility.suspects`): a finding
that would use them says the tool may have misread the row, and accuses nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.model import Report

# the words of a sheet's 指标性质 / 指标方向 / 比较方式 columns: a cell of the head's attributes, never a value
_ATTRIBUTE_CELL = re.compile(r"(?:正向|反向|定性|定量|共性|个性)(?:指标)?|(?:大于|小于)?等于|大于|小于")
_WORD = re.compile(r"[A-Za-z\u4e00-\u9fff]")


def attribute_cells(report: Report) -> Iterator[tuple[str, str]]:
    """A target or actual that is a word of the head's attribute columns (正向, 大于等于): the row's cells were
    taken one column early, so what seems its value (or its missing one) is not the report's."""
    for i, indicator in enumerate(report.indicators):
        for field in ("target", "actual"):
            figure = getattr(indicator, field)
            if figure is not None and _ATTRIBUTE_CELL.fullmatch(figure.text.strip()):
                yield f"indicators[{i}].{field}", f"“{figure.text}” 是指标性质或比较方式栏的词，不是指标值，可能错了列"


def inside_words(report: Report, text: str | None) -> Iterator[tuple[str, str]]:
    """A bare number of a table row printed inside words (`配套电力设施1250KVA变压器3台`): a cell's name cut at
    its digits, not a value of the row (a value's unit, had it one, would have been read with it)."""
    if text is None:
        return
    for i, indicator in enumerate(report.indicators):
        for field in ("target", "actual"):
            figure = getattr(indicator, field)
            if figure is None or figure.span is None or figure.unit is not None or figure.value is None:
                continue
            start, end = figure.span.start, figure.span.end
            if not (figure.found_by or "").startswith("table.") or start == 0 or end >= len(text):
                continue
            if _WORD.match(text[start - 1]) and _WORD.match(text[end]):
                yield (
                    f"indicators[{i}].{field}",
                    f"{figure.text} 印在文字中间（{text[max(0, start - 4) : end + 4]}），是名称的一部分，不是指标值",
                )
