"""Precision gates: a reading that shows it was unsure is kept out of the report.

Each gate looks at one property of what the readers emitted, not at a layout or a document: a name
that holds table debris was cut from the wrong cells, so its figures are another row's; a level cell
that holds a digit was read across two cells; a share (满意度, 合格率) above 100% or an execution row
worth the whole form's 100 points is a neighbour's cell; a row that has lost a cell was placed a column
off. Measured on the blind-era outputs of sets 8-12, sets 8-12, real, own and the layout eval's
transforms: each gate removes wrong outputs and costs no right one.
"""

from __future__ import annotations

import re

from jixiao.model import Figure, Funding, Indicator, Report
from jixiao.vocabulary import level_name

_CELL_MARK = re.compile(r"(?:^|\s)\|(?:\s|$)")
"""A cell separator inside a name (`基本情况 | 2.年度目标`): a header or template row read as an indicator. A bar
inside a word (`cmd|' /C`) is text, and stays for the exports to quote."""

_OPENS_CUT = re.compile(r"^(?:[)）\]】,，、。:：;；]|分[)）])")
"""A name opening with what closes or follows a cell (`分)资料归档及时性(3分)`): cut mid-cell."""

_ENDS_CUT = re.compile(r"[(（、,，:：]$")
"""A name ending where a cell goes on (`未完成原因分析（`, `灯具、`): the rest of it is in the next cell."""

_ONLY_BRACKETED = re.compile(r"^[(（][^)）]*[)）]$")
"""A name that is only a bracketed unit (`(万人)`): the tail of the name above, not a name."""

_OCR_DEBRIS = re.compile(r"[\u4e00-\u9fff](?:[a-z]{1,3}|O)[\u4e00-\u9fff]")
"""A lowercase Latin run or a lone O glued between CJK characters (`数量abc册`, `第O期`): a scan misread, so the
name's row was misread too. Upper-case words (LED, PM2.5) have no lowercase run between CJK."""

_CUT_AT_GOAL = re.compile(r"绩效(?:目标|指标)?$")
"""`设定绩效目标8个` read as an indicator named 设定绩效, `项目绩效70分` as one named 项目绩效, a column header
`绩效指标` or a block's title `其中年度绩效目标` with a row's cells: the goals or the form's block, never a
measure (a measure of the goals says what of them: 绩效目标合理性)."""

_SENTENCE = re.compile(r"[，,][^。]*。\s*$")
"""A name with a comma that ends with a full stop is a sentence (a deviation reason read as the name)."""

_NUMBERING = re.compile(r"^(?:指标\s*[0-9０-９]+|[0-9０-９]+)\s*[:：.、]\s*")
"""A row's numbering before its name (`指标1:`, `3、`)."""


def _cut_to_one_character(name: str) -> bool:
    """`指标1:技` (the rest of 技术… in the next cell): behind its numbering, a name of one character is a cut
    cell, never a measure."""
    return len(_NUMBERING.sub("", name)) < 2


def unsure_name(name: str) -> bool:
    """Whether an indicator's name shows its row was read from the wrong cells."""
    name = name.strip()
    return (
        bool(_CELL_MARK.search(name))
        or bool(_OPENS_CUT.match(name))
        or bool(_ENDS_CUT.search(name))
        or bool(_ONLY_BRACKETED.match(name))
        or bool(_OCR_DEBRIS.search(name))
        or bool(_CUT_AT_GOAL.search(name))
        or bool(_SENTENCE.search(name))
        or _cut_to_one_character(name)
    )


_LEVEL_DEBRIS = re.compile(r"[0-9０-９:：|]")


def debris_level(text: str) -> bool:
    """A level cell holding a digit, a colon or half a bracket (`管(20`, `指标3:社会效益`), or one character
    (`标`): cut across cells, not a level's name."""
    name = level_name(text)
    opened = name.count("(") + name.count("（")
    closed = name.count(")") + name.count("）")
    return len(name) < 2 or bool(_LEVEL_DEBRIS.search(name)) or opened != closed


_SHARE = re.compile(
    r"满意|知晓率|合格率|覆盖率|达标率|准确率|及时率|到位率|参保率|普及率|入学率|受益率|规范率|正确率|公开率|好评率"
)
"""Indicators that measure a part of a whole: their percent cannot pass 100."""


def _impossible_share(figure: Figure | None) -> bool:
    return figure is not None and figure.unit == "%" and figure.value is not None and figure.value > 100


def _drop_impossible_shares(indicator: Indicator) -> None:
    """`居民满意度 3 95%` read as 395%: a share above 100% is a cell glued to its neighbour."""
    if not _SHARE.search(indicator.name):
        return
    if _impossible_share(indicator.target):
        indicator.target = None
    if _impossible_share(indicator.actual):
        indicator.actual = None


_WHOLE_FORM = 100.0


def _drop_whole_form_weight(funding: Funding) -> None:
    """An execution row's points are part of the form's 100: a weight of 100 is another cell."""
    weight = funding.execution_weight
    if weight is not None and weight.value is not None and weight.value >= _WHOLE_FORM:
        funding.execution_weight = None


def _shifted_execution_row(funding: Funding) -> bool:
    """A score or weight printing a percent sign (points never do): the row's cells were placed by shape,
    a column off, so its rate is no surer than they are. (A rate printed without `%` alone is no sign: forms
    put the sign in the header.)"""
    weight, score = funding.execution_weight, funding.execution_score
    return any(figure is not None and "%" in figure.text for figure in (weight, score))


def _drop_shifted_execution_row(funding: Funding) -> None:
    if _shifted_execution_row(funding):
        funding.execution_rate = funding.execution_weight = funding.execution_score = None


def _drop_unread_points(indicator: Indicator) -> None:
    """Points are numbers: a weight or score the reader kept as text (`IO` for 10 in a scan) is unread."""
    if indicator.weight is not None and indicator.weight.value is None:
        indicator.weight = None
    if indicator.score is not None and indicator.score.value is None:
        indicator.score = None


_KEEPS_EMPTY_CELLS = ("table.t1", "table.grid")  # pipes and a loader's grid print a cell where one is empty


def _lost_a_cell(indicator: Indicator, rows: list[Indicator]) -> bool:
    """A table row with a target, a weight and a score but no actual, where its table's other rows give one: in
    a layout that prints no empty cell, a cell of the row was missing, so its cells were placed a column off
    (the actual read as the target). Between pipes an empty 完成值 is the report's blank, kept for the checks."""
    figures = (indicator.target, indicator.weight, indicator.score)
    readers = {figure.found_by for figure in figures if figure is not None}
    if indicator.actual is not None or None in figures or len(readers) != 1:
        return False
    reader = readers.pop()
    if not reader or not reader.startswith("table") or reader.startswith(_KEEPS_EMPTY_CELLS):
        return False
    return sum(1 for row in rows if row.actual is not None and row.actual.found_by == reader) >= 2


def _drop_rows_that_lost_a_cell(indicators: list[Indicator]) -> None:
    for indicator in [row for row in indicators if _lost_a_cell(row, indicators)]:
        indicator.target = indicator.weight = indicator.score = None


def keep_attributable(report: Report) -> None:
    """Apply every gate to the report in place."""
    report.indicators = [indicator for indicator in report.indicators if not unsure_name(indicator.name)]
    for indicator in report.indicators:
        if any(level and debris_level(level) for level in (indicator.level1, indicator.level2)):
            indicator.level1 = indicator.level2 = None
        _drop_impossible_shares(indicator)
        _drop_unread_points(indicator)
    _drop_rows_that_lost_a_cell(report.indicators)
    _drop_whole_form_weight(report.funding)
    _drop_shifted_execution_row(report.funding)


__all__ = ["debris_level", "keep_attributable", "unsure_name"]
