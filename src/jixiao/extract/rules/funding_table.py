"""Funding from a rebuilt funding table: each row's amounts by line and source, and the execution cells.

The total row gives each line's total and the execution rate, weight and score; a source row (中央, 省级, 其中:
财政拨款 …) gives its level's amounts, unless it restates another row or its columns are not settled
(funding_rows). A rate printed as a fraction is read as a percent when the row's amounts confirm it.
"""

from __future__ import annotations

import re

from jixiao.documents.tables import Role, Row, Table
from jixiao.extract.rules.cells import cell_figure, drop_cut_cell, money_figure, percent_figure
from jixiao.extract.rules.funding_rows import (
    MONEY_LINES,
    is_total,
    only_amounts_row,
    restates,
    unsettled_source_row,
    whole_part,
)
from jixiao.model import Figure, Funding, FundingLine, FundSource, SourceAmount
from jixiao.vocabulary import names_recipient, row_source_of, source_label

_SEVERAL_LEVELS = re.compile(
    r"^(?:中央|省|自治区|市|州|县|区)级?(?:财政)?[、，,/和及与](?:省|自治区|市|州|县|区|地方)"
    # two source labels glued (`中央补助自治区补助`): the amount after them is neither's
    r"|^(?:中央|省|自治区|市|州|县|区)级?(?:财政)?(?:补助|资金|配套)(?:资金)?(?:中央|省|自治区|市|州|县|区)"
)


def _label(text: str) -> str:
    return source_label(text)


def _amounts(row: Row, table: Table, found_by: str, source: str) -> dict[str, Figure | None]:
    """The row's amount in each money column, by the funding line it gives."""
    return {line: money_figure(row.cells.get(role), found_by, table.money_unit, source) for role, line in MONEY_LINES}


def funding(table: Table, funding: Funding, source: str) -> None:
    total_row = only_amounts_row(table)
    total: Row | None = None  # the row read as the line's total
    read: list[tuple[FundSource, Row]] = []  # the source rows read, with their level
    for row in table.rows:
        found_by = f"table.{table.layout}.{'glued_split' if row.split else 'funding'}"
        drop_cut_cell(row)
        label = _label(row.text(Role.LABEL))
        amounts = _amounts(row, table, found_by, source)
        if is_total(row, label, total_row):
            total = total or row
            for line, amount in amounts.items():
                block: FundingLine = getattr(funding, line)
                block.total = block.total or amount
            _execution(table, row, amounts, funding, found_by, source)
            continue
        level = row_source_of(label)
        if level is None or _SEVERAL_LEVELS.match(label) or names_recipient(label):
            continue  # `其中:中央、省、市补助资金`: one amount for three levels is no level's
        if unsettled_source_row(table, row, source):
            continue
        if restates(row, level, read):
            continue  # `一般公共预算` under `其中:财政拨款` with its very amounts (funding_rows)
        read.append((level, row))
        for line, amount in amounts.items():
            if amount is not None:
                getattr(funding, line).by_source.append(SourceAmount(source=level, name=label, amount=amount))
    if (whole := whole_part(table, total)) is not None:  # Chongqing: 执行率 on the `其中:财政拨款` row
        found_by = f"table.{table.layout}.funding"
        _execution(table, whole, _amounts(whole, table, found_by, source), funding, found_by, source)


def _execution(
    table: Table, row: Row, amounts: dict[str, Figure | None], funding: Funding, found_by: str, source: str
) -> None:
    """The execution rate, weight and score a row prints (its `amounts` confirm a rate printed as a fraction),
    for the line's when none is read yet."""
    rate = _fraction_read(percent_figure(row.cells.get(Role.RATE), found_by, source), amounts)
    printed = cell_figure(row.cells.get(Role.WEIGHT), found_by, source=source)
    weight = _line_weight(printed)
    score = cell_figure(row.cells.get(Role.SCORE), found_by, source=source) if weight is printed else None
    funding.execution_rate = funding.execution_rate or rate
    if weight is None and score is not None and table.weight_in_header is not None:
        weight = cell_figure(table.weight_in_header, f"table.{table.layout}.header", source=source)
    funding.execution_weight = funding.execution_weight or weight
    funding.execution_score = funding.execution_score or score


_WHOLE_FORM = 100.0


def _line_weight(weight: Figure | None) -> Figure | None:
    """The execution line's 分值; a `100` under it is the whole form's points (the line carries 10 or 20), a
    cell out of place, not read (nor the 得分 beside it: the form's, not the line's)."""
    return None if weight is not None and weight.value is not None and weight.value >= _WHOLE_FORM else weight


_FRACTION = re.compile(r"(?:0\.\d+|1(?:\.0+)?)")
_FRACTION_TOLERANCE = 0.006  # the fraction may be rounded or cut after its third decimal


def _fraction_read(rate: Figure | None, amounts: dict[str, Figure | None]) -> Figure | None:
    """`0.958` under 执行率: a rate printed as a fraction, read as 95.8 % when the row's executed amount over
    its budget is that fraction (27.8 / 29 = 0.9586); unconfirmed, it stays as printed."""
    if rate is None or rate.value is None or not _FRACTION.fullmatch(rate.text.strip()):
        return rate
    budget = amounts["budget"] or amounts["allocated"] or amounts["initial"]
    executed = amounts["executed"]
    if budget is None or executed is None or not budget.value or executed.value is None:
        return rate
    if abs(executed.value / budget.value - rate.value) <= _FRACTION_TOLERANCE:
        rate.value = round(rate.value * 100, 6)
    return rate
