"""Across years: a report against the same region's and fund's report of the year before (DOMAIN §7.3).

The most telling problems of a self-evaluation only show in series: money left unspent last year that
does not come back as this year's carry-over, an actual copied from last year's form, a target lowered
after a miss or left flat after a large over-achievement (大连监管局: 标准矮化、无压力指标), an indicator
that quietly disappears after it was missed, a count that jumps tenfold, whole paragraphs carried over.

Every finding belongs to year N's report and quotes the figures of both years: those of year N−1 name
their report in `FigureRef.source_path`. Indicators are matched by name (`jixiao.names.indicator_key`),
by programme as well where a name repeats within a report. The store layer gathers the pairs; nothing
here reads the store.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.checks.attainment import Attainment, Status, attainment, comparable, in_base_units, is_count
from jixiao.checks.engine import CheckContext, indicator_label, rule
from jixiao.checks.narrative import mention_keys
from jixiao.checks.tolerance import EPSILON, printed_places, sum_tolerance
from jixiao.model import Figure, FigureRef, Finding, FundSource, Indicator, Kind, Op, Report, Severity
from jixiao.model.status import ReadingStatus, reading_status
from jixiao.names import fund_key, indicator_key

RAISING = (Op.GE, Op.GT)  # more is better: a lower target is an easier one
RECOVERED = re.compile(r"收回|上缴|缴回|交回|统筹盘活|调减")  # unspent money legitimately gone (DOMAIN Y01)
JUMP_REASON = re.compile(r"原因|由于|因为|扩大|新增|增长|增加|减少|下降|口径|调整|合并|拆分|试点|首次")


# --- figures of both reports -------------------------------------------------------------------


def this_year(ctx: CheckContext, path: str, figure: Figure) -> FigureRef:
    return FigureRef(path=path, text=figure.text, span=figure.span, year=ctx.report.year)


def last_year(ctx: CheckContext, path: str, figure: Figure) -> FigureRef:
    """A figure of last year's report: its span points into that report's text, which the ref names."""
    previous = previous_report(ctx)
    return FigureRef(
        path=path, text=figure.text, span=figure.span, year=previous.year, source_path=previous.source.path
    )


def previous_report(ctx: CheckContext) -> Report:
    assert ctx.previous is not None, "a rule across years ran without last year's report"
    return ctx.previous


def year_zh(report: Report) -> str:
    return f"{report.year}年" if report.year else "上年"


# --- matching indicators across years ------------------------------------------------------------


@dataclass(frozen=True)
class Pair:
    """One indicator in both years, with last year's attainment."""

    before_index: int
    before: Indicator
    index: int
    now: Indicator
    before_attainment: Attainment

    def refs(self, ctx: CheckContext, *fields: str) -> list[FigureRef]:
        """The named figures (`before.target`, `now.actual` …) that are present, in the order named."""
        refs: list[FigureRef] = []
        for field in fields:
            year, name = field.split(".")
            indicator, index = (self.before, self.before_index) if year == "before" else (self.now, self.index)
            figure = getattr(indicator, name)
            if figure is not None:
                make = last_year if year == "before" else this_year
                refs.append(make(ctx, f"indicators[{index}].{name}", figure))
        return refs


def _keys(indicators: list[Indicator]) -> list[str]:
    """A key per indicator: its name, with its programme where the name repeats within the report."""
    names = [indicator_key(ind.name) for ind in indicators]
    repeated = {name for name, count in Counter(names).items() if count > 1}
    return [
        f"{fund_key(ind.program) or ''}/{name}" if name in repeated else name
        for ind, name in zip(indicators, names, strict=True)
    ]


def pairs(ctx: CheckContext) -> list[Pair]:
    before = previous_report(ctx).indicators
    now_by_key = {key: i for i, key in enumerate(_keys(ctx.report.indicators))}
    found: list[Pair] = []
    for j, key in enumerate(_keys(before)):
        if key in now_by_key:
            i = now_by_key[key]
            found.append(Pair(j, before[j], i, ctx.report.indicators[i], attainment(before[j])))
    return found


def _targets(pair: Pair) -> tuple[float, float] | None:
    """Last year's and this year's target on one scale (4.5万人 and 46000人 compare)."""
    return comparable(pair.before.target, pair.now.target)


def _flat_after_overachievement(pair: Pair, k: float) -> bool:
    targets = _targets(pair)
    ratio = pair.before_attainment.ratio
    return (
        pair.before_attainment.status == Status.MET
        and pair.before_attainment.op in RAISING
        and ratio is not None
        and ratio >= k
        and targets is not None
        and targets[1] <= targets[0] + EPSILON
    )


# --- funds ---------------------------------------------------------------------------------------


@rule("years.carryover_mismatch", Severity.WARNING, needs_previous=True)
def carryover_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """本年“上年结转”应等于上年预算数 − 上年执行数（Y01）；列入“其他资金（含以前年度结转）”时不应少于该数。"""
    previous = previous_report(ctx)
    budget, executed = previous.funding.budget.total, previous.funding.executed.total
    if budget is None or executed is None or budget.value is None or executed.value is None:
        return
    unspent = budget.value - executed.value
    rows = [(k, s) for k, s in enumerate(ctx.report.funding.budget.by_source) if s.source == FundSource.CARRYOVER]
    at_least = not rows
    if not rows:  # 其他资金（包括以前年度结转资金）holds the carry-over among other money
        rows = [
            (k, s)
            for k, s in enumerate(ctx.report.funding.budget.by_source)
            if s.source == FundSource.OTHER and "结转" in s.name
        ]
    if not rows:
        return
    amounts = [s.amount for _, s in rows]
    if any(a.value is None for a in amounts):
        return
    carried = sum(a.value or 0 for a in amounts)
    tolerance = sum_tolerance(2 + len(amounts), printed_places([budget, executed, *amounts])) + EPSILON
    if abs(carried - unspent) <= tolerance or (at_least and carried >= unspent - tolerance):
        return
    explained = ctx.text is not None and RECOVERED.search(ctx.text) is not None
    figures = [
        last_year(ctx, "funding.budget.total", budget),
        last_year(ctx, "funding.executed.total", executed),
        *(this_year(ctx, f"funding.budget.by_source[{k}].amount", s.amount) for k, s in rows),
    ]
    yield ctx.finding(
        f"{year_zh(previous)}预算 {budget.text} − 执行 {executed.text} = 未使用 {unspent:.2f} 万元，"
        f"本年列{'（含）' if at_least else ''}上年结转 {carried:.2f} 万元"
        + ("；报告提及资金收回，请核对" if explained else "，差额未见说明"),
        f"{previous.year} left {unspent:.2f} unspent (budget {budget.text} − executed {executed.text}); "
        f"this year's carry-over is {carried:.2f}",
        figures,
        expected=round(unspent, 2),
        found=round(carried, 2),
        severity=Severity.INFO if explained else None,
    )


@rule("years.budget_swing", Severity.INFO, needs_previous=True)
def budget_swing(ctx: CheckContext) -> Iterator[Finding]:
    """全年预算数较上年变动超过一半（默认 50%，可配置），提示核对资金来源与绩效目标是否同步调整（§7.4）。"""
    before, now = previous_report(ctx).funding.budget.total, ctx.report.funding.budget.total
    if before is None or now is None or not before.value or now.value is None:
        return
    change = now.value / before.value - 1
    if abs(change) <= ctx.config.years_budget_swing:
        return
    yield ctx.finding(
        f"全年预算数由 {before.text} 变为 {now.text}（{change:+.0%}），请核对绩效目标是否相应调整",
        f"the budget moved from {before.text} to {now.text} ({change:+.0%})",
        [last_year(ctx, "funding.budget.total", before), this_year(ctx, "funding.budget.total", now)],
        expected=before.value,
        found=now.value,
    )


# --- targets -------------------------------------------------------------------------------------


@rule("years.target_flat_after_overachievement", Severity.WARNING, needs_previous=True)
def target_flat_after_overachievement(ctx: CheckContext) -> Iterator[Finding]:
    """上年实际完成达到指标值的 k 倍（默认 1.5）以上，本年指标值却未提高：标准偏低（Y02，大连监管局“标准矮化”）。"""
    k = ctx.config.over_achievement_k
    for pair in pairs(ctx):
        if not _flat_after_overachievement(pair, k):
            continue
        assert pair.before.target and pair.before.actual and pair.now.target
        yield ctx.finding(
            f"{indicator_label(pair.now)}：{year_zh(previous_report(ctx))}指标值 {pair.before.target.text}、"
            f"实际 {pair.before.actual.text}"
            f"（{pair.before_attainment.ratio:.2f} 倍），本年指标值 {pair.now.target.text} 未提高",
            f"{pair.now.name}: last year {pair.before.actual.text} against {pair.before.target.text}; "
            f"this year's target {pair.now.target.text} was not raised",
            pair.refs(ctx, "before.target", "before.actual", "now.target"),
        )


@rule("years.target_below_last_actual", Severity.INFO, needs_previous=True)
def target_below_last_actual(ctx: CheckContext) -> Iterator[Finding]:
    """上年已完成的数量类指标，本年指标值未提高且低于上年实际完成值（Y02 提示；超额 k 倍以上另有警告）。"""
    for pair in pairs(ctx):
        met = pair.before_attainment.status == Status.MET and pair.before_attainment.op in RAISING
        if not met or _flat_after_overachievement(pair, ctx.config.over_achievement_k):
            continue
        target, last_actual, targets = pair.now.target, pair.before.actual, _targets(pair)
        if target is None or last_actual is None or not is_count(last_actual) or targets is None:
            continue
        values = comparable(target, last_actual)
        if values is None or values[0] >= values[1] - EPSILON or targets[1] > targets[0] + EPSILON:
            continue
        yield ctx.finding(
            f"{indicator_label(pair.now)}：本年指标值 {target.text} "
            f"低于{year_zh(previous_report(ctx))}实际完成 {last_actual.text}",
            f"{pair.now.name}: this year's target {target.text} is below last year's actual {last_actual.text}",
            pair.refs(ctx, "before.actual", "now.target"),
            expected=values[1],
            found=values[0],
        )


@rule("years.target_lowered_after_miss", Severity.WARNING, needs_previous=True)
def target_lowered_after_miss(ctx: CheckContext) -> Iterator[Finding]:
    """上年未完成的指标，本年指标值反而放宽（≥ 类调低、≤ 类调高）：以降低目标代替改进（Y02）。"""
    for pair in pairs(ctx):
        targets = _targets(pair)
        if pair.before_attainment.status != Status.UNMET or targets is None:
            continue
        before, now = targets
        raising = pair.before_attainment.op in RAISING
        relaxed = now < before - EPSILON if raising else pair.before_attainment.op in (Op.LE, Op.LT) and now > before
        if not relaxed:
            continue
        assert pair.before.target and pair.before.actual and pair.now.target
        yield ctx.finding(
            f"{indicator_label(pair.now)}：{year_zh(previous_report(ctx))}未完成"
            f"（指标值 {pair.before.target.text}，实际 "
            f"{pair.before.actual.text}），本年指标值放宽为 {pair.now.target.text}",
            f"{pair.now.name}: missed last year ({pair.before.actual.text} against {pair.before.target.text}); "
            f"this year's target was relaxed to {pair.now.target.text}",
            pair.refs(ctx, "before.target", "before.actual", "now.target"),
            expected=before,
            found=now,
        )


@rule("years.dropped_after_miss", Severity.WARNING, needs_previous=True)
def dropped_after_miss(ctx: CheckContext) -> Iterator[Finding]:
    """上年未完成的指标本年不再出现（Y05）。本年报告未完整读取时只作提示：指标可能在未读部分。"""
    previous = previous_report(ctx)
    status = reading_status(ctx.report)
    if status in (ReadingStatus.NOTHING, ReadingStatus.FAILED):
        return
    kept = set(_keys(ctx.report.indicators))
    for j, (key, indicator) in enumerate(zip(_keys(previous.indicators), previous.indicators, strict=True)):
        if key in kept or attainment(indicator).status != Status.UNMET:
            continue
        assert indicator.target is not None and indicator.actual is not None
        yield ctx.finding(
            f"{indicator_label(indicator)}：{year_zh(previous)}未完成（指标值 {indicator.target.text}，"
            f"实际 {indicator.actual.text}），"
            "本年报告不再列出该指标" + ("" if status == ReadingStatus.READ else "（本年报告未完整读取，请核对）"),
            f"{indicator.name} missed its target last year and is no longer reported",
            [
                last_year(ctx, f"indicators[{j}].target", indicator.target),
                last_year(ctx, f"indicators[{j}].actual", indicator.actual),
            ],
            severity=None if status == ReadingStatus.READ else Severity.INFO,
        )


# --- actuals -------------------------------------------------------------------------------------


def _exactly_at_target(indicator: Indicator) -> bool:
    values = comparable(indicator.target, indicator.actual)
    return values is not None and abs(values[0] - values[1]) <= EPSILON


@rule("years.copied_actual", Severity.WARNING, needs_previous=True)
def copied_actual(ctx: CheckContext) -> Iterator[Finding]:
    """数量或金额类指标的实际完成值与上年完全相同（Y04）；每年恰好完成固定指标值（如每年招募 60 人）除外。"""
    for pair in pairs(ctx):
        before, now = pair.before.actual, pair.now.actual
        if before is None or now is None or before.kind != Kind.NUMBER or now.kind != Kind.NUMBER:
            continue
        old, new = in_base_units(before), in_base_units(now)
        if not old or new is None or abs(old - new) > EPSILON or before.unit is None:
            continue
        if _exactly_at_target(pair.before) and _exactly_at_target(pair.now):
            continue
        yield ctx.finding(
            f"{indicator_label(pair.now)}：实际完成值 {now.text} "
            f"与{year_zh(previous_report(ctx))}（{before.text}）完全相同，"
            "请核实是否照抄上年",
            f"{pair.now.name}: the actual {now.text} is exactly last year's ({before.text})",
            pair.refs(ctx, "before.actual", "now.actual"),
            expected=None,
            found=new,
        )


def _jump_explained(indicator: Indicator, text: str | None, others: list[Indicator]) -> bool:
    if indicator.deviation_reason and JUMP_REASON.search(indicator.deviation_reason):
        return True
    if text is None:
        return False
    for key in mention_keys(indicator, others):
        if len(key) < 3:
            continue
        for mention in re.finditer(re.escape(key), text):
            stop = max(text.rfind(mark, 0, mention.start()) for mark in "。；\n")
            after = min((p for p in (text.find(mark, mention.end()) for mark in "。；\n") if p >= 0), default=len(text))
            if JUMP_REASON.search(text[stop + 1 : after]):
                return True
    return False


@rule("years.count_jump", Severity.WARNING, needs_previous=True)
def count_jump(ctx: CheckContext) -> Iterator[Finding]:
    """计数类指标的实际完成值较上年变动一个数量级（默认 10 倍，可配置）且报告未作说明（Y03）。"""
    factor = ctx.config.years_count_jump_factor
    for pair in pairs(ctx):
        before, now = pair.before.actual, pair.now.actual
        if before is None or now is None or not is_count(before) or not is_count(now):
            continue
        old, new = in_base_units(before), in_base_units(now)
        if not old or not new or 1 / factor < new / old < factor:
            continue
        if _jump_explained(pair.now, ctx.text, ctx.report.indicators):
            continue
        yield ctx.finding(
            f"{indicator_label(pair.now)}：实际完成值由{year_zh(previous_report(ctx))}的 {before.text} 变为 {now.text}"
            f"（{new / old:.1f} 倍），报告未说明原因",
            f"{pair.now.name}: the actual went from {before.text} to {now.text} ({new / old:.1f}×) without explanation",
            pair.refs(ctx, "before.actual", "now.actual"),
            expected=old,
            found=new,
        )
