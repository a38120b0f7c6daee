"""Prose shapes of held-out set 8 (narrative documents), one class each, on invented paragraphs."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.extract.rules.funding import extract_funding


def _lines(raw: str) -> dict[str, str | None]:
    text, _ = normalize(raw)
    funding, _ = extract_funding(text)
    return {
        line: total.text if (total := getattr(funding, line).total) else None
        for line in ("budget", "allocated", "executed")
    }


# ---- a bare sum word after the clauses that say what was given -------------------------------------------


def test_a_sum_word_alone_in_its_clause_takes_the_verb_of_the_clauses_before_it() -> None:
    found = _lines("2023年,省财政下达我市2批某防汛补助资金(工程部分),共计3150万元。目前资金已支出2010万元。\n")
    assert found == {"budget": None, "allocated": "3150万元", "executed": "2010万元"}


def test_a_sum_word_with_no_verb_before_it_stays_the_budget() -> None:
    found = _lines("某镇人居环境整治项目,共计480万元。\n")
    assert found["budget"] == "480万元" and found["allocated"] is None
