"""The year's whole arrangement of a funding line, given as a prose list (`某资金安排是:支持A5万元,支持B13万元,…`).

A list opened by `资金安排是:` / `经费分配如下:` names everything the money was arranged for, not some of it
(a `其中` list may name only a part), so with no executed total its parts should add up to the line it arranges:
the money allocated, else the budget. Read only when the document prints one such opener, the spending read
is exactly the money that list prints (nothing before its colon, nothing left over before its full stop), and
its parts cover between half and one and a half times the line: a list far from the line arranges other money.
"""

from __future__ import annotations

import re

from jixiao.model import Figure, Report

_OPENER = re.compile(r"(?:资金|经费)的?(?:安排|分配)(?:情况)?(?:是|为|如下)?[:：]")
_FIRST_REACH = 40  # characters from the opener's colon to the first amount: the first part's name between
_MONEY = re.compile(r"\d+(?:\.\d+)?\s*(?:亿|万)?元")
_TAIL = re.compile(r"[\s、，,等]*")
_MIN_PARTS = 3
_COVER = (0.5, 1.5)  # parts ÷ line: outside it the list arranges some other money


def arranged_line(report: Report, text: str | None) -> tuple[str, Figure] | None:
    """(path, total) of the line the spending list arranges as a whole, or None when it is not such a list."""
    amounts = [item.amount for item in report.spending]
    if text is None or len(amounts) < _MIN_PARTS or report.funding.executed.total is not None:
        return None
    if any(a is None or a.value is None for a in amounts) or not _one_whole_list(report, text):
        return None
    parts = sum(a.value or 0.0 for a in amounts if a is not None)
    for path in ("allocated", "budget"):
        total = getattr(report.funding, path).total
        if total is not None and total.value:
            low, high = _COVER
            return (f"funding.{path}.total", total) if low <= parts / total.value <= high else None
    return None


def _one_whole_list(report: Report, text: str) -> bool:
    """The document's only arrangement opener heads a sentence whose every amount is one spending item's, in
    order: the item's span is that amount, or (a labelled figure has none) its name comes just before it."""
    openers = list(_OPENER.finditer(text))
    if len(openers) != 1:
        return False
    colon = openers[0].end()
    stop = text.find("。", colon)
    body = text[colon:stop] if stop >= 0 else ""
    moneys = list(_MONEY.finditer(body))
    if len(moneys) != len(report.spending) or any(mark in body for mark in ("其中", "；", ";")):
        return False
    if moneys[0].start() > _FIRST_REACH or not _TAIL.fullmatch(body, moneys[-1].end()):
        return False
    after = 0
    for item, money in zip(report.spending, moneys, strict=True):
        span = item.amount.span if item.amount else None
        if span is not None:
            if not colon + money.start() <= span.start < colon + money.end():
                return False
        elif item.category not in body[after : money.start()]:
            return False
        after = money.end()
    return True
