"""A funding block printed as label-amount pairs, one line per row (河北 预算项目绩效自评表):

    二、预算执行情况 预算安排情况(调整后) 资金到位情况 资金执行情况 预算执行进度(%)
    预算数 12.50 到位数 12.50 执行数 12.30 98.40
    其中:财政资金 12.50 其中:财政资金 12.50 其中:财政资金 12.30
    其他 0.00 其他 0.00 其他 0.00

Each line holds one row for the three columns (budget, allocated, executed), every amount after its own label,
so no column header stands above it for the table reader; the total line may end with the execution rate.
A source line repeats its label once per column. Amounts are in the 金额单位 the head fields print (万元
unless 元).

A 部门整体 form prints its spending split the same way, each amount after its label: `基本支出总额 | 864.2万 |
项目支出总额 | 0`, `按支出性质分:…其中:基本支出:1875.40…项目支出:93.6`.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import figure_at, money_in_unit
from jixiao.extract.rules.planned_funding import planned_funding
from jixiao.extract.rules.source_run_funding import source_run_funding
from jixiao.extract.rules.two_column_funding import two_column_funding
from jixiao.extract.rules.year_row_funding import year_row_funding
from jixiao.model import Figure, Funding, Kind, SourceAmount, SpendingItem
from jixiao.vocabulary import row_source_of, source_label, to_wan_yuan

FOUND_BY = "form.paired_funding"
_AMOUNT = r"(\d[\d,]*(?:\.\d+)?)"
_TOTALS = re.compile(
    rf"预算数\s*[:：]?\s*{_AMOUNT}\s*到位数\s*[:：]?\s*{_AMOUNT}\s*执行数\s*[:：]?\s*{_AMOUNT}"
    rf"(?:[ \t]+{_AMOUNT}(?![\d.]))?"
)
_SOURCE_ROW = re.compile(rf"((?:其中[:：])?[\u4e00-\u9fff]{{2,10}}?)\s*{_AMOUNT}\s*\1\s*{_AMOUNT}\s*\1\s*{_AMOUNT}")
_IN_YUAN = re.compile(r"金额单位\s*[:：]\s*元")
_ROWS_AFTER = 3  # source lines read after the total line at most
_SPENDING_PAIR = re.compile(
    r"(?<![\u4e00-\u9fff])(?:其中[:：])?((?:基本|项目)支出(?:总额)?)[ \t]*[:：|]?[ \t]*"
    r"(\d[\d,]*(?:\.\d+)?(?:万元|万|元)?)(?![\d.])"
)


def paired_funding(text: str) -> Funding | None:
    """The funding block in label-amount pairs, or None when the text prints none."""
    totals = _TOTALS.search(text)
    if totals is None:
        # the 区域 form's pairs, Hunan's 计划安排资金, a squashed form's year row under two heads, its run of heads
        return two_column_funding(text) or planned_funding(text) or year_row_funding(text) or source_run_funding(text)
    unit = "元" if _IN_YUAN.search(text, 0, totals.start()) else "万元"
    funding = Funding()
    lines = (funding.budget, funding.allocated, funding.executed)
    for line, index in zip(lines, (1, 2, 3), strict=True):
        line.total = _amount(text, totals, index, unit)
    if totals.group(4) is not None:
        funding.execution_rate = _rate(text, totals)
    position = totals.end()
    for _ in range(_ROWS_AFTER):
        row = _SOURCE_ROW.match(text, _skip_space(text, position))
        if row is None:
            break
        label = row.group(1)
        source = row_source_of(label)
        if source is None:
            break
        for line, index in zip(lines, (2, 3, 4), strict=True):
            amount = _amount(text, row, index, unit)
            if amount is not None:
                line.by_source.append(SourceAmount(source=source, name=source_label(label), amount=amount))
        position = row.end()
    return funding


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _amount(text: str, match: re.Match[str], group: int, unit: str) -> Figure | None:
    return money_in_unit(text, match.start(group), match.end(group), FOUND_BY, unit)


def _rate(text: str, match: re.Match[str]) -> Figure:
    """`100.00` under 预算执行进度(%): a percentage its header gives the unit of."""
    figure = figure_at(text, match.start(4), match.end(4), FOUND_BY)
    figure.unit, figure.kind = "%", Kind.PERCENT
    return figure


def paired_spending(text: str) -> list[SpendingItem]:
    """基本支出 and 项目支出 each printed once after its label, or nothing (one of them alone is no split)."""
    if "基本支出" not in text or "项目支出" not in text:
        return []  # the pair needs both labels
    found = list(_SPENDING_PAIR.finditer(text))
    kinds = [match.group(1)[:2] for match in found]
    if sorted(kinds) != ["基本", "项目"]:
        return []
    unit = "元" if _IN_YUAN.search(text, 0, found[0].start()) else "万元"
    items = []
    for match in found:
        amount = figure_at(text, match.start(2), match.end(2), FOUND_BY)
        if amount.value is not None:
            amount.value = to_wan_yuan(amount.value, "万元" if amount.unit == "万" else amount.unit or unit)
            amount.unit = "万元"
        items.append(SpendingItem(category=match.group(1), amount=amount))
    return items
