"""Prose lists that present themselves as a line's whole: the year's arrangement, and the parts spent.

An arrangement (`某资金安排是:支持A5万元,支持B13万元,…`): a list opened by `资金安排是:` / `经费分配如下:` names
everything the money was arranged for, not some of it (a `其中` list may name only a part), so with no executed
total its parts should add up to the line it arranges: the money allocated, else the budget. Read only when the
document prints one such opener, the spending read is exactly the money that list prints (nothing before its
colon, nothing left over before its full stop), and its parts cover between half and one and a half times the
line: a list far from the line arranges other money.

Spent parts (`2022年累计支出A14.20万元，B8.60万元，C13.20万元。`): a sentence whose first clause opens with a verb
of spending and whose every amount is one part, nothing after the last: the year's spending item by item. With
no executed total printed, they are the executed total, which may fall short of the money but not pass it.
"""

from __future__ import annotations

import re

from jixiao.model import Figure, Report

_OPENER = re.compile(r"(?:资金|经费)的?(?:安排|分配)(?:情况)?(?:是|为|如下)?[:：]")
_FIRST_REACH = 40  # characters from the opener's colon to the first amount: the first part's name between
MONEY = re.compile(r"\d+(?:\.\d+)?\s*(?:亿|万)?元")  # an amount as printed (`12.6万元`), here and in spending.py
_TAIL = re.compile(r"[\s、，,等]*")
_MIN_PARTS = 3
_COVER = (0.5, 1.5)  # parts ÷ line: outside it the list arranges (or spends) some other money
_SENTENCE = re.compile(r"[^。！？!?\n]+")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_SPENT = re.compile(r"(?:累计|共计?|实际|已)?(?:支出|使用|开支)了?")  # a verb of spending
_ENDS = re.compile(r"[\s、，,]*")  # after a spent list's last amount: nothing but punctuation (`等` leaves some out)
_MIN_SPENT = 2


def arranged_line(report: Report, text: str | None) -> tuple[str, Figure] | None:
    """(path, total) of the line the spending list arranges as a whole, or None when it is not such a list."""
    amounts = [item.amount for item in report.spending]
    if text is None or len(amounts) < _MIN_PARTS or report.funding.executed.total is not None:
        return None
    if any(a is None or a.value is None for a in amounts) or not _one_whole_list(report, text):
        return None
    for path in ("allocated", "budget"):
        total = getattr(report.funding, path).total
        if total is not None and total.value:
            return (f"funding.{path}.total", total) if _covers(report, total) else None
    return None


def _covers(report: Report, total: Figure) -> bool:
    parts = sum(item.amount.value or 0.0 for item in report.spending if item.amount is not None)
    low, high = _COVER
    return total.value is not None and low <= parts / total.value <= high


def _one_whole_list(report: Report, text: str) -> bool:
    """The document's only arrangement opener heads a sentence whose every amount is one spending item's."""
    openers = list(_OPENER.finditer(text))
    if len(openers) != 1:
        return False
    colon = openers[0].end()
    stop = text.find("。", colon)
    body = text[colon:stop] if stop >= 0 else ""
    moneys = list(MONEY.finditer(body))
    if not moneys or any(mark in body for mark in ("其中", "；", ";")):
        return False
    if moneys[0].start() > _FIRST_REACH or not _TAIL.fullmatch(body, moneys[-1].end()):
        return False
    return _prints_the_list(report, text, colon, colon + len(body))


def _prints_the_list(report: Report, text: str, start: int, end: int) -> bool:
    """Every amount of text[start:end] is one spending item's, in order: the item's span is that amount, or (a
    labelled figure has none) its name comes just before it."""
    moneys = list(MONEY.finditer(text, start, end))
    if len(moneys) != len(report.spending):
        return False
    after = start
    for item, money in zip(report.spending, moneys, strict=True):
        span = item.amount.span if item.amount else None
        if span is not None:
            if not money.start() <= span.start < money.end():
                return False
        elif item.category not in text[after : money.start()]:
            return False
        after = money.end()
    return True


def spent_line(report: Report, text: str | None) -> tuple[str, Figure] | None:
    """(path, total) of the money a list of spent parts spends, with no executed total printed: the largest of the
    budget, allocated and initial totals (the most there was to spend), when the parts cover it between half and
    one and a half times. None when the spending read is no such list, or the document prints it twice."""
    amounts = [item.amount for item in report.spending]
    if text is None or len(amounts) < _MIN_SPENT or report.funding.executed.total is not None:
        return None
    if any(a is None or a.value is None for a in amounts):
        return None
    if sum(1 for found in _SENTENCE.finditer(text) if _spent_parts_in(report, text, *found.span())) != 1:
        return None
    lines = [
        (f"funding.{path}.total", total)
        for path in ("budget", "allocated", "initial")
        if (total := getattr(report.funding, path).total) is not None and total.value
    ]
    if not lines:
        return None
    path, total = max(lines, key=lambda found: found[1].value or 0.0)
    return (path, total) if _covers(report, total) else None


def _spent_parts_in(report: Report, text: str, start: int, end: int) -> bool:
    """The sentence text[start:end] lists the spending as spent parts: its first amount's clause opens with a verb
    of spending before the first part's name, it says neither `其中` (some parts) nor anything after its last
    amount, and its every amount is one spending item's."""
    moneys = list(MONEY.finditer(text, start, end))
    if len(moneys) != len(report.spending) or "其中" in text[start:end]:
        return False
    breaks = [found.end() for found in _CLAUSE_BREAK.finditer(text, start, moneys[0].start())]
    clause = max([start, *breaks])
    verb = _SPENT.search(text, clause, moneys[0].start())
    if verb is None or report.spending[0].category not in text[verb.end() : moneys[0].start()]:
        return False
    return bool(_ENDS.fullmatch(text, moneys[-1].end(), end)) and _prints_the_list(report, text, clause, end)
