"""Where a sum went, told amount first, part after part (用于 / 支持 each part):

    我县安排配套资金1.2亿元支持城镇住房,其中:安排3000万元支持老旧小区改造;安排9000万元支持公租房。
    中央下达资金共8050万元。将8000万元资金下拨用于实施集中供热,50万元资金下拨用于实施某厂治理项目。

The parts are spending (where the money went), read only when two or more follow one another and together
they make up an amount printed just before them (in their sentence or the one before): nothing else tells the
parts of a whole from amounts given out over time. The same holds for uses listed under circled numbers, each
opening on its name and amount and going on to describe the work (`主要用于：①东坡巷改造尾款30万元，已结清；②…`).
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import amount_in_wan, money_at
from jixiao.extract.rules.money_lists import AMOUNT_PATTERN, about_equal
from jixiao.model import SpendingItem
from jixiao.scan import skipping

FOUND_BY = "narrative.used_for"
_PART = skipping(  # tried over the whole text: compiled to skip the chars no part starts with
    rf"(?:安排|将)?(?P<amount>{AMOUNT_PATTERN})(?:资金)?(?:下拨|拨付)?(?:用于|支持)(?:实施)?"
    r"(?P<name>[^\d，,；;。:：、“”\n]{2,60}?)(?P<stop>[，,；;。]|$)"
)
_AMOUNT = re.compile(AMOUNT_PATTERN)
_MIN_PARTS = 2
_SENTENCE_ENDS = "。\n"


def used_for_parts(text: str, end: int, spending: list[SpendingItem]) -> list[SpendingItem]:
    """The runs of `amount 用于 part` items in text[:end] that add up to an amount just before them, minus the
    amounts `spending` holds already."""
    if text.find("用于", 0, end) < 0 and text.find("支持", 0, end) < 0:  # the cue (str.find: cheaper than a scan)
        return []
    taken = {(item.amount.span.start, item.amount.span.end) for item in spending if item.amount and item.amount.span}
    found: list[SpendingItem] = []
    for run in _runs(text, end):
        first = run[0].start()
        if not _adds_up_to_before(text, first, sum(_value(part) for part in run)):
            continue
        found.extend(
            SpendingItem(category=part["name"], amount=money_at(text, *part.span("amount"), FOUND_BY))
            for part in run
            if part.span("amount") not in taken
        )
    return found


_CIRCLED_LEAD = re.compile(r"用于(?:支付|安排)?[：:][ \t]*(?=①)")
_CIRCLED_ITEM = re.compile(rf"[①-⑳][ \t]*(?P<name>[^\d，,；;。:：、“”\n]{{2,60}}?)(?P<amount>{AMOUNT_PATTERN})")


def circled_uses(text: str, end: int) -> list[SpendingItem]:
    """The `用于：①A x万元…；②B y万元…` uses of an amount printed just before them, when every numbered item
    opens on its name and amount and together they make up that amount; none otherwise."""
    if text.find("①", 0, end) < 0:
        return []
    for lead in _CIRCLED_LEAD.finditer(text, 0, end):
        stop = text.find("。", lead.end(), end)
        stop = end if stop < 0 else stop
        numbers = [at for at in range(lead.end(), stop) if "①" <= text[at] <= "⑳"]
        items = [_CIRCLED_ITEM.match(text, at, stop) for at in numbers]
        parts = [item for item in items if item is not None]
        if len(parts) < _MIN_PARTS or len(parts) < len(items):
            continue
        if _adds_up_to_before(text, lead.start(), sum(_value(part) for part in parts)):
            return [SpendingItem(category=part["name"], amount=money_at(text, *part.span("amount"), FOUND_BY))
                    for part in parts]  # fmt: skip
    return []


def _value(part: re.Match[str]) -> float:
    return amount_in_wan(part["amount"]) or 0.0


def _runs(text: str, end: int) -> list[list[re.Match[str]]]:
    runs: list[list[re.Match[str]]] = []
    for part in _PART.finditer(text, 0, end):
        last = runs[-1][-1] if runs else None
        if last is not None and last["stop"] != "。" and not text[last.end() : part.start()].strip():
            runs[-1].append(part)
        else:
            runs.append([part])
    return [run for run in runs if len(run) >= _MIN_PARTS]


def _adds_up_to_before(text: str, at: int, whole: float) -> bool:
    """An amount in the sentence before `at` or the one before that is `whole` (within rounding)."""
    start = at
    for _ in range(2):
        start = max(text.rfind(char, 0, max(start - 1, 0)) for char in _SENTENCE_ENDS) + 1
    for amount in _AMOUNT.finditer(text, start, at):
        value = amount_in_wan(amount.group(0))
        if value is not None and about_equal(whole, value):
            return True
    return False
