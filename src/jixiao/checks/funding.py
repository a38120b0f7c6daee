"""Funds block: sources add up to totals, the stated execution rate, execution within budget (DOMAIN §7.1)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.beside_budget import money_beside
from jixiao.checks.engine import CheckContext, ref, rule
from jixiao.checks.tolerance import (
    EPSILON,
    half_unit,
    input_err,
    is_low_precision,
    percent_matches,
    places,
    printed_places,
    ratio_range,
    sum_matches,
    sum_tolerance,
)
from jixiao.model import Figure, Finding, FundingLine, FundSource, Severity, SourceAmount, value_of

LINES = {"initial": "年初预算数", "budget": "全年预算数", "allocated": "下达资金", "executed": "全年执行数"}


def line_places(line: FundingLine) -> int:
    """Precision the report kept a funding line at (its most precise figure)."""
    figures = [row.amount for row in line.by_source] + ([line.total] if line.total else [])
    return printed_places(figures)


@rule("funding.sources_sum", Severity.ERROR)
def sources_sum(ctx: CheckContext) -> Iterator[Finding]:
    """每一行资金（预算、下达、执行）的分来源金额之和等于合计（F01/F02/F05）。

    Tolerance max(0.01, 0.005 × n) at two decimals, generalised to the precision the line printed.
    A total of 0 beside filled sources (池州 2022) fails the same way.
    """
    for key, label in LINES.items():
        line: FundingLine = getattr(ctx.report.funding, key)
        total = value_of(line.total)
        amounts = [row.amount.value for row in line.by_source]
        if total is None or not line.by_source or any(a is None for a in amounts):
            continue
        parts = [a for a in amounts if a is not None]
        kept = line_places(line)
        if sum_matches(total, parts, kept):
            continue
        assert line.total is not None
        figures = [ref(f"funding.{key}.total", line.total)]
        figures += [ref(f"funding.{key}.by_source[{i}].amount", row.amount) for i, row in enumerate(line.by_source)]
        gap, shown = total - sum(parts), min(kept, 4)  # 万元; a table in 元 keeps six decimals
        yield ctx.finding(
            f"{label}合计 {line.total.text} 与分来源之和 {sum(parts):.{shown}f}万元 不符（差 {gap:+.{shown}f}，"
            f"容差 {sum_tolerance(len(parts), kept):g}）",
            f"{key} total {line.total.text} != sum of sources {sum(parts):.{shown}f} (10k yuan)",
            figures,
            expected=sum(parts),
            found=total,
        )


def _rate_range(numerator: FundingLine, denominator: FundingLine) -> tuple[float, float] | None:
    top, bottom = value_of(numerator.total), value_of(denominator.total)
    if top is None or bottom is None or bottom <= 0:
        return None
    return ratio_range(top, input_err(line_places(numerator)), bottom, input_err(line_places(denominator)))


def _mismatch(ctx: CheckContext, stated: Figure, rate: tuple[float, float], base: str, key: str) -> Finding:
    funding = ctx.report.funding
    expected = sum(rate) / 2
    base_total = getattr(funding, key).total
    assert funding.executed.total is not None and base_total is not None
    return ctx.finding(
        f"执行率 {stated.text} 与 执行数÷{base} = {expected:.2f}% 不符",
        f"rate {stated.text} != executed/{key} = {expected:.2f}%",
        [
            ref("funding.execution_rate", stated),
            ref("funding.executed.total", funding.executed.total),
            ref(f"funding.{key}.total", base_total),
        ],
        expected=expected,
        found=stated.value,
    )


def _low_precision(ctx: CheckContext, stated: Figure, rate: tuple[float, float]) -> Iterator[Finding]:
    if is_low_precision(stated):
        yield ctx.finding(
            f"执行率仅印至 {stated.text}，精度偏低（重算值 {sum(rate) / 2:.2f}%）",
            f"rate printed at low precision ({stated.text})",
            [ref("funding.execution_rate", stated)],
            severity=Severity.INFO,
        )


_MAX_FRACTION = 1.5  # a rate printed as a share of one (0.86 for 86 %) is at most 150 %, as any rate


def _as_fraction(stated: Figure, rates: list[tuple[float, float] | None]) -> bool:
    """A rate printed without % as a share of one (`0.1` for 14.46 %: 0.05–0.15 at one decimal) that fits a
    recomputed rate only read so: the report's way of printing it, not a wrong rate."""
    if "%" in stated.text or stated.value is None or not 0 < stated.value <= _MAX_FRACTION:
        return False
    value, err = 100 * stated.value, 100 * half_unit(places(stated))
    return any(
        rate is not None and rate[1] >= value - err - EPSILON and rate[0] <= value + err + EPSILON for rate in rates
    )


@rule("funding.execution_rate", Severity.ERROR)
def execution_rate(ctx: CheckContext) -> Iterator[Finding]:
    """所述预算执行率等于 全年执行数 ÷ 全年预算数 × 100%（F03），按所印位数比较。

    When only executed ÷ allocated fits, a warning names that base (without a budget total, the
    allocated base is used and said). A rate printed with fewer than two decimals passes at its own
    rounding (86% for 85.75%) with an info note: it can hide a value just under the 90% threshold.
    A rate printed without % that fits only as a share of one (0.86 for 86%) is said as info.
    """
    funding = ctx.report.funding
    stated = funding.execution_rate
    if stated is None or stated.value is None:
        return
    on_budget = _rate_range(funding.executed, funding.budget)
    on_allocated = _rate_range(funding.executed, funding.allocated)
    fits = any(rate is not None and percent_matches(stated, rate) for rate in (on_budget, on_allocated))
    if not fits and _as_fraction(stated, [on_budget, on_allocated]):
        yield ctx.finding(
            f"执行率 {stated.text} 以小数印出（即 {100 * stated.value:g}%），与重算值相符",
            f"rate {stated.text} is printed as a share of one ({100 * stated.value:g}%) and fits",
            [ref("funding.execution_rate", stated)],
            severity=Severity.INFO,
        )
        return
    if on_budget is not None:
        if percent_matches(stated, on_budget):
            yield from _low_precision(ctx, stated, on_budget)
        elif on_allocated is not None and percent_matches(stated, on_allocated):
            finding = _mismatch(ctx, stated, on_budget, "预算数", "budget")
            assert funding.allocated.total is not None
            yield finding.model_copy(
                update={
                    "severity": Severity.WARNING,
                    "message_zh": f"执行率 {stated.text} 是按下达资金计算的（执行数÷下达数），"
                    f"按全年预算应为 {finding.expected:.2f}%",
                    "message_en": f"rate {stated.text} uses the allocated base; on the budget it is "
                    f"{finding.expected:.2f}%",
                    "figures": [*finding.figures, ref("funding.allocated.total", funding.allocated.total)],
                }
            )
        else:
            yield _mismatch(ctx, stated, on_budget, "预算数", "budget")
    elif on_allocated is not None:
        if not percent_matches(stated, on_allocated):
            yield _mismatch(ctx, stated, on_allocated, "下达数", "allocated")
            return
        yield ctx.finding(
            f"未载全年预算数；执行率 {stated.text} 与 执行数÷下达数 相符",
            f"no budget total; rate {stated.text} fits executed/allocated",
            [ref("funding.execution_rate", stated)],
            severity=Severity.INFO,
        )
        yield from _low_precision(ctx, stated, on_allocated)


_CARRYOVER_WORDS = re.compile("结转|结余")


def _counterpart(row: SourceAmount, rows: list[SourceAmount]) -> int | None:
    """Index of the budget row a funding row corresponds to: same source level, or carryover ↔ 其他(含结转)."""
    same = [i for i, other in enumerate(rows) if other.source == row.source]
    if len(same) > 1:
        same = [i for i in same if rows[i].name == row.name]
    if len(same) == 1:
        return same[0]
    pair = {FundSource.CARRYOVER: FundSource.OTHER, FundSource.OTHER: FundSource.CARRYOVER}.get(row.source)
    if pair is None:
        return None
    # 额尔古纳 2024 budgets 其他资金(包括以前年度结转资金) and executes 以前年度结转资金.
    paired = [
        i
        for i, other in enumerate(rows)
        if other.source == pair and (_CARRYOVER_WORDS.search(other.name) or _CARRYOVER_WORDS.search(row.name))
    ]
    return paired[0] if len(paired) == 1 else None


def _beside(ctx: CheckContext) -> float:
    """Other money the text prints beside the budget (`其他资金来源21万元`): the money spent may come from it too."""
    budget, executed = ctx.report.funding.budget.total, ctx.report.funding.executed.total
    return money_beside(ctx.text, budget, executed) if ctx.text and budget and executed else 0.0


@rule("funding.executed_within_budget", Severity.WARNING)
def executed_within_budget(ctx: CheckContext) -> Iterator[Finding]:
    """执行数不超过预算数：合计超出为 error，分来源行超出为 warning（F04）；报告在预算旁另列足以覆盖支出的其他资金
    （其他资金来源、上年结转资金…）时，合计不算超出。"""
    funding = ctx.report.funding
    budget, executed = funding.budget, funding.executed
    # Rounding is monotone: at one precision an honest B ≤ A never prints as B > A.
    b_places, e_places = line_places(budget), line_places(executed)
    tol = 0.0 if b_places == e_places else half_unit(min(b_places, e_places))
    b_total, e_total = value_of(budget.total), value_of(executed.total)
    if b_total is not None and e_total is not None and e_total > b_total + _beside(ctx) + tol + EPSILON:
        assert budget.total is not None and executed.total is not None
        yield ctx.finding(
            f"全年执行数 {executed.total.text} 超过全年预算数 {budget.total.text}",
            f"executed total {executed.total.text} exceeds the budget {budget.total.text}",
            [ref("funding.executed.total", executed.total), ref("funding.budget.total", budget.total)],
            expected=b_total,
            found=e_total,
            severity=Severity.ERROR,
        )
    for i, row in enumerate(executed.by_source):
        j = _counterpart(row, budget.by_source)
        if j is None or row.amount.value is None:
            continue
        planned = budget.by_source[j]
        if planned.amount.value is None or row.amount.value <= planned.amount.value + tol + EPSILON:
            continue
        yield ctx.finding(
            f"{row.name} 执行 {row.amount.text} 超过预算 {planned.name} {planned.amount.text}",
            f"{row.name}: executed {row.amount.text} > budget {planned.amount.text}",
            [
                ref(f"funding.executed.by_source[{i}].amount", row.amount),
                ref(f"funding.budget.by_source[{j}].amount", planned.amount),
            ],
            expected=planned.amount.value,
            found=row.amount.value,
        )
