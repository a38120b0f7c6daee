"""Spending rules: categories add to the executed total, shares equal amount ÷ total and add to 100 %."""

from __future__ import annotations

from check_builders import check, line, report, rules_of, spending
from jixiao.model import Funding


def _check(total: str | None, *items: tuple[str, str | None, str | None]) -> list:
    return check(report(funding=Funding(executed=line(total)), spending=spending(*items)))


def test_honest_spending_raises_nothing() -> None:
    assert _check("100.00万元", ("A", "60.00万元", "60.00%"), ("B", "40.00万元", "40.00%")) == []


def test_categories_sum_fires_when_categories_miss_the_total() -> None:
    findings = _check("100.05万元", ("A", "60.00万元", None), ("B", "40.00万元", None))
    assert rules_of(findings) == ["spending.categories_sum"]
    assert findings[0].expected == 100.05 and findings[0].found == 100.0


def test_categories_sum_rounding_edge() -> None:
    assert _check("100.01万元", ("A", "60.00万元", None), ("B", "40.00万元", None)) == []  # within 2 × 0.005
    assert rules_of(_check("100.02万元", ("A", "60.00万元", None), ("B", "40.00万元", None))) == [
        "spending.categories_sum"
    ]


def test_a_list_sharing_out_the_allocated_money_is_not_held_against_the_executed_total() -> None:
    regions = spending(("甲市", "780万元", None), ("乙市", "690万元", None), ("厅直单位", "410万元", None))
    allocated = Funding(allocated=line("1880万元"), executed=line("1142.6万元"))
    assert rules_of(check(report(funding=allocated, spending=regions))) == []
    spent = Funding(allocated=line("1900万元"), executed=line("1142.6万元"))  # adds up to neither line
    assert rules_of(check(report(funding=spent, spending=regions))) == ["spending.categories_sum"]


def test_share_wrong_last_digit_is_an_error() -> None:
    findings = _check("3000.00万元", ("A", "1000.00万元", "33.34%"), ("B", "2000.00万元", "66.67%"))
    assert [(f.rule, f.severity.value) for f in findings] == [("spending.share", "error")]
    assert findings[0].figures[0].path == "spending[0].share"


def test_share_rounding_edge_passes() -> None:
    # 1/3 = 33.333…% prints as 33.33 %; 2/3 as 66.67 %: the two add to 100.00 honestly.
    assert _check("3000.00万元", ("A", "1000.00万元", "33.33%"), ("B", "2000.00万元", "66.67%")) == []


def test_share_allows_the_rounding_of_small_amounts() -> None:
    # 100.00 / 300.00 may be 100.004 / 299.996 = 33.336 %, which prints as 33.34 %: not provably wrong.
    assert _check("300.00万元", ("A", "100.00万元", "33.34%"), ("B", "200.00万元", "66.66%")) == []


def test_share_nudged_to_make_100_is_a_warning() -> None:
    # 扎兰屯 2025 pattern: 24.28 % printed 24.27 % so that the column adds to 100.00.
    findings = _check(
        "3861.14万元",
        ("就业创业服务补助", "62.20万元", "1.61%"),
        ("社会保险补贴", "2189.86万元", "56.72%"),
        ("公益性岗位补贴", "623.82万元", "16.16%"),
        ("就业见习补贴", "42.7万元", "1.11%"),
        ("一次性创业补贴", "5万元", "0.13%"),
        ("其他就业补助", "937.56万元", "24.27%"),
    )
    assert [(f.rule, f.severity.value, f.figures[0].path) for f in findings] == [
        ("spending.share", "warning", "spending[5].share")
    ]
    assert "凑整" in findings[0].message_zh


def test_share_without_executed_total_uses_the_sum_of_categories() -> None:
    assert _check(None, ("A", "25.00万元", "25.00%"), ("B", "75.00万元", "75.00%")) == []
    assert rules_of(_check(None, ("A", "25.00万元", "26.00%"), ("B", "75.00万元", "75.00%")), "warning") == [
        "spending.share",
        "spending.shares_sum",
    ]


def test_shares_sum_fires_when_shares_do_not_make_100() -> None:
    findings = check(report(spending=spending(("A", None, "60.0%"), ("B", None, "39.8%"))))
    assert rules_of(findings) == ["spending.shares_sum"]


def test_shares_sum_rounding_edge_passes() -> None:
    # Three honest thirds 33.3 % each add to 99.9 %, within 3 × 0.05.
    assert check(report(spending=spending(("A", None, "33.3%"), ("B", None, "33.3%"), ("C", None, "33.3%")))) == []


def test_shares_of_a_larger_whole_are_not_held_against_a_partial_list() -> None:
    """A unit's report names two of its projects with their shares of its whole budget (`其中安排两个项目`):
    the shares agree on one whole, larger than the two parts, so neither the shares nor their sum accuse it."""
    projects = (("青少年活动经费", "42.00万元", "16.80%"), ("关爱服务经费", "9.50万元", "3.80%"))
    budget = Funding(budget=line("250.00万元"))
    assert check(report(funding=budget, spending=spending(*projects))) == []
    assert check(report(spending=spending(*projects))) == []  # the whole (250) is not printed: still a part
    wrong = (projects[0], ("关爱服务经费", "9.50万元", "4.80%"))  # 9.50 of 250 is 3.80 %: the shares disagree
    assert rules_of(check(report(funding=budget, spending=spending(*wrong))), "warning") == [
        "spending.share",
        "spending.share",
        "spending.shares_sum",
    ]


def test_shares_of_the_budget_beside_an_executed_total_are_right() -> None:
    # Shares printed of the budget (占预算的…) while the categories add to the money spent.
    items = (("设备购置", "180.00万元", "72.00%"), ("运行维护", "60.00万元", "24.00%"))
    funding = Funding(budget=line("250.00万元"), executed=line("240.00万元"))
    assert check(report(funding=funding, spending=spending(*items))) == []
    no_budget = Funding(executed=line("240.00万元"))  # 72 % of what, then? the report does not say
    assert rules_of(check(report(funding=no_budget, spending=spending(*items)))) == ["spending.share", "spending.share"]
