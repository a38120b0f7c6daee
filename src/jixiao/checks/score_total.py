"""The total score and the grade under 财预〔2020〕10号 (DOMAIN §1.5, §7.5, I13).

A scored table ends in 自评总分 and 等级. The total should be the sum of its lines (the 预算执行率 line,
when the table scores it, and every indicator), and the total recomputed under 10号 (a warning where a
line's score is missing, a note where the lines add up), both only over the whole sheet (`lines_are_the_sheet`);
a list not read whole bounds the total from above and below. The grade follows from the total: a stated `良好`
beside a total of 91.5 should read 优. The lines' own expected scores come from `jixiao.checks.scoring`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.config import CheckConfig
from jixiao.checks.engine import CheckContext, ref, rule
from jixiao.checks.plausibility import indicators_complete, row_read_twice
from jixiao.checks.scoring import expected_execution_score, expected_line_score
from jixiao.checks.tolerance import EPSILON, half_unit, places, printed_places
from jixiao.model import Figure, Finding, Report, Severity, value_of

GRADES = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "合格": "中", "一般": "中", "差": "差"}
GRADES.update({"不合格": "差", "较差": "差", "優": "优", "優秀": "优", "較差": "差"})


def execution_is_scored(report: Report, config: CheckConfig) -> bool | None:
    """Whether the score includes a 预算执行率 line: stated, or implied by the indicator weights.

    Project tables give it 10 of 100 points; many transfer-style scored tables spread all 100 over the
    indicators (a table's weights adding to 100 without it). None when neither can be told.
    """
    funding = report.funding
    if funding.execution_weight is not None or funding.execution_score is not None:
        return True
    weights = [value_of(ind.weight) for ind in report.indicators]
    if not weights or any(w is None for w in weights):
        return None
    spread = sum(w for w in weights if w is not None)
    if abs(spread - 100) <= 0.01 * len(weights):
        return False
    if abs(spread + config.weights.execution - 100) <= 0.01 * len(weights):
        return True
    return None


def _execution_line_read(report: Report) -> bool:
    funding = report.funding
    return funding.execution_score is not None or funding.execution_weight is not None


def _line_scores(ctx: CheckContext) -> list[tuple[str, Figure]] | None:
    """(path, score) of the execution line (when read) and every indicator, or None when one of the sheet's
    lines has no score read: an indicator's, or the execution line's, printed but left unread
    (`_execution_line_unread`) or not printed while the weights leave it its points (90 + 10)."""
    report = ctx.report
    lines = [(f"indicators[{i}].score", ind.score) for i, ind in enumerate(report.indicators)]
    if _execution_line_read(report):
        lines.insert(0, ("funding.execution_score", report.funding.execution_score))
    elif _execution_line_unread(ctx) or execution_is_scored(report, ctx.config):
        return None
    if any(score is None or score.value is None for _, score in lines):
        return None
    return [(path, score) for path, score in lines if score is not None]


def _scored_lines(report: Report) -> list[tuple[Figure | None, Figure | None]]:
    """(分值, 得分) of every indicator read, and of the execution line when either of its cells was read."""
    lines = [(ind.weight, ind.score) for ind in report.indicators]
    if _execution_line_read(report):
        lines.append((report.funding.execution_weight, report.funding.execution_score))
    return lines


def lines_are_the_sheet(report: Report, config: CheckConfig) -> bool:
    """Whether the lines read (every indicator, and the execution line, read or left its points by the weights)
    are the whole sheet the total adds up: the one gate of the total's sum of lines and of its recomputation.

    The list must be read whole (`indicators_complete`); then the 分值 tell. Every line prints its own: they carry
    the 100 points, the execution line's included when the weights leave exactly its share (90 + 10); weights
    adding to anything else are `scoring.weights_sum`'s finding, no sheet. Some print it: the scale cannot tell
    and the list read whole is taken as the sheet. None prints it: a table's rows still are (a sheet with a 得分
    and no 分值 column), scores a prose report gives its headings are not (`1.数量指标(自评得分20分):…` scores
    a group, and another group may be scored in words only, `社会效益指标(自评得分40分):改善了…`, which no
    indicator holds).
    """
    if not report.indicators or not indicators_complete(report):
        return False
    if all(value_of(ind.weight) is None for ind in report.indicators):
        return not any(_read_from_prose(ind.score) for ind in report.indicators)
    weights = [value_of(weight) for weight, _ in _scored_lines(report)]
    if None in weights:
        return True
    spread, slack = sum(w for w in weights if w is not None), 0.01 * len(weights) + EPSILON
    left = 0.0 if _execution_line_read(report) else config.weights.execution
    return abs(spread - 100) <= slack or abs(spread + left - 100) <= slack


def _read_from_prose(score: Figure | None) -> bool:
    return score is not None and (score.found_by or "").startswith("narrative")


_FUNDING_ROW = re.compile(r"资金总额|预算执行率")


def _execution_line_unread(ctx: CheckContext) -> bool:
    """The sheet's funding row was printed but left unread (`年度财政资金总额1.561.56120…`, glued): its
    execution score may be one of the total's lines, so the indicators' scores alone are no complete sum."""
    coverage = ctx.report.coverage
    if _execution_line_read(ctx.report) or ctx.text is None or coverage is None:
        return False
    return any(_FUNDING_ROW.search(ctx.text, span.start, span.end) for span in coverage.unread)


def _total_tolerance(total: Figure, parts: list[Figure]) -> float:
    """An integer total is compared at ±0.5; otherwise the rounding of every part adds up (DOMAIN §7).

    Like money, a column of scores is kept at the precision of its most precise entry (a full score
    prints as 15 beside 18.51).
    """
    kept = printed_places(parts)
    return max(half_unit(places(total)), half_unit(kept) * len(parts)) + EPSILON


def _sum_gap_severity(total: Figure, parts: list[Figure], found: float) -> Severity | None:
    """How a total that differs from its lines' sum is reported: an error past what rounding can explain; a
    warning when whole-number lines miss a whole-number total by a point or more, which rounding of every
    line could explain only if each score were a rounded fraction (10号 scores are mostly whole points)."""
    gap = abs(total.value - found) if total.value is not None else 0.0
    if gap > _total_tolerance(total, parts):
        return Severity.ERROR
    whole = places(total) == 0 and printed_places(parts) == 0
    return Severity.WARNING if whole and gap >= 1 - EPSILON else None


@rule("scoring.total", Severity.ERROR)
def total(ctx: CheckContext) -> Iterator[Finding]:
    """自评总分 = 执行率得分 + 各指标得分；行得分不全时与按10号重算的总分比较（不符为 warning）；清单未读全时，
    总分不高于已读得分加其余分值、不低于已读各行得分（warning）（I13）。"""
    stated = ctx.report.total_score
    if stated is None or stated.value is None:
        return
    whole = indicators_complete(ctx.report)
    lines = _line_scores(ctx) if lines_are_the_sheet(ctx.report, ctx.config) else None
    if lines is not None:
        found = sum(score.value or 0.0 for _, score in lines)
        severity = _sum_gap_severity(stated, [s for _, s in lines], found)
        if severity is not None:
            yield ctx.finding(
                f"总分 {stated.text} 与各行得分之和 {found:.2f} 不符",
                f"total {stated.text} != sum of line scores {found:.2f}",
                [ref("total_score", stated), *(ref(path, score) for path, score in lines)],
                expected=found,
                found=stated.value,
                severity=severity,
            )
            return
    if not whole:
        yield from _above_its_bound(ctx, stated)
        yield from _below_the_lines_read(ctx, stated)
        return
    adds_up = lines is not None  # a line scored off the rule is then that line's finding; the total is info
    recomputed = recomputed_total(ctx.report, ctx.config)
    if recomputed is not None and abs(stated.value - recomputed) > half_unit(places(stated)) + 0.01 * (
        len(ctx.report.indicators) + 1
    ):
        note_zh, note_en = ("（各行得分之和相符）", " (its lines add up)") if adds_up else ("", "")
        yield ctx.finding(
            f"总分 {stated.text} 与按10号重算的 {recomputed:.2f} 不符{note_zh}",
            f"total {stated.text} != {recomputed:.2f} recomputed under 10号{note_en}",
            [ref("total_score", stated)],
            expected=recomputed,
            found=stated.value,
            severity=Severity.INFO if adds_up else Severity.WARNING,
        )


def _above_its_bound(ctx: CheckContext, stated: Figure) -> Iterator[Finding]:
    """A list not read whole (cut off, a row unread) gives no sum, but a bound: the lines read score what
    they score (a score not read, at most its weight) and the unread lines at most the points left of 100.
    A total above that is the report's."""
    lines = _scored_lines(ctx.report)
    weights = [value_of(w) for w, _ in lines]
    if not lines or stated.value is None or None in weights:
        return
    at_most = [value_of(s) if value_of(s) is not None else w for (_, s), w in zip(lines, weights, strict=True)]
    bound = sum(v for v in at_most if v is not None) + max(0.0, 100 - sum(w for w in weights if w is not None))
    if stated.value > bound + half_unit(places(stated)) + EPSILON:
        yield ctx.finding(
            f"总分 {stated.text} 超过已读各行得分与其余分值之和的上限 {bound:g}",
            f"total {stated.text} above {bound:g}, the lines read plus the points left for the others",
            [ref("total_score", stated)],
            expected=bound,
            found=stated.value,
            severity=Severity.WARNING,
        )


def _below_the_lines_read(ctx: CheckContext, stated: Figure) -> Iterator[Finding]:
    """A list not read whole bounds its total from below too: the lines read score what they score, and lines
    unread only add to them. A total below them is the report's (a squashed form's rows outscoring their block).
    Only over a table's rows (a prose report's group headings and their items may score the same points twice),
    none read twice, printed before the total (rows after it are another sheet's), whose printed 分值 stay within
    the 100 points (more is `scoring.weights_sum`'s finding: a 总分 that counts the indicators alone)."""
    report, at = ctx.report, stated.span.start if stated.span is not None else None
    if row_read_twice(report) or any(_read_from_prose(ind.score) for ind in report.indicators):
        return
    lines = _scored_lines(report)
    if sum(value_of(weight) or 0.0 for weight, _ in lines) > 100 + EPSILON:
        return
    scores = [s for _, s in lines if s is not None and s.value is not None]
    read = [s for s in scores if at is None or s.span is None or s.span.end <= at]
    found = sum(s.value or 0.0 for s in read)
    if len(read) >= 2 and stated.value is not None and stated.value < found - _total_tolerance(stated, read):
        yield ctx.finding(
            f"总分 {stated.text} 低于已读各行得分之和 {found:g}（其余各行未读，只会更多）",
            f"total {stated.text} below {found:g}, what the lines read already score (the unread ones only add)",
            [ref("total_score", stated)],
            expected=found,
            found=stated.value,
            severity=Severity.WARNING,
        )


def recomputed_total(report: Report, config: CheckConfig) -> float | None:
    """Execution score and quantitative lines recomputed; qualitative lines as stated. None if a line is unknown or
    the lines read are not the whole sheet (`lines_are_the_sheet`)."""
    scored = execution_is_scored(report, config)
    if scored is None or not lines_are_the_sheet(report, config):
        return None
    parts: list[float] = []
    if scored:
        execution = expected_execution_score(report, config)
        if execution is None:
            return None
        parts.append(execution)
    for ind in report.indicators:
        line = expected_line_score(ind)
        if line is None:
            line = value_of(ind.score)
        if line is None:
            return None
        parts.append(line)
    return sum(parts)


def grade_of(score: float, config: CheckConfig) -> str:
    cuts = config.grade_cuts
    if score >= cuts.excellent - EPSILON:
        return "优"
    if score >= cuts.good - EPSILON:
        return "良"
    return "中" if score >= cuts.passing - EPSILON else "差"


@rule("scoring.grade", Severity.ERROR)
def grade(ctx: CheckContext) -> Iterator[Finding]:
    """等级与总分相符：90（含）以上优，80 良，60 中，以下差；优秀/良好/合格 视同优/良/中（I13）。"""
    stated = ctx.report.grade
    if stated is None:
        return
    level = GRADES.get(re.sub(r"[\s“”\"'（）()]|等级?$", "", stated.text))
    total_figure = ctx.report.total_score
    score = value_of(total_figure)
    if score is None:
        score = recomputed_total(ctx.report, ctx.config)
    if level is None or score is None:
        return
    expected = grade_of(score, ctx.config)
    if expected == level:
        return
    basis = f"总分 {total_figure.text}" if total_figure else f"重算总分 {score:.2f}"
    figures = [ref("grade", stated)] + ([ref("total_score", total_figure)] if total_figure else [])
    yield ctx.finding(
        f"等级 “{stated.text}” 与{basis}不符，应为 “{expected}”",
        f"grade “{stated.text}” does not match the score ({score:.2f} → {expected})",
        figures,
        expected=score,
    )
