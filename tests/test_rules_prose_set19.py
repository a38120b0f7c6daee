"""Prose layouts of set 19 (invented text): level lists whose items a bracket splits again, an amount due
beside the amount paid."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.model import FundingLine
from reading import funding_of, rules_report


def _rows(line: FundingLine) -> list[tuple[str, str]]:
    return [(row.source.value, row.amount.text) for row in line.by_source]


@pytest.mark.parametrize(
    "inner",
    [
        ("(2031年结转12.5万元,2032年下达40万元)", "(2031年结转3万元,2032年下达17万元)"),
        ("（上年结转12.5万元、本年下达40万元）", "（上年结转3万元、本年下达17万元）"),
        ("(含结转12.5万元)", ""),
    ],
)
def test_a_bracket_after_a_source_splits_that_source_not_the_line(inner: tuple[str, str]) -> None:
    funding, spending = funding_of(
        f"该项目中央、省级预算共安排72.5万元,其中:中央52.5万元{inner[0]},省级20万元{inner[1]};"
        "2032年应支付贴息资金66万元,实际支付61.2万元,其中:中央49.2万元、省级12万元,执行率84.4%。\n"
    )
    assert funding.budget.total is not None and funding.budget.total.value == 72.5
    assert _rows(funding.budget) == [("central", "52.5万元"), ("provincial", "20万元")]
    assert funding.executed.total is not None and funding.executed.total.value == 61.2  # 应支付 is what was owed
    assert _rows(funding.executed) == [("central", "49.2万元"), ("provincial", "12万元")]
    assert spending == []


def test_a_bracket_inside_a_list_of_parts_is_a_level_below() -> None:
    _, spending = funding_of(
        "全年支出96万元，其中设备购置费60万元（甲型设备45万元、乙型设备15万元），人员培训费24万元，宣传费12万元。\n"
    )
    assert [(item.category, item.amount and item.amount.text) for item in spending] == [
        ("设备购置费", "60万元"),
        ("人员培训费", "24万元"),
        ("宣传费", "12万元"),
    ]
    funding, _ = funding_of("下达项目资金90万元(其中中央60万元、省级30万元)。\n")
    assert _rows(funding.allocated) == [("central", "60万元"), ("provincial", "30万元")]  # a bracket after the whole


@pytest.mark.parametrize(
    ("due", "paid"),
    [("应发放补贴80万元", "实际发放72万元"), ("應兌現獎補資金80萬元", "實際兌現72萬元"), ("应拨付资金80万元", "实际支付72万元")],
)
def test_an_amount_due_is_no_line_beside_the_amount_paid(tmp_path: Path, due: str, paid: str) -> None:
    funding = rules_report(tmp_path, f"一、资金情况\n该项目{due}，{paid}。\n").funding
    assert funding.executed.total is not None and funding.executed.total.value == 72
    assert funding.budget.total is None and funding.allocated.total is None


@pytest.mark.parametrize(
    "opening",
    [
        "某中心2031年一般公共预算财政拨款收入项目支出安排预算为",
        "某中心本年度财政拨款收入中项目支出预算安排",
        "某中心2031年项目支出安排预算",
    ],
)
def test_the_income_a_budget_is_arranged_from_is_no_income_line(opening: str) -> None:
    funding, spending = funding_of(
        f"{opening}1,460.50万元,其中:一是甲类储备基金1,300.00万元,分别为A储备资金1,000.00万元、B储备资金300.00万元;"
        "二是本中心业务经费160.50万元,分别为C监测经费60.50万元、D检查经费100.00万元。\n"
    )
    assert funding.budget.total is not None and funding.budget.total.text == "1,460.50万元"
    assert funding.executed.total is None  # 项目支出 names the kind of money arranged, no spending
    assert [(item.category, item.amount and item.amount.text) for item in spending] == [
        ("甲类储备基金", "1,300.00万元"),  # the parts each item is split into are a level below
        ("本中心业务经费", "160.50万元"),
    ]


def test_an_income_alone_stays_no_line_and_a_sub_list_ends_where_it_adds_up() -> None:
    funding, _ = funding_of("本年收入300万元，其中财政拨款收入280万元。\n")
    assert funding.budget.total is None
    _, spending = funding_of("项目预算为90万元,其中:甲基金60万元,分别为A资金40万元、B资金20万元,乙经费30万元。\n")
    assert [item.category for item in spending] == ["甲基金", "乙经费"]
