"""Scores under 财预〔2020〕10号: execution score, line scores and weights (DOMAIN §1.5, §7.5).

These rules run only where the report states 分值/得分 (the central transfer table has none): each
recomputes what it can from the report's own figures and compares at the precision the score printed.
The total and the grade are checked in `jixiao.checks.score_total`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.attainment import PARTIAL, Status, attainment, comparable, effective_op
from jixiao.checks.config import CheckConfig, ExecutionScoreRule
from jixiao.checks.engine import CheckContext, ref, rule
from jixiao.checks.plausibility import indicators_complete
from jixiao.checks.tolerance import EPSILON, half_unit, places, printed_places, ratio_range
from jixiao.model import Figure, Finding, Indicator, Op, Report, Severity, value_of

# Slack for a score computed from a rate first rounded to two decimals of a percent (w ≤ 10: ±0.0005);
# the printed score's own rounding is added from its decimals, so 8.57 for 8.5757 still fires.
SCORE_SLACK = 0.0005


def _score_matches(stated: Figure, expected: float) -> bool:
    assert stated.value is not None
    return abs(stated.value - expected) <= half_unit(places(stated)) + SCORE_SLACK + EPSILON


def execution_ratio(report: Report) -> float | None:
    """B ÷ A recomputed from the funding totals, else the stated rate; as a fraction."""
    funding = report.funding
    budget, executed = funding.budget.total, funding.executed.total
    if budget and executed and budget.value and executed.value is not None:
        err = half_unit(printed_places([budget, executed]))
        low, high = ratio_range(executed.value, err, budget.value, err)
        return (low + high) / 200
    rate = value_of(funding.execution_rate)
    return None if rate is None else rate / 100


def expected_execution_score(report: Report, config: CheckConfig) -> float | None:
    weight = value_of(report.funding.execution_weight) or config.weights.execution
    ratio = execution_ratio(report)
    if ratio is None:
        return None
    if config.execution_score_rule == ExecutionScoreRule.STEPPED and ratio * 100 >= config.execution_full_at:
        return weight
    return weight * min(ratio, 1.0)


_DEADLINE = re.compile(
    r"(?:(?:完成|截止)?(?:时间|日期)(?:为|是|[:：])?|于|在)?"  # a lead-in: `完成时间为…`, `于…`
    r"(?:(?:19|20)\d{2}年)?\d{1,2}月(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前)?(?:完成)?"
)


def _same_words(target: Figure | None, actual: Figure | None) -> bool:
    """A deadline the actual restates word for word (`2021年12月完成`): met beyond doubt. (Worded effects are
    scored by grade, not met or missed: see _band.)"""
    if target is None or actual is None:
        return False
    printed = "".join(target.text.split())
    return bool(_DEADLINE.fullmatch(printed)) and printed == "".join(actual.text.split())


def expected_line_score(indicator: Indicator) -> float | None:
    """10号 line score of a quantitative indicator: full when met, else in proportion (≤: target ÷ actual)."""
    weight = value_of(indicator.weight)
    if weight is not None and _same_words(indicator.target, indicator.actual):
        return weight  # `2021年12月完成` done `2021年12月完成`: met, whatever the words (full 分值, 10号)
    values = comparable(indicator.target, indicator.actual)
    if weight is None or values is None or (indicator.actual and indicator.actual.op):
        return None
    target, actual = values
    judged = attainment(indicator)
    if judged.status == Status.MET:
        return weight
    if effective_op(indicator) in (Op.LE, Op.LT):
        return 0.0 if actual <= 0 or target <= 0 else weight * min(target / actual, 1.0)
    if target <= 0:
        return None
    ratio = actual / target
    return weight * max(0.0, min(ratio if ratio <= 1 else target / actual, 1.0))


@rule("scoring.execution_score", Severity.WARNING)
def execution_score(ctx: CheckContext) -> Iterator[Finding]:
    """执行率得分 = 分值 × min(执行数÷预算数, 1)（默认；可配置为阶梯规则）（F07）。"""
    stated = ctx.report.funding.execution_score
    if stated is None or stated.value is None:
        return
    if ctx.report.funding.execution_weight is None and stated.value > ctx.config.weights.execution + EPSILON:
        return  # more than the default points with none printed: the form weighs the line otherwise (20分)
    expected = expected_execution_score(ctx.report, ctx.config)
    if expected is None or _score_matches(stated, expected):
        return
    yield ctx.finding(
        f"执行率得分 {stated.text} 与重算值 {expected:.2f} 不符",
        f"execution score {stated.text} != recomputed {expected:.2f}",
        [ref("funding.execution_score", stated)],
        expected=expected,
        found=stated.value,
    )


@rule("scoring.score_range", Severity.ERROR)
def score_range(ctx: CheckContext) -> Iterator[Finding]:
    """每行得分在 0 与分值之间（“得分不得突破权重”），总分不超过 100（I02）。"""
    funding = ctx.report.funding
    lines = [("funding.execution_score", funding.execution_score, funding.execution_weight, "预算执行率")]
    lines += [
        (f"indicators[{i}].score", ind.score, ind.weight, ind.name) for i, ind in enumerate(ctx.report.indicators)
    ]
    total_score = ctx.report.total_score
    if total_score is not None and total_score.value is not None and not -EPSILON <= total_score.value <= 100 + EPSILON:
        yield ctx.finding(
            f"自评总分 {total_score.text} 超出 0–100",
            f"total score {total_score.text} outside 0–100",
            [ref("total_score", total_score)],
            expected=100.0,
            found=total_score.value,
        )
    for path, score, weight, name in lines:
        if score is None or score.value is None or weight is None or weight.value is None:
            continue
        if -EPSILON <= score.value <= weight.value + EPSILON:
            continue
        yield ctx.finding(
            f"{name}：得分 {score.text} 超出 0–{weight.text}",
            f"{name}: score {score.text} outside 0–{weight.text}",
            [ref(path, score), ref(path.replace("score", "weight"), weight)],
            expected=weight.value,
            found=score.value,
        )


@rule("scoring.indicator_score", Severity.WARNING)
def indicator_score(ctx: CheckContext) -> Iterator[Finding]:
    """定量指标得分：完成记满分，未完成按 完成值÷指标值（反向指标 指标值÷完成值）比例记分（I03/I04）。"""
    for i, ind in enumerate(ctx.report.indicators):
        score = ind.score
        expected = expected_line_score(ind)
        if score is None or score.value is None or expected is None or _score_matches(score, expected):
            continue
        if attainment(ind).status == Status.UNMET and score.value == value_of(ind.weight):
            continue  # reported by scoring.full_score_unmet as an error
        figures = [ref(f"indicators[{i}].score", score)]
        figures += [ref(f"indicators[{i}].{f}", getattr(ind, f)) for f in ("actual", "target") if getattr(ind, f)]
        yield ctx.finding(
            f"{ind.name}：得分 {score.text} 与按10号重算的 {expected:.2f} 不符",
            f"{ind.name}: score {score.text} != recomputed {expected:.2f}",
            figures,
            expected=expected,
            found=score.value,
        )


@rule("scoring.full_score_unmet", Severity.ERROR)
def full_score_unmet(ctx: CheckContext) -> Iterator[Finding]:
    """未完成指标值却得满分（得分虚高）（I06）。"""
    for i, ind in enumerate(ctx.report.indicators):
        if ind.score is None or ind.weight is None or ind.score.value is None or ind.score.value != ind.weight.value:
            continue
        if attainment(ind).status != Status.UNMET:
            continue
        assert ind.actual is not None and ind.target is not None
        yield ctx.finding(
            f"{ind.name}：实际 {ind.actual.text} 未达到 {ind.target.text}，却得满分 {ind.score.text}",
            f"{ind.name}: full score {ind.score.text} although the target was missed",
            [ref(f"indicators[{i}].score", ind.score), ref(f"indicators[{i}].actual", ind.actual)],
            found=ind.score.value,
        )


def _band(indicator: Indicator, weight: float, config: CheckConfig) -> tuple[float, float, str] | None:
    """Score band (low, high, level) the 10号 qualitative scale gives a text indicator, from its actual."""
    bands = config.qualitative_bands
    status = attainment(indicator).status
    actual = indicator.actual.text if indicator.actual else ""
    if status == Status.MET:
        return bands.met_min * weight, weight, "达成"
    if status != Status.UNMET:
        return None
    if PARTIAL.search(actual):
        return bands.partial_min * weight, bands.met_min * weight, "部分达成"
    return 0.0, bands.met_min * weight, "未达成"  # 部分达成 or 未达成: the text cannot tell which


@rule("scoring.qualitative_band", Severity.WARNING)
def qualitative_band(ctx: CheckContext) -> Iterator[Finding]:
    """定性指标得分须落在等级区间：达成 [0.8w, w]，部分达成 [0.6w, 0.8w)，未达成低于 0.8w（边界可配置）（I05）。"""
    for i, ind in enumerate(ctx.report.indicators):
        target, score, weight = ind.target, ind.score, value_of(ind.weight)
        if target is None or target.value is not None or score is None or score.value is None or weight is None:
            continue
        if _same_words(target, ind.actual):
            continue  # a deadline kept: scoring.indicator_score expects its full weight
        band = _band(ind, weight, ctx.config)
        if band is None:
            continue
        low, high, level = band
        top_open = level != "达成"  # only the 达成 band includes its upper edge
        if low - EPSILON <= score.value and (score.value < high - EPSILON if top_open else score.value <= high):
            continue
        shown = f"[{low:g}, {high:g}{')' if top_open else ']'}"
        yield ctx.finding(
            f"{ind.name}：定性指标“{level}”，得分 {score.text} 不在 {shown}",
            f"{ind.name}: qualitative level {level}, score {score.text} outside {shown}",
            [ref(f"indicators[{i}].score", score)]
            + ([ref(f"indicators[{i}].actual", ind.actual)] if ind.actual else []),
            found=score.value,
        )


def _first_level(indicator: Indicator) -> str:
    level = re.sub(r"\s+|指标$", "", indicator.level1 or "")
    return "产出" if level == "成本" else level


@rule("scoring.weights_sum", Severity.ERROR)
def weights_sum(ctx: CheckContext) -> Iterator[Finding]:
    """执行率分值 + 各指标分值 = 100；一级分值与默认 10/50/30/10 不同时给 info（I01）。"""
    report, weights = ctx.report, ctx.config.weights
    lines = [ind.weight for ind in report.indicators]
    if not lines or any(w is None or w.value is None for w in lines) or not indicators_complete(report):
        return  # a sum only over a list read whole
    exec_weight = report.funding.execution_weight
    found = sum(w.value or 0.0 for w in lines if w) + (value_of(exec_weight) or 0.0)
    if exec_weight is None and abs(found + weights.execution - 100) <= 0.01 * len(lines):
        found += weights.execution  # the 预算执行率 line carries the rest without printing its 分值
    figures = ([ref("funding.execution_weight", exec_weight)] if exec_weight else []) + [
        ref(f"indicators[{i}].weight", w) for i, w in enumerate(lines) if w
    ]
    if abs(found - 100) > 0.01 * len(figures) + EPSILON:
        yield ctx.finding(
            f"各项分值之和为 {found:g}，不等于 100",
            f"weights add to {found:g}, not 100",
            figures,
            expected=100.0,
            found=round(found, 6),
        )
        return
    split: dict[str, float] = {}
    for ind in report.indicators:
        split[_first_level(ind)] = split.get(_first_level(ind), 0.0) + (value_of(ind.weight) or 0.0)
    default = {"产出": weights.output, "效益": weights.effect, "满意度": weights.satisfaction}
    if any(abs(split.get(k, 0.0) - v) > EPSILON for k, v in default.items()):
        shown = "/".join(f"{k}{split.get(k, 0.0):g}" for k in default)
        usual = "/".join(f"{k}{v:g}" for k, v in default.items())
        yield ctx.finding(
            f"一级指标分值为 {shown}，与默认 {usual} 不同（10号允许适当调整）",
            f"first-level weights {shown} differ from the default split (allowed by 10号)",
            figures,
            severity=Severity.INFO,
        )
