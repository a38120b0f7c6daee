"""Named amounts that add up to a total stated beside them, with no 其中 or 分别为 to open the list.

    某局下达转移支付慈善项目40万元；困难救助项目12.5万元；公墓建设补助30万元。共计下达转移支付资金82.5万元。
    合计下达我区某补助资金5300万元。……下达各县某补助资金3900万元，安排本级部门预算资金1400万元。

Parts before their sum: three or more amounts, all the sentence has, each right after its own name, whose
sum the next amount states after 共计 / 合计 / 总计 (in the same sentence or the next). Parts after their
whole: two or more amounts, all the sentence has, each in a clause led by a verb that gives the money out
(下达 / 安排 / 拨付 / 分配 / 下拨 and where it goes), adding up to the total a line already has: where the
money went, not where it came from (`安排本级部门预算资金` names a destination, whatever level it names).
Only the sum makes them parts: amounts that do not add up are batches, changes or figures of another kind,
and the sentence is left to the funding grammar.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.figures import amount_in_wan
from jixiao.extract.rules.money_lists import AMOUNT_PATTERN, Item, MoneyList, is_part
from jixiao.scan import skipping
from jixiao.vocabulary import FUNDING_VERBS

_AMOUNT = skipping(AMOUNT_PATTERN)
_CLAUSE_BREAKS = re.compile(r"[，,；;：:]")
_NAME_BREAKS = "，,；;。:：\n"
_WHOLE_AFTER = re.compile(rf"[\s。，,；;]*(?:共计|合计|总计)[^。\n\d]{{0,40}}?(?P<amount>{AMOUNT_PATTERN})")
_VERB = re.compile("|".join(FUNDING_VERBS.values()))
_GIVING = re.compile(r"\s*(?:下达|安排|拨付|分配|下拨)(?:到|至|给)?")
_KIND_WORDS = re.compile(r"^(?:专项)?转移支付(?:资金|预算)?")
_TOLERANCE = 0.005
_MIN_BEFORE_SUM = 3
_MIN_AFTER_WHOLE = 2
_MAX_NAME = 40
MIN_AMOUNTS = min(_MIN_BEFORE_SUM, _MIN_AFTER_WHOLE)  # a sentence with fewer holds no parts either way


def _adds_up(text: str, items: list[Item], whole: float) -> bool:
    values = [amount_in_wan(text[item.start : item.end]) for item in items]
    if any(value is None for value in values):
        return False
    parts = sum(value for value in values if value is not None)
    return abs(parts - whole) <= _TOLERANCE * max(abs(whole), 1)


def _name(raw: str) -> str:
    name = raw.strip(" \t、")
    if not 2 <= len(name) <= _MAX_NAME or any(char in _NAME_BREAKS or char.isdigit() for char in name):
        return ""
    return name


def amounts_in(plain: str, start: int, end: int) -> list[re.Match[str]]:
    """The amounts of plain[start:end], found once for both readings of a sentence. Every amount's unit holds
    元 or 万: a sentence with neither (most of a report's prose) is not scanned."""
    if plain.find("元", start, end) < 0 and plain.find("万", start, end) < 0:
        return []
    return list(_AMOUNT.finditer(plain, start, end))


def parts_before_sum(text: str, plain: str, start: int, amounts: list[re.Match[str]]) -> MoneyList | None:
    """`A40万元；B12.5万元；C30万元。共计下达…82.5万元`: the parts, with the span of their stated sum as the whole
    (the line is the sum's, which the caller reads in its clause); `amounts` are the sentence's (amounts_in)."""
    if len(amounts) < _MIN_BEFORE_SUM:
        return None
    whole = _WHOLE_AFTER.match(plain, amounts[-1].end())
    if whole is None or (whole_value := amount_in_wan(whole["amount"])) is None:
        return None
    items: list[Item] = []
    boundary = start
    for index, amount in enumerate(amounts):
        raw = plain[boundary : amount.start()]
        if index == 0:  # `2024年度，某局下达转移支付慈善项目`: the name follows the verb and the money's kind
            raw = raw[max([0] + [found.end() for found in _CLAUSE_BREAKS.finditer(raw)]) :]
            verbs = list(_VERB.finditer(raw))
            raw = _KIND_WORDS.sub("", raw[verbs[-1].end() :].lstrip(" ◇")) if verbs else raw
        else:
            raw = raw.lstrip(" \t，,；;")
        name = _name(text[amount.start() - len(raw) : amount.start()])
        if not name:
            return None
        items.append(Item(name=name, start=amount.start(), end=amount.end()))
        boundary = amount.end()
    if not all(is_part(item) for item in items) or not _adds_up(text, items, whole_value):
        return None
    return MoneyList(start=items[0].start, end=items[-1].end, items=items, opens_sentence=False,
                     whole=whole.span("amount"), sum_after=True)  # fmt: skip


def parts_after_whole(
    text: str, plain: str, start: int, amounts: list[re.Match[str]], totals: dict[str, float]
) -> MoneyList | None:
    """`下达各县…3900万元，安排本级部门预算资金1400万元` under a stated 5300: where the line's money went
    (`amounts` are the sentence's, amounts_in)."""
    if len(amounts) < _MIN_AFTER_WHOLE or not totals:
        return None
    items: list[Item] = []
    for amount in amounts:
        clause_start = max([start] + [found.end() for found in _CLAUSE_BREAKS.finditer(plain, start, amount.start())])
        verb = _GIVING.match(plain, clause_start, amount.start())
        if verb is None:
            return None
        name = _name(text[verb.end() : amount.start()])
        if not name or any(item.end > clause_start for item in items):
            return None  # one amount to a clause, each with its own name
        items.append(Item(name=name, start=amount.start(), end=amount.end()))
    line = next((line for line, total in totals.items() if _adds_up(text, items, total)), None)
    if line is None or not all(is_part(item) for item in items):
        return None
    return MoneyList(start=items[0].start, end=items[-1].end, items=items, opens_sentence=False, line=line,
                     given_out=True)  # fmt: skip


__all__ = ["MIN_AMOUNTS", "amounts_in", "parts_after_whole", "parts_before_sum"]
