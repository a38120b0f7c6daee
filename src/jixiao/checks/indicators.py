"""Indicator values: completion %, attainment, impossible values, missing or unmeasured actuals (DOMAIN §7.2)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.attainment import (
    NEGATION,
    NOTHING_HAPPENED,
    Status,
    attainment,
    comparable,
    effective_op,
    in_base_units,
    is_count,
)
from jixiao.checks.engine import CheckContext, indicator_label, ref, rule
from jixiao.checks.form_head import prints_actual_column
from jixiao.checks.narrative import REASON
from jixiao.checks.plausibility import CELL_BORDERS, confidence
from jixiao.checks.tolerance import half_unit, input_err, percent_matches, places, ratio_range
from jixiao.model import Confidence, Figure, FigureRef, Finding, Indicator, Kind, Op, Severity

# A rate or satisfaction cannot pass 100 %; growth-type rates can.
BOUNDED_RATE = re.compile("率|满意度")
UNBOUNDED_RATE = re.compile("增长|增速|增幅|提高|提升|变化|变动|超额|完成率|达成率")


def _path(i: int, field: str) -> str:
    return f"indicators[{i}].{field}"


def _err(figure: Figure) -> float:
    """Rounding a printed actual may carry: none for a count (人, 户 are exact), half a unit otherwise."""
    return 0.0 if is_count(figure) else input_err(places(figure))


def _worded_completion(ctx: CheckContext, i: int, ind: Indicator) -> Iterator[Finding]:
    """A date or text indicator: a met one is 100 % complete, an unmet one is not."""
    stated, status = ind.completion, attainment(ind).status
    assert stated is not None and stated.value is not None and ind.actual is not None
    met_but_short = status == Status.MET and abs(stated.value - 100) > half_unit(places(stated))
    if met_but_short or (status == Status.UNMET and stated.value >= 100):
        said = "已完成" if status == Status.MET else "未完成"
        yield ctx.finding(
            f"{indicator_label(ind)}：实际 “{ind.actual.text}” 表明{said}，完成率却为 {stated.text}",
            f"{ind.name}: actual “{ind.actual.text}” is {status.value}, yet completion is {stated.text}",
            [ref(_path(i, "completion"), stated), ref(_path(i, "actual"), ind.actual)],
            expected=100.0 if status == Status.MET else None,
            found=stated.value,
        )


@rule("indicators.completion", Severity.ERROR)
def completion(ctx: CheckContext) -> Iterator[Finding]:
    """所述完成率等于 实际完成值 ÷ 年度指标值 × 100%（正向、等值指标），按所印位数比较（I15）。

    For a date or text target (12月底前, 大专及以上) the completion must say what the actual says:
    100 % when met, below 100 % when not.
    """
    for i, ind in enumerate(ctx.report.indicators):
        stated = ind.completion
        if stated is None or stated.value is None:
            continue
        if ind.target is not None and ind.actual is not None and ind.target.value is None:
            yield from _worded_completion(ctx, i, ind)
            continue
        values = comparable(ind.target, ind.actual)
        if values is None or effective_op(ind) in (Op.LE, Op.LT):
            continue
        assert ind.target is not None and ind.actual is not None
        target, actual = values
        if target <= 0:
            continue
        scale_a = actual / (ind.actual.value or 1)
        # A target is a set value, not a rounded measurement: only the actual carries rounding.
        ratio = ratio_range(actual, _err(ind.actual) * scale_a, target, 0.0)
        if percent_matches(stated, ratio):
            continue
        expected = (ratio[0] + ratio[1]) / 2
        yield ctx.finding(
            f"{indicator_label(ind)}：完成率 {stated.text} 与 "
            f"{ind.actual.text}÷{ind.target.text} = {expected:.2f}% 不符",
            f"{ind.name}: completion {stated.text} != actual/target = {expected:.2f}%",
            [
                ref(_path(i, "completion"), stated),
                ref(_path(i, "actual"), ind.actual),
                ref(_path(i, "target"), ind.target),
            ],
            expected=expected,
            found=stated.value,
        )


@rule("indicators.target_unmet", Severity.INFO)
def target_unmet(ctx: CheckContext) -> Iterator[Finding]:
    """按比较符（≥ ≤ =、日期如 12月底前、文字目标）判断未完成的指标，列出供复核（原因由 narrative 规则核查）。"""
    for i, ind in enumerate(ctx.report.indicators):
        judged = attainment(ind)
        if judged.status != Status.UNMET:
            continue
        assert ind.target is not None and ind.actual is not None
        numeric = ind.target.kind in (Kind.NUMBER, Kind.PERCENT) and not ind.target.op
        op = f"（按 {judged.op.value} 判断）" if numeric else ""
        yield ctx.finding(
            f"{indicator_label(ind)}：实际 {ind.actual.text} 未达到指标值 {ind.target.text}{op}",
            f"{ind.name}: actual {ind.actual.text} misses target {ind.target.text} ({judged.op.value})",
            [ref(_path(i, "actual"), ind.actual), ref(_path(i, "target"), ind.target)],
        )


@rule("indicators.count_value", Severity.ERROR)
def count_value(ctx: CheckContext) -> Iterator[Finding]:
    """人数、户数等计数不能为负数或小数（I10）。"""
    for i, ind in enumerate(ctx.report.indicators):
        for field in ("target", "actual"):
            figure: Figure | None = getattr(ind, field)
            if figure is None or figure.value is None or not is_count(figure):
                continue
            count = in_base_units(figure) or 0.0  # 4.5万人 is 45000 人, a whole count
            if count < 0 or abs(count - round(count)) > 1e-6:
                problem = ("负数", "negative") if count < 0 else ("小数", "fractional")
                what = "指标值" if field == "target" else "实际完成值"
                yield ctx.finding(
                    f"{indicator_label(ind)}：{what} {figure.text} 为{problem[0]}，计数不可能如此",
                    f"{ind.name}: {field} {figure.text} is a {problem[1]} count",
                    [ref(_path(i, field), figure)],
                    found=figure.value,
                )


@rule("indicators.percent_range", Severity.ERROR)
def percent_range(ctx: CheckContext) -> Iterator[Finding]:
    """名称为 …率 / 满意度 的指标，指标值和实际值须在 0–100% 之间（增长率等除外）（I10）。"""
    for i, ind in enumerate(ctx.report.indicators):
        if not BOUNDED_RATE.search(ind.name) or UNBOUNDED_RATE.search(ind.name):
            continue
        for field in ("target", "actual"):
            figure: Figure | None = getattr(ind, field)
            if figure is None or figure.kind != Kind.PERCENT or figure.value is None:
                continue
            if 0 <= figure.value <= 100:
                continue
            yield ctx.finding(
                f"{indicator_label(ind)}：{figure.text} 超出 0–100% 范围",
                f"{ind.name}: {field} {figure.text} outside 0–100%",
                [ref(_path(i, field), figure)],
                found=figure.value,
            )


def _from_table(indicator: Indicator) -> bool:
    """Both cells were surely in the reader's view: a row of a table read in an exact layout that prints
    every cell's border (pipes, a grid), where an empty cell shows as one. A row read from cells by their
    shapes (glued, OCR, a scoring sheet) may have lost the other cell to a neighbour, and a layout that
    separates cells by spaces or lines drops an empty cell with its separator (a sheet flattened, its blank
    lines gone): there the gap is as likely the tool's as the report's."""
    figures = [f for f in (indicator.target, indicator.actual) if f is not None]
    return bool(figures) and all(
        (f.found_by or "").startswith(CELL_BORDERS) and confidence(f) is Confidence.HIGH for f in figures
    )


def _row_unread(ctx: CheckContext, figure: Figure) -> bool:
    """A number on the figure's line (its table row) that the reader left unread: the cell that seems
    missing may be printed there, and the gap the tool's."""
    text, coverage = ctx.text, ctx.report.coverage
    if text is None or coverage is None or figure.span is None or not coverage.unread:
        return False
    start = text.rfind("\n", 0, figure.span.start) + 1
    end = text.find("\n", figure.span.end)
    end = len(text) if end < 0 else end
    return any(start <= span.start and span.end <= end for span in coverage.unread)


@rule("indicators.missing_value", Severity.WARNING)
def missing_value(ctx: CheckContext) -> Iterator[Finding]:
    """有指标值却无实际完成值（或反之）（I09）。只给完成率不算实际值。

    A warning for a row of a table read in an exact layout, whose both cells the reader sees; info for an
    indicator read from prose or from cells placed by their shapes, where the other side is as likely unread
    as unwritten (on real reports, mostly unread). A row the document ends inside is not a missing value,
    and neither is an actual when no such row has one and the head prints no results column (a 绩效目标表);
    a 自评表 whose head names 完成值 and leaves every cell empty warns on each row. A row with a number the
    reader left unread is info too: the value that seems missing may be that number.
    """
    last = len(ctx.report.indicators) - 1
    # no row has an actual and the head prints no 完成值 column: a 绩效目标表 (targets only)
    rows = [ind for ind in ctx.report.indicators if _from_table(ind)]
    targets_only = len(rows) > 1 and not any(ind.actual for ind in rows) and not prints_actual_column(ctx.text, rows)
    for i, ind in enumerate(ctx.report.indicators):
        if ctx.report.truncated and i == last:
            continue
        severity = None if _from_table(ind) else Severity.INFO
        present = ind.target or ind.actual
        if severity is None and present is not None and _row_unread(ctx, present):
            severity = Severity.INFO
        if ind.target is not None and ind.actual is None:
            if targets_only:
                severity = Severity.INFO
            extra = f"（仅载完成率 {ind.completion.text}）" if ind.completion else ""
            figures = [ref(_path(i, "target"), ind.target), _blank(i, "actual")]
            if ind.completion:
                figures.append(ref(_path(i, "completion"), ind.completion))
            yield ctx.finding(
                f"{indicator_label(ind)}：有指标值 {ind.target.text}，未载实际完成值{extra}",
                f"{ind.name}: target {ind.target.text} but no actual value",
                figures,
                severity=severity,
            )
        elif ind.actual is not None and ind.target is None:
            yield ctx.finding(
                f"{indicator_label(ind)}：有实际完成值 {ind.actual.text}，未载指标值",
                f"{ind.name}: actual {ind.actual.text} but no target",
                [ref(_path(i, "actual"), ind.actual), _blank(i, "target")],
                severity=severity,
            )


def _blank(i: int, field: str) -> FigureRef:
    """The cell a missing-value finding is about: named by its path, with nothing printed to quote."""
    return FigureRef(path=_path(i, field), text="")


@rule("indicators.actual_not_measured", Severity.WARNING)
def actual_not_measured(ctx: CheckContext) -> Iterator[Finding]:
    """实际完成值写成带比较符的区间（如 ≥95%），不是实测值，无法判断是否完成。

    A warning rather than info: 10号 and the MOF 2016 notice ask for the actual value against the
    target; restating the target as the result (额尔古纳 2024, seven indicators) can hide a miss, and a
    reviewer must ask for the measured figure.
    """
    for i, ind in enumerate(ctx.report.indicators):
        if ind.actual is not None and ind.actual.op not in (None, Op.EQ):  # `=100%` is a measured value
            yield ctx.finding(
                f"{indicator_label(ind)}：实际完成值 {ind.actual.text} 是区间而非实测值",
                f"{ind.name}: actual {ind.actual.text} is a bound, not a measured value",
                [ref(_path(i, "actual"), ind.actual)],
            )


# `200余人`, `600多个`: a rough count, a number in words' clothing (not a word answer)
_ROUGH_COUNT = re.compile(r"^\d+(?:\.\d+)?[余多]")


@rule("indicators.actual_not_numeric", Severity.WARNING)
def actual_not_numeric(ctx: CheckContext) -> Iterator[Finding]:
    """数值型指标值的实际完成值是文字（如 “完成”），无法核对（I09）。

    Not fired for a zero target answered with “无…发生” (扎兰屯 2025 群体性事件 0 → 无重大群体性事件发生) nor
    for an explicit 未完成 (that is an unmet target, handled by the attainment rules), nor for a rough count
    (`200余人`: a number, only not an exact one).
    """
    for i, ind in enumerate(ctx.report.indicators):
        target, actual = ind.target, ind.actual
        if target is None or actual is None or target.value is None or actual.value is not None:
            continue
        if actual.op is not None or actual.kind == Kind.DATE or NEGATION.search(actual.text):
            continue
        if _ROUGH_COUNT.match(actual.text):
            continue
        if target.value == 0 and NOTHING_HAPPENED.search(actual.text):
            continue
        yield ctx.finding(
            f"{indicator_label(ind)}：指标值为 {target.text}，实际完成值却是文字 “{actual.text}”",
            f"{ind.name}: numeric target {target.text}, word actual “{actual.text}”",
            [ref(_path(i, "actual"), actual), ref(_path(i, "target"), target)],
        )


@rule("indicators.unit_mismatch", Severity.WARNING)
def unit_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """指标值与实际值单位不一致且不可换算（人 与 万人 可换算）（I10）。"""
    for i, ind in enumerate(ctx.report.indicators):
        target, actual = ind.target, ind.actual
        if target is None or actual is None or target.value is None or actual.value is None:
            continue
        if actual.op is not None or comparable(target, actual) is not None:
            continue
        if 0 in (actual.value, target.value) and None in (actual.unit, target.unit):
            continue  # `≤5%` then `0`: nothing happened, and zero needs no unit
        yield ctx.finding(
            f"{indicator_label(ind)}：指标值 {target.text} 与实际值 {actual.text} 单位不一致",
            f"{ind.name}: units differ ({target.text} vs {actual.text})",
            [ref(_path(i, "target"), target), ref(_path(i, "actual"), actual)],
        )


_COST = re.compile(r"成本|费用|经费|资金|投资|造价|支出")
OVER = re.compile(r"超额完成|超(?:出|过)?(?:年度|原定|既定)?(?:任务|目标|计划)")
"""A sentence about exceeding the plan (超任务, 超额完成, 超出计划): with a cause, the over-achievement's analysis."""


def _over_explained(ctx: CheckContext, indicator: Indicator) -> bool:
    """The report analyses the over-achievement: a reason on the indicator, or a sentence on exceeding the
    plan that gives a cause and shares a word (two characters) with the name (由于…，实际改造数超任务…).
    Not any clause with 原因 near the name: run-on forms print 得分原因 beside every row."""
    if indicator.deviation_reason:
        return True
    if ctx.text is None:
        return False
    name = re.sub(r"\s+", "", indicator.name)
    words = {name[k : k + 2] for k in range(len(name) - 1)}
    return any(
        OVER.search(sentence) and REASON.search(sentence) and any(word in sentence for word in words)
        for sentence in re.split(r"[。；;\n]", ctx.text)
    )


def _cost_cap(indicator: Indicator) -> bool:
    """`项目总成本 ≤186.4万元`, actual 121.7: spending under a cap is thrift, not a target set too low."""
    target = indicator.target
    money = target is not None and target.unit in ("万元", "元", "亿元")
    return money or bool(_COST.search(indicator.name))


@rule("indicators.over_achievement", Severity.WARNING)
def over_achievement(ctx: CheckContext) -> Iterator[Finding]:
    """完成值远超指标值（正向 X/T ≥ k，反向 X ≤ T/k；k 默认 1.5）须分析原因，可能是指标值设定偏低（I08）。

    Warning when no analysis is given; info when the indicator carries a reason.
    """
    k = ctx.config.over_achievement_k
    for i, ind in enumerate(ctx.report.indicators):
        values = comparable(ind.target, ind.actual)
        if values is None or ind.actual is None or ind.actual.op is not None:
            continue
        target, actual = values
        op = effective_op(ind)
        if op in (Op.GE, Op.GT) and target > 0 and actual / target >= k:
            ratio = actual / target
        elif op in (Op.LE, Op.LT) and actual > 0 and target / actual >= k and not _cost_cap(ind):
            ratio = target / actual
        else:
            continue
        assert ind.target is not None
        yield ctx.finding(
            f"{indicator_label(ind)}：实际 {ind.actual.text} 为指标值 {ind.target.text} 的 {ratio:.2f} 倍，"
            "须分析指标值是否设定偏低",
            f"{ind.name}: actual is {ratio:.2f}× the target; was the target set too low?",
            [ref(_path(i, "actual"), ind.actual), ref(_path(i, "target"), ind.target)],
            expected=target,
            found=actual,
            severity=Severity.INFO if _over_explained(ctx, ind) else None,
        )


_SENTENCE_END = re.compile(r"[。；;]")


def _list_goes_on(text: str | None, ind: Indicator) -> bool:
    """Whether the sentence of a 其中 list holds another figure after the last part read (`…1400亩，和平村
    3000亩。` with the last item cut by a line break): parts short of the whole are then a partial read."""
    last = ind.breakdown[-1].figure.span
    if text is None or last is None:
        return False
    stop = _SENTENCE_END.search(text, last.end)
    return bool(re.search(r"\d", text[last.end : stop.start() if stop else len(text)]))


@rule("indicators.breakdown_sum", Severity.WARNING)
def breakdown_sum(ctx: CheckContext) -> Iterator[Finding]:
    """文中“其中”分项之和应等于实际完成值；超过为 error，不足为 warning（可能只列了部分）（I16）。"""
    for i, ind in enumerate(ctx.report.indicators):
        parts = [p.figure.value for p in ind.breakdown]
        if not parts or ind.actual is None or ind.actual.value is None or any(v is None for v in parts):
            continue
        found = sum(v for v in parts if v is not None)
        tol = 1e-9 if is_count(ind.actual) else half_unit(places(ind.actual)) * (len(parts) + 1)
        if abs(found - ind.actual.value) <= tol:
            continue
        over = found > ind.actual.value
        if not over and _list_goes_on(ctx.text, ind):
            continue  # parts short of the whole because the list was not read to its end
        figures = [ref(_path(i, "actual"), ind.actual)]
        figures += [ref(f"indicators[{i}].breakdown[{j}].figure", p.figure) for j, p in enumerate(ind.breakdown)]
        yield ctx.finding(
            f"{indicator_label(ind)}：其中分项之和 {found:g} {'超过' if over else '少于'}实际完成值 {ind.actual.text}",
            f"{ind.name}: sub-counts add to {found:g}, {'above' if over else 'below'} the actual {ind.actual.text}",
            figures,
            expected=ind.actual.value,
            found=found,
            severity=Severity.ERROR if over else None,
        )
