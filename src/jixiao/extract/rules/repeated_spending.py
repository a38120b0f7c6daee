"""Spending rows of a squashed form, each amount printed once per column: `某科技项目补助454545`.

A self-evaluation form may split its money by direction (资金使用方向 | 安排 | 实际下达额度 | 实际支出金额).
Where the money was given and spent in full, a row prints one amount in every column; once a converter drops
the cell borders the row is a name and that amount glued two or three times. Nothing marks the cuts, so a row
is read only when its digits are one form-shaped number printed k times, with one k for the whole block (the
columns the header prints); the block ends at the first row that does not settle so (its columns differ),
and the run the excerpt stops in is never read (`…配套资金202020` may be cut mid-cell). The amount is the last
column's, what was spent. The header gives the unit, or the form's amounts elsewhere print 万元.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import money_in_unit
from jixiao.model import SpendingItem

FOUND_BY = "form.repeated_spending"
# the direction header up to its last amount head before the first row; a preview's chunk mark (`\n3、`) may
# stand inside it
_HEADER = re.compile(
    r"使用方向(?:[^\d\n|]|\n(?:\d{1,2}、)?){0,60}(?:金额|额度|支出数|执行数)(?P<unit>[(（](?:万元|元)[)）])?"
)
_ROW = re.compile(r"[ \t]*(?:\n(?:\d{1,2}、)?[ \t]*)?(?P<name>[^\d\s|，,。；;:：]{2,30}?)(?P<run>\d[\d.]*\d|\d)")
_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,6})?")
_COPIES = (2, 3)  # columns a row may print one amount in (安排, 下达, 支出)
_MIN_ROWS = 2  # one row of equal copies could be chance; a block of them is the form's shape
_WAN = re.compile(r"\d\s*万元")
_YUAN = re.compile(r"\d\s*元|单位\s*[:：]\s*元")


def repeated_spending(text: str) -> list[SpendingItem]:
    """The rows of the direction block whose amount is printed once per column, or none."""
    if "使用方向" not in text:
        return []
    header = _HEADER.search(text)
    if header is None:
        return []
    unit = _unit(text, header)
    if unit is None:
        return []
    rows: list[tuple[str, int, int]] = []  # name, span of the last copy
    copies: int | None = None
    position = header.end()
    while (row := _ROW.match(text, position)) is not None:
        if not text[row.end() :].strip():
            break  # the excerpt stops in this run: the cell may be cut
        split = _split(row["run"])
        if split is None or (copies is not None and split[1] != copies):
            break
        part, copies = split
        rows.append((row["name"], row.end() - len(part), row.end()))
        position = row.end()
    if len(rows) < _MIN_ROWS:
        return []
    items = []
    for name, start, end in rows:
        amount = money_in_unit(text, start, end, FOUND_BY, unit)
        if amount is not None:
            items.append(SpendingItem(category=name, amount=amount))
    return items


def _split(run: str) -> tuple[str, int] | None:
    """The one number and count it is printed, when the run is exactly one way a number printed k times."""
    found = [
        (run[: len(run) // k], k)
        for k in _COPIES
        if len(run) % k == 0 and run == run[: len(run) // k] * k and _NUMBER.fullmatch(run[: len(run) // k])
    ]
    return found[0] if len(found) == 1 else None


def _unit(text: str, header: re.Match[str]) -> str | None:
    """The header's unit, or 万元 when the form's amounts before it print 万元 and never 元 alone."""
    if header["unit"]:
        return header["unit"][1:-1]
    before = text[: header.start()]
    return "万元" if _WAN.search(before) and not _YUAN.search(before) else None
