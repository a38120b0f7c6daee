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


def test_a_results_title_run_into_its_paragraph_opens_a_results_section(tmp_path: Path) -> None:
    raw = (
        "某项目全年预算数为300万元,执行数为294万元,完成预算的98%。项目绩效目标完成情况:一是全年共计流通图书"
        "4200册次,送电影下乡85场,参加观影群众逾3多万人次。二是新建农家书屋12家,改造乡村舞台5个。\n"
    )
    report = rules_report(tmp_path, raw)
    rate = report.funding.execution_rate
    assert rate is not None and rate.text == "98%"
    assert [(i.name, i.actual.text if i.actual else None) for i in report.indicators] == [
        ("流通图书", "4200册次"),
        ("送电影下乡", "85场"),
        ("新建农家书屋", "12家"),
        ("改造乡村舞台", "5个"),
    ]  # the rough count under a bound (逾…多) is left out


def test_headings_on_the_moneys_arrival_and_use_say_the_lines_the_sentences_leave_out(tmp_path: Path) -> None:
    raw = (
        "二、资金使用及管理情况\n(一)资金到位情况\n该项目2022年度财政资金48.5万元,其中办公经费30万元,"
        "人员补助18.5万元。\n(二)资金使用情况\n该项目资金48.5万元全部用于保障某站日常运转。\n"
    )
    funding = rules_report(tmp_path, raw).funding
    allocated, executed = funding.allocated.total, funding.executed.total
    assert funding.budget.total is None
    assert allocated is not None and allocated.text == "48.5万元"
    assert executed is not None and executed.text == "48.5万元"


def test_without_such_headings_the_unstated_amount_is_the_budget_and_a_use_no_spending(tmp_path: Path) -> None:
    raw = (
        "一、项目概况\n该项目2022年度财政资金48.5万元,其中办公经费30万元,人员补助18.5万元。\n"
        "该项目资金48.5万元全部用于保障某站日常运转。\n"
    )
    funding = rules_report(tmp_path, raw).funding
    budget = funding.budget.total
    assert budget is not None and budget.text == "48.5万元"
    assert (funding.allocated.total, funding.executed.total) == (None, None)


def test_a_goal_put_with_jiang_is_named_by_its_measure(tmp_path: Path) -> None:
    raw = "年度绩效目标:一是及时下拨补助资金;二是坚决遏制重大火情发生,将林地受害率控制在0.5‰以内。\n"
    report = rules_report(tmp_path, raw)
    assert [(i.name, i.target.text if i.target else None) for i in report.indicators] == [
        ("林地受害率", "控制在0.5‰以内")
    ]
