"""A budget stated as its year-start part plus what was added in the year.

    2022年预算收入69.06万元，其中年初预算57.28万元，调整追加11.78万元。
    专项行动资金800万元(财政预算740万元，年底追加某村资金60万元)

The amount split is the year's budget and its first part the initial budget (年初预算), when the part before
the 追加 and the addition add up to it: the arithmetic says which amount is the whole, whatever its own
clause calls it (`预算收入` reads as an income to the sentence grammar). Read only where the grammar left
both lines open (or found the same budget), and only in a sentence that says 追加.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.amount_clauses import AMOUNT
from jixiao.extract.rules.figures import amount_in_wan, money_at
from jixiao.extract.rules.money_lists import about_equal
from jixiao.model import Funding

_CUE = "追加"
_ADDED = re.compile(r"(?:调整)?追加|调增")
_YEAR_START = re.compile(r"年初|预算")
_OPENS_SPLIT = re.compile(r"其中|[（(]")
_SENTENCE_BREAKS = "。\n"
_ADDED_REACH = 24  # chars from 追加 to its amount (`年底追加某某行动村资金60万元`)
FOUND_BY = "narrative.added_budget"


def read_added_budget(text: str, plain: str, limit: int, funding: Funding) -> None:
    """Set the budget and the initial budget from the first sentence that splits a whole into its year-start
    part and an addition (`plain` is `text` with titles masked, same offsets)."""
    if funding.initial.total is not None or text.find(_CUE, 0, limit) < 0:
        return
    for added in _ADDED.finditer(plain, 0, limit):
        start = max(plain.rfind(char, 0, added.start()) for char in _SENTENCE_BREAKS) + 1
        found = _split(text, plain, start, added.start(), added.end())
        if found is None:
            continue
        whole, part = found
        budget = funding.budget.total
        if budget is not None and budget.value != amount_in_wan(text[slice(*whole)]):
            return  # the grammar read another budget: not this sentence's to say
        funding.budget.total = budget or money_at(text, *whole, FOUND_BY)
        funding.initial.total = money_at(text, *part, FOUND_BY)
        return


def _split(text: str, plain: str, start: int, at: int, after: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(whole, year-start part) of the sentence whose addition is stated at plain[at:after], or None."""
    addition = AMOUNT.search(plain, after, after + _ADDED_REACH)
    before = list(AMOUNT.finditer(plain, start, at))
    if addition is None or len(before) < 2 or any(char in plain[after : addition.start()] for char in "，,；;。"):
        return None
    whole, part = before[-2], before[-1]
    if not _OPENS_SPLIT.search(plain, whole.end(), part.start()) or not _YEAR_START.search(
        plain, whole.end(), part.start()
    ):
        return None
    values = [amount_in_wan(text[match.start() : match.end()]) for match in (whole, part, addition)]
    if any(value is None for value in values):
        return None
    total, first, extra = (value or 0.0 for value in values)
    if not about_equal(first + extra, total) or first <= 0 or extra <= 0:
        return None
    return whole.span(), part.span()


__all__ = ["read_added_budget"]
