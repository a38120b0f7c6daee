"""A funding row glued into one string: `40004000100%` is 4000 | 4000 | 100%, and the arithmetic proves it.

A converter that drops cell borders prints a row's amounts and its execution rate as one run of digits.
The header says which money columns come before the rate; a cut is taken only when exactly one way to cut
the digits gives amounts a form prints (no leading zeros, at most two decimals) whose executed over budget
is the printed rate. Anything else stays one unread cell: a guess is never made.
"""

from __future__ import annotations

import re

from jixiao.documents.tables.table import MONEY_ROLES, Cell, Role, Row

_GLUED = re.compile(r"\d[\d.]{3,30}%")  # longer runs are not a row of a form
_AMOUNT = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
_RATE_TOLERANCE = 0.6  # percentage points: the printed rate is rounded
_MAX_AMOUNTS = 3


def split_glued_funding(row: Row, columns: list[Role]) -> bool:
    """Cut the row's glued rate cell into its money cells and rate, in place; True when it was cut."""
    cell = row.cells.get(Role.RATE)
    before = _money_before_rate(columns)
    if cell is None or not before or any(role in row.cells for role in before):
        return False
    cuts = _cuts(cell.text, len(before), before)
    if len(cuts) != 1:
        return False
    start = cell.start
    for role, text in zip([*before, Role.RATE], cuts[0], strict=True):
        row.cells[role] = Cell(text, start, start + len(text))
        start += len(text)
    row.split = True
    return True


def _money_before_rate(columns: list[Role]) -> list[Role]:
    """The money columns printed right before the rate, when nothing else stands between them."""
    if Role.RATE not in columns:
        return []
    index = columns.index(Role.RATE)
    before: list[Role] = []
    for role in reversed(columns[:index]):
        if role not in MONEY_ROLES:
            break
        before.insert(0, role)
    return before if 2 <= len(before) <= _MAX_AMOUNTS and Role.EXECUTED in before else []


def _cuts(text: str, count: int, roles: list[Role]) -> list[list[str]]:
    """Every way to cut `text` into `count` amounts and a rate (`…%`) that agree with each other."""
    if not _GLUED.fullmatch(text):
        return []
    found: list[list[str]] = []
    digits = text[:-1]
    for rate_at in range(1, len(digits)):
        rate = digits[rate_at:]
        if not _AMOUNT.fullmatch(rate) or not 1 <= float(rate) <= 200:
            continue
        for amounts in _amounts(digits[:rate_at], count):
            if _agree(dict(zip(roles, amounts, strict=True)), float(rate)):
                found.append([*amounts, rate + "%"])
    return found


def _amounts(text: str, count: int) -> list[list[str]]:
    if count == 1:
        return [[text]] if _AMOUNT.fullmatch(text) else []
    return [
        [text[:cut], *rest]
        for cut in range(1, len(text))
        if _AMOUNT.fullmatch(text[:cut])
        for rest in _amounts(text[cut:], count - 1)
    ]


def _agree(amounts: dict[Role, str], rate: float) -> bool:
    executed = float(amounts[Role.EXECUTED])
    budget = float(amounts.get(Role.BUDGET) or amounts.get(Role.INITIAL_BUDGET) or 0)
    return budget > 0 and executed > 0 and abs(executed / budget * 100 - rate) <= _RATE_TOLERANCE
