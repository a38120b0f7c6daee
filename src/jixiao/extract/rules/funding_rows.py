"""Which rows of a funding table are read, and how they relate by their amounts.

A text may hold several project forms (a unit's forms one after another): the first form's funding is the
report's (LABELLING), so a funding table with a total row of its own after one was read is the next form's. A
squashed row whose columns are not settled is left out.

A row may restate another: Chongqing's 部门整体绩效自评表 prints `年度总金额 | A | B | C`, then `其中:财政拨款 | A |
B | C | 执行率 | 权重 | 得分`, then `一般公共预算 | A | B | C`: the appropriation is the whole total (so its
execution cells are the line's), and 一般公共预算 is a kind of that appropriation (the same money again, no second
source).
"""

from __future__ import annotations

import re

from jixiao.documents.tables import Role, Row, Table
from jixiao.documents.tables.table import MONEY_ROLES
from jixiao.model import Funding, FundSource
from jixiao.vocabulary import FUNDING_TOTAL, row_source_of, source_label

MONEY_LINES = (
    (Role.INITIAL_BUDGET, "initial"),
    (Role.BUDGET, "budget"),
    (Role.ALLOCATED, "allocated"),
    (Role.EXECUTED, "executed"),
)


def only_amounts_row(table: Table) -> Row | None:
    """The one row of a funding table that prints amounts, when its label names no source: the total, whatever
    text a squashed form put before it (`项目实施单位 服务中心 预算数(A) … 48.20 47.10 97.7%`)."""
    rows = [row for row in table.rows if any(role in row.cells for role in MONEY_ROLES)]
    if len(rows) != 1 or row_source_of(rows[0].text(Role.LABEL)) is not None:
        return None
    return rows[0]


def is_total(row: Row, label: str, total_row: Row | None) -> bool:
    return not label or FUNDING_TOTAL.search(label) is not None or row is total_row


def another_forms(table: Table, funding: Funding) -> bool:
    """A funding table with a total row of its own after one was read (its total, or only its sources when its
    total row read no way): the next form's (a text holding several forms), whose money is not the first form's
    (LABELLING: the first table's funding)."""
    if not any(
        line.total or line.by_source for line in (funding.initial, funding.budget, funding.allocated, funding.executed)
    ):
        return False
    total_row = only_amounts_row(table)
    return any(
        is_total(row, source_label(row.text(Role.LABEL)), total_row) and any(role in row.cells for role in MONEY_ROLES)
        for row in table.rows
    )


_PRINTED_CELL = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?|[—–-]+")


def unsettled_source_row(table: Table, row: Row, source: str) -> bool:
    """A squashed form's source row that leaves a money column empty and prints fewer cells (figures and dashes)
    than the form has columns (`上年结转资金 0 0 —` under 年初/全年/执行/分值/执行率/得分): which columns its
    figures stand in is not settled (LABELLING: rows with fewer values than headers); left out. A row that prints
    a dash in each empty cell (`48.30 47.95 — 99% —`) settles them."""
    if table.layout != "t3" or Role.LABEL not in row.cells:
        return False
    columns = [role for role, _ in MONEY_LINES if role in table.columns]
    if all(role in row.cells for role in columns):
        return False
    printed = _PRINTED_CELL.findall(source, row.cells[Role.LABEL].end, row.end)
    return len(printed) < len([role for role in table.columns if role is not Role.LABEL])


_ZERO = re.compile(r"^[0.,]*$")


def same_amounts(row: Row, other: Row) -> bool:
    """Whether two funding rows print the same amounts in the same money columns (and at least one)."""
    printed = [role for role in MONEY_ROLES if row.text(role)]
    return (
        bool(printed)
        and printed == [role for role in MONEY_ROLES if other.text(role)]
        and all(row.text(role) == other.text(role) for role in printed)
    )


def restates(row: Row, level: FundSource, read: list[tuple[FundSource, Row]]) -> bool:
    """A row naming the source a row read above named, with its very amounts, is that row's part, not a second
    source (zeros are no amounts: two empty sources print them alike)."""
    if all(_ZERO.match(row.text(role)) for role in MONEY_ROLES):
        return False
    return any(seen == level and same_amounts(row, above) for seen, above in read)


def whole_part(table: Table, total: Row | None) -> Row | None:
    """The source row that is the whole total (its amounts the total row's own) and prints the execution cells
    the total row left empty (执行率 or 得分), or None."""
    if total is None or total.text(Role.RATE) or total.text(Role.SCORE):
        return None
    for row in table.rows:
        if row is not total and same_amounts(row, total) and (row.text(Role.RATE) or row.text(Role.SCORE)):
            return row
    return None
