"""Prose phrasings first met on held-out set 11 (own words and invented figures)."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.rules.budget_income import read_budget_income
from jixiao.extract.rules.funding import extract_funding
from reading import read, rules_report


def _budget_and_executed(raw: str) -> tuple[str | None, str | None]:
    text = read(raw)
    funding, _ = extract_funding(text)
    read_budget_income(text, funding)
    budget, executed = funding.budget.total, funding.executed.total
    return (budget.text if budget else None, executed.text if executed else None)


def test_a_budget_income_beside_the_years_execution_is_the_budget() -> None:
    assert _budget_and_executed("某镇2021年度预算收入8万元，全年执行7.5万元。\n") == ("8万元", "7.5万元")


def test_a_governments_revenue_or_an_income_alone_is_no_budget() -> None:
    assert _budget_and_executed("全县一般公共预算收入8500万元，全年执行7.5万元。\n")[0] is None
    assert _budget_and_executed("2021年度预算收入8万元。\n全年执行7.5万元。\n")[0] is None  # not its sentence
    assert _budget_and_executed("2021年度预算收入8万元，其中上级补助6万元，全年执行7.5万元。\n")[0] is None


def test_a_traditional_script_report_quotes_its_own_budget(tmp_path: Path) -> None:
    report = rules_report(tmp_path, "某縣2021年度專項經費預算收入4.5萬元,全年執行7.65萬元。\n")
    budget = report.funding.budget.total
    assert budget is not None and (budget.text, budget.value) == ("4.5萬元", 4.5)
