"""A line's total, a `其中:` closing its paragraph, then one paragraph per part, each opening on the line's verb:

    某市收到某专项资金合计900万元,已支出300万元,资金支付率33.33%。其中:
    收到甲工程(某路段12公里)补助资金500万元,已支出100万元,资金支付率20%。
    收到乙保障支出400万元,已支出200万元,资金支付率50%。

Each paragraph names a part of the whole and gives its amount first (what it was given, 收到 / 下达 / 安排 as the
whole was), then its own spending, which is no part of anything read. The parts are spending when they make up
the total; a list the excerpt cuts inside its last paragraph keeps the parts it prints when they stay below the
total (items are lost, so nothing is summed over them).
"""

from __future__ import annotations

import re

from jixiao.extract.rules.amount_clauses import AMOUNT, line_in
from jixiao.extract.rules.figures import amount_in_wan, money_at
from jixiao.extract.rules.money_lists import MIN_PARTS, Item, about_equal, is_part, level_of
from jixiao.model import Figure, Funding, SpendingItem

FOUND_BY = "narrative.opened_parts"
_OPENER = re.compile(r"[。；;][ \t]*其中[:：][ \t]*\n")
_PART = re.compile(
    r"[ \t]*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．][ \t]*)?"
    r"(?P<verb>收到|下达|分配|安排)(?P<name>(?:[^\d，,。；;:：\n（()）]|[（(][^)）\n]{0,40}[)）]){2,60}?)[ \t]*(?=\d)"
)
_BRACKET = re.compile(r"[（(][^)）]*[)）]")
_GENERIC_TAIL = re.compile(r"(?:补助|专项|奖补)?资金$")
_MIN_NAME = 2
_LINES = ("budget", "allocated", "executed")


def opened_parts(text: str, plain: str, limit: int, funding: Funding) -> list[SpendingItem]:
    """The parts of the first `其中:` paragraph list that splits a line's total (see the module), else none."""
    if "其中" not in text:
        return []
    for opener in _OPENER.finditer(plain, 0, limit):
        wholes = _wholes_before(text, opener.start(), funding)
        items, line, cut = _parts(text, plain, opener.end(), limit)
        total = wholes.get(line) if line else None
        values = [amount_in_wan(text[item.start : item.end]) for item in items]
        if total is None or total.value is None or len(items) < MIN_PARTS or None in values:
            continue
        summed = sum(value for value in values if value is not None)
        if about_equal(summed, total.value) or (cut and summed < total.value):
            return [SpendingItem(category=item.name, amount=money_at(text, item.start, item.end, FOUND_BY))
                    for item in items]  # fmt: skip
    return []


def _wholes_before(text: str, at: int, funding: Funding) -> dict[str, Figure]:
    """The lines whose totals the sentence closed at `at` states."""
    begin = max(text.rfind("\n", 0, at), text.rfind("。", 0, at)) + 1
    return {
        line: total
        for line in _LINES
        if (total := getattr(funding, line).total) is not None and total.span is not None
        and begin <= total.span.start < at
    }  # fmt: skip


def _parts(text: str, plain: str, start: int, limit: int) -> tuple[list[Item], str | None, bool]:
    """The paragraphs from `start` that each open on a verb of one line with a part's name and amount, that
    line, and whether the excerpt ends inside the last of them."""
    items: list[Item] = []
    line: str | None = None
    at = start
    while at < limit:
        stop = plain.find("\n", at, limit)
        stop = limit if stop < 0 else stop
        if plain[at:stop].strip():
            part = _PART.match(plain, at, stop)
            amount = AMOUNT.match(plain, part.end()) if part else None
            if part is None or amount is None or (line is not None and line_in(part["verb"]) != line):
                break
            line = line_in(part["verb"])
            name = _name(text[part.start("name") : part.end("name")])
            item = Item(name=name, start=amount.start(), end=amount.end())
            if len(name) < _MIN_NAME or not is_part(item) or level_of(name) is not None:
                return [], None, False
            items.append(item)
            if stop >= limit:
                return items, line, _runs_unclosed(plain, at, limit)
        at = stop + 1
    return items, line, False


def _name(printed: str) -> str:
    """The part's name: what the money was for, less a bracket of its works and a generic money word."""
    name = _BRACKET.sub("", printed).strip()
    bare = _GENERIC_TAIL.sub("", name)
    return bare if len(bare) >= _MIN_NAME else name


def _runs_unclosed(plain: str, at: int, limit: int) -> bool:
    """The excerpt ends inside the paragraph at `at`: no full stop closes it."""
    return not plain[at:limit].rstrip().endswith(("。", "；", ";"))
