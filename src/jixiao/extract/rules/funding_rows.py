"""Which rows of a funding table are read: the total row, a later form's table, a squashed row whose columns are
not settled.

A text may hold several project forms (a unit's forms one after another): the first form's funding is the
report's (LABELLING), so a funding table with a total row of its own after one was read is the next form's.
"""

from __future__ import annotations

import re

from jixiao.documents.tables import Role, Row, Table
from jixiao.documents.tables.table import MONEY_ROLES
from jixiao.model import Funding
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
    """A funding table with a total row of its own after one was read: the next form's (a text holding several
    forms), whose money is not the first form's (LABELLING: the first table's funding)."""
    if not any(line.total for line in (funding.initial, funding.budget, funding.allocated, funding.executed)):
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
    a dash in each empty cell (`65.66 65.07 — 99% —`) settles them."""
    if table.layout != "t3" or Role.LABEL not in row.cells:
        return False
    columns = [role for role, _ in MONEY_LINES if role in table.columns]
    if all(role in row.cells for role in columns):
        return False
    printed = _PRINTED_CELL.findall(source, row.cells[Role.LABEL].end, row.end)
    return len(printed) < len([role for role in table.columns if role is not Role.LABEL])
