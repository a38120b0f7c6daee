"""The numbered uses of a project's money, each item a label, a colon, what was done and its amount:

    预算资金主要用途:
    1)租车费:开展培训出差用车租赁费3.20万元。
    2)培训费:师资培训、业务指导培训等培训费5.00万元。
    3)会议费:全县站长会会议费1.5万元。

Each item's label is the spending's category and the one amount closing the item its amount. Read only after
a lead line that names the money's uses and ends in a colon, when at least three items numbered from 1 without
a gap each hold exactly one amount at their end; the list ends at the first paragraph that is not its next
item (an item cut by the excerpt's end, with no amount, is left out). No total need be printed (the list is
the money's use, not a split of a line), but parts that add up to more than a line's total are no parts.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import amount_in_wan, money_at
from jixiao.extract.rules.money_lists import AMOUNT_PATTERN
from jixiao.model import Funding, SpendingItem

FOUND_BY = "narrative.labelled_uses"
_LEAD = re.compile(r"(?m)^[ \t]*[^\n\d]{0,20}用途[ \t]*[:：][ \t]*$")
_ITEM = re.compile(
    r"[ \t]*(?:[（(]?(?P<number>\d{1,2})[)）]|(?P<dotted>\d{1,2})[、.．](?!\d))[ \t]*"
    r"(?P<label>[^\d:：，,。；;\n]{2,20})[:：](?P<body>[^\n]*)"
)
_AMOUNT = re.compile(AMOUNT_PATTERN)
_MIN_ITEMS = 3
_ITEM_TAIL = " \t。；;"
_OVER = 1.005  # rounding: parts a little over the whole still fit


def labelled_uses(text: str, funding: Funding) -> list[SpendingItem]:
    """The items of the first lead's numbered list of labelled uses, or nothing."""
    if "用途" not in text:
        return []
    for lead in _LEAD.finditer(text):
        items = _items(text, lead.end())
        if len(items) >= _MIN_ITEMS and _fits(items, funding):
            return items
    return []


def _items(text: str, position: int) -> list[SpendingItem]:
    items: list[SpendingItem] = []
    number = 1
    for line in _paragraphs(text, position):
        item = _ITEM.fullmatch(text, *line)
        if item is None or int(item["number"] or item["dotted"]) != number:
            break
        amounts = list(_AMOUNT.finditer(text, *item.span("body")))
        body_end = item.end("body")
        while body_end > item.start("body") and text[body_end - 1] in _ITEM_TAIL:
            body_end -= 1
        if len(amounts) != 1 or amounts[0].end() != body_end:
            if line[1] == len(text.rstrip()):
                break  # the excerpt cuts the item: the items before it stand
            return []
        items.append(SpendingItem(category=item["label"].strip(), amount=money_at(text, *amounts[0].span(), FOUND_BY)))
        number += 1
    return items


def _paragraphs(text: str, position: int) -> list[tuple[int, int]]:
    """The non-blank lines from `position` on, as spans."""
    spans = []
    for line in re.finditer(r"[^\n]+", text[position:]):
        if line.group(0).strip():
            spans.append((position + line.start(), position + line.end()))
    return spans


def _fits(items: list[SpendingItem], funding: Funding) -> bool:
    total = sum(amount_in_wan(item.amount.text) or 0.0 for item in items if item.amount is not None)
    wholes = [line.total.value for line in (funding.budget, funding.allocated, funding.executed) if line.total]
    return all(whole is None or total <= whole * _OVER for whole in wholes)


__all__ = ["labelled_uses"]
