"""Funding rules on hand-built reports: each one fires on a wrong figure and stays quiet on honest rounding."""

from __future__ import annotations

import pytest

from check_builders import check, fig, line, report, rules_of
from jixiao.model import Figure, Funding
from jixiao.model import FundSource as S

ERGUNA_BUDGET = line(
    "1435.89万元",
    (S.CENTRAL, "中央补助资金", "522.65万元"),
    (S.PROVINCIAL, "自治区补助", "184.44万元"),
    (S.PREFECTURAL, "盟市财政资金", "121.84万元"),
    (S.COUNTY, "旗县财政资金", "127.96万元"),
    (S.OTHER, "其他资金(包括以前年度结转资金)", "479万元"),
)


def _funding(**lines: object) -> list:
    return check(report(funding=Funding(**lines)))


def test_sources_adding_up_raise_nothing() -> None:
    assert _funding(budget=ERGUNA_BUDGET) == []


def test_sources_sum_fires_on_a_wrong_total() -> None:
    # 临河 2022: Σ = 7165.29 vs total 7165.32, gap 0.03 > 0.025 (five addends).
    budget = line(
        "7165.32万元",
        (S.CENTRAL, "中央", "3144.00万元"),
        (S.PROVINCIAL, "自治区", "570.17万元"),
        (S.PREFECTURAL, "盟市", "433.00万元"),
        (S.COUNTY, "旗县", "1426.90万元"),
        (S.OTHER, "其他", "1591.22万元"),
    )
    findings = _funding(budget=budget)
    assert rules_of(findings) == ["funding.sources_sum"]
    assert findings[0].expected == 7165.29 and findings[0].found == 7165.32
    assert "funding.budget.total" in [f.path for f in findings[0].figures]


def test_sources_sum_rounding_edge() -> None:
    parts = [(S.CENTRAL, "中央", "100.01万元"), (S.COUNTY, "县", "100.01万元")]
    assert _funding(budget=line("200.03万元", *parts)) == []  # gap 0.01 = tolerance of two addends
    assert rules_of(_funding(budget=line("200.04万元", *parts))) == ["funding.sources_sum"]  # gap 0.02


def test_sources_sum_zero_total_with_filled_sources() -> None:
    # 池州 2022: total row 0 while 本年拨款 is 90.
    findings = _funding(budget=line("0万元", (S.OTHER, "本年财政拨款", "90万元")))
    assert rules_of(findings) == ["funding.sources_sum"]


def test_execution_rate_honest_two_decimals_passes() -> None:
    findings = check(
        report(funding=Funding(budget=line("3877.67万元"), executed=line("3861.14万元"), execution_rate=fig("99.57%")))
    )
    assert findings == []


def test_execution_rate_wrong_last_digit_fires() -> None:
    funding = Funding(budget=line("3877.67万元"), executed=line("3861.14万元"), execution_rate=fig("99.58%"))
    findings = check(report(funding=funding))
    assert rules_of(findings) == ["funding.execution_rate"]
    assert findings[0].severity == "error"


def test_execution_rate_integer_precision_passes_with_info() -> None:
    # 553.42 / 645.18 = 85.78 % printed as 86 %.
    funding = Funding(budget=line("645.18万元"), executed=line("553.42万元"), execution_rate=fig("86%"))
    findings = check(report(funding=funding), skip=["narrative"])
    assert rules_of(findings, "warning") == []
    assert rules_of(findings) == ["funding.execution_rate"]
    assert findings[0].severity == "info"


def test_execution_rate_integer_precision_wrong_fires() -> None:
    funding = Funding(budget=line("645.18万元"), executed=line("553.42万元"), execution_rate=fig("87%"))
    assert rules_of(check(report(funding=funding)), "error") == ["funding.execution_rate"]


def _bare_rate(text: str) -> Figure:
    """A rate cell printed without % (a 执行率 column of shares of one), read as a percentage."""
    return Figure(text=text, value=float(text), unit="%", kind="percent")


@pytest.mark.parametrize("printed", ["0.86", "0.8578", "0.9"])
def test_execution_rate_printed_as_a_share_of_one_is_no_error(printed: str) -> None:
    # 553.42 / 645.18 = 85.78 %, printed as 0.86 (or 0.8578, or 0.9 at one decimal) in a column without %
    funding = Funding(budget=line("645.18万元"), executed=line("553.42万元"), execution_rate=_bare_rate(printed))
    findings = check(report(funding=funding), skip=["narrative"])
    assert rules_of(findings, "warning") == []
    assert rules_of(findings) == ["funding.execution_rate"]


def test_execution_rate_as_a_share_of_one_still_fires_when_it_does_not_fit() -> None:
    funding = Funding(budget=line("645.18万元"), executed=line("553.42万元"), execution_rate=_bare_rate("0.88"))
    assert rules_of(check(report(funding=funding)), "error") == ["funding.execution_rate"]
    # 5.55 / 645.18 = 0.86 %: the bare 0.86 is that percentage, and the share reading is never tried
    tiny = Funding(budget=line("645.18万元"), executed=line("5.55万元"), execution_rate=_bare_rate("0.86"))
    assert "funding.execution_rate" not in rules_of(check(report(funding=tiny), skip=["narrative"]))


def test_execution_rate_on_allocated_base_is_named() -> None:
    funding = Funding(
        budget=line("1000.00万元"), allocated=line("800.00万元"), executed=line("760.00万元"), execution_rate=fig("95%")
    )
    findings = check(report(funding=funding), skip=["narrative"])
    assert [(f.rule, f.severity.value) for f in findings] == [("funding.execution_rate", "warning")]
    assert "下达" in findings[0].message_zh


def test_executed_rows_above_budget_are_warnings_naming_rows() -> None:
    executed = line(
        "1298.17万元",
        (S.CENTRAL, "中央补助资金", "265.27万元"),
        (S.PROVINCIAL, "自治区补助", "210.95万元"),
        (S.PREFECTURAL, "盟市财政资金", "122.05万元"),
        (S.COUNTY, "旗县财政资金", "107.17万元"),
        (S.CARRYOVER, "以前年度结转资金", "592.73万元"),
    )
    findings = _funding(budget=ERGUNA_BUDGET, executed=executed)
    assert {(f.rule, f.severity.value) for f in findings} == {("funding.executed_within_budget", "warning")}
    paths = sorted(f.figures[0].path for f in findings)
    assert paths == [f"funding.executed.by_source[{i}].amount" for i in (1, 2, 4)]
    assert "funding.budget.by_source[4].amount" in [f.figures[1].path for f in findings]  # 结转 ↔ 其他(含结转)


def test_executed_total_above_budget_is_an_error() -> None:
    findings = _funding(budget=line("100.00万元"), executed=line("100.01万元"))
    assert [(f.rule, f.severity.value) for f in findings] == [("funding.executed_within_budget", "error")]
    assert _funding(budget=line("100.00万元"), executed=line("100.00万元")) == []


def test_without_a_budget_total_the_allocated_base_is_used_and_said() -> None:
    fits = Funding(allocated=line("800.00万元"), executed=line("760.00万元"), execution_rate=fig("95.00%"))
    assert [(f.rule, f.severity.value) for f in check(report(funding=fits))] == [("funding.execution_rate", "info")]
    wrong = Funding(allocated=line("800.00万元"), executed=line("760.00万元"), execution_rate=fig("95.10%"))
    findings = check(report(funding=wrong))
    assert [(f.rule, f.severity.value) for f in findings] == [("funding.execution_rate", "error")]
    assert "funding.allocated.total" in [f.path for f in findings[0].figures]
