"""A project's budget stated as its budget income, in the sentence that says what was spent of it.

    2023年度预算收入8万元，全年执行7.5万元。

The grammar reads `收入` as an income, no funding line (NOT_A_FUNDING_LINE), and rightly so alone: a
government's 一般公共预算收入 / 财政预算收入 is its revenue, and a 预算收入 split into parts that do not add up
says nothing sure (added_budget). A project's `预算收入X` followed in its own sentence by the executed total
the grammar read is the whole the spending is measured against: the budget. Read only where no budget was
found.
"""

from __future__ import annotations

import re

from jixiao.extract.rules.amount_clauses import AMOUNT
from jixiao.extract.rules.figures import money_at
from jixiao.model import Funding

_CUE = "预算收入"
_REVENUE = re.compile(r"(?:公共|财政|税收|一般)\s*$")  # 一般公共预算收入, 财政预算收入: a government's revenue
_LEAD = re.compile(r"\s*(?:为|是|:|：)?\s*")
_SPLIT = re.compile(r"其中|[（(]")
_SENTENCE_BREAKS = "。\n"
FOUND_BY = "narrative.budget_income"


def read_budget_income(text: str, funding: Funding) -> None:
    """Set the budget from `预算收入X` when the executed total is stated after it in the same sentence."""
    executed = funding.executed.total
    if funding.budget.total is not None or executed is None or executed.span is None:
        return
    at = text.find(_CUE, 0, executed.span.start)
    while at >= 0:
        found = _budget_before(text, at, executed.span.start)
        if found is not None:
            funding.budget.total = money_at(text, *found, FOUND_BY)
            return
        at = text.find(_CUE, at + len(_CUE), executed.span.start)


def _budget_before(text: str, at: int, executed_at: int) -> tuple[int, int] | None:
    """The span of the amount right after the `预算收入` at `at`, when the executed amount at `executed_at` is
    in its sentence, no split opens between them and the income is no government's revenue."""
    if _REVENUE.search(text, max(0, at - 4), at):
        return None
    lead = _LEAD.match(text, at + len(_CUE))
    amount = AMOUNT.match(text, lead.end()) if lead else None
    if amount is None or any(text.find(char, amount.end(), executed_at) >= 0 for char in _SENTENCE_BREAKS):
        return None
    if _SPLIT.search(text, amount.end(), executed_at):
        return None  # `预算收入X，其中…`: the parts' sentence, read by added_budget if they add up
    return amount.span()


__all__ = ["read_budget_income"]
