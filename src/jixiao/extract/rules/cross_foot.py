"""Glued score columns confirmed by their totals.

A squashed form prints `分值得分` run together (`2018` is 20 | 18), and the table reader splits each row by
shape alone, so those figures are read at low confidence and the checks hold their findings back. When the
split weights add up to the form's 100 points and the split scores add up to the printed 总分, every split
is confirmed by the two columns at once (a row split wrongly moves a digit between weight and score and
breaks both sums): the figures are then `table.<layout>.checked`, which the checks trust like a cell read
by its coefficient. A glued funding row is confirmed by its own arithmetic instead: 执行率 = B/A and
得分 = 分值 × min(执行率, 1) at the precision printed (`353510100.00%10` is 35 | 35 | 10 | 100.00% | 10).
"""

from __future__ import annotations

from jixiao.model import Figure, Report
from jixiao.numbers import decimals

GLUED = ".glued_split"
FULL_MARKS = 100.0


def _close(total: float, parts: list[float]) -> bool:
    return abs(total - sum(parts)) <= 0.01 * len(parts) + 1e-9


def _columns(report: Report) -> tuple[list[Figure], list[Figure]] | None:
    """Every line's weight and score (the execution line's too, when it has one), or None if one lacks it."""
    funding = report.funding
    lines = [(ind.weight, ind.score) for ind in report.indicators]
    if funding.execution_weight is not None or funding.execution_score is not None:
        lines.append((funding.execution_weight, funding.execution_score))
    weights = [weight for weight, _ in lines if weight is not None and weight.value is not None]
    scores = [score for _, score in lines if score is not None and score.value is not None]
    if not lines or len(weights) < len(lines) or len(scores) < len(lines):
        return None
    return weights, scores


def confirm_glued_splits(report: Report) -> None:
    """Mark glued-split weights, scores and total as checked when both column sums agree with the form."""
    columns = _columns(report)
    total = report.total_score
    if columns is None or total is None or total.value is None:
        return
    weights, scores = columns
    figures = [*weights, *scores, total]
    glued = [figure for figure in figures if (figure.found_by or "").endswith(GLUED)]
    if not glued:
        return
    weight_values = [figure.value for figure in weights if figure.value is not None]
    score_values = [figure.value for figure in scores if figure.value is not None]
    if not (_close(FULL_MARKS, weight_values) and _close(total.value, score_values)):
        return
    for figure in glued:
        figure.found_by = (figure.found_by or "").removesuffix(GLUED) + ".checked"


def _half_unit(figure: Figure) -> float:
    return 0.5 * 10.0 ** -decimals(figure.text) + 1e-9


def confirm_funding_row(report: Report) -> None:
    """Mark a glued-split funding row as checked when its rate and its score both follow from its amounts."""
    funding = report.funding
    row = [funding.budget.total, funding.executed.total, funding.execution_rate]
    row += [funding.execution_weight, funding.execution_score]
    figures = [figure for figure in row if figure is not None and figure.value is not None]
    if len(figures) < len(row) or not any((figure.found_by or "").endswith(GLUED) for figure in figures):
        return
    rate, score = figures[2], figures[4]
    values = [figure.value or 0.0 for figure in figures]
    if not values[0]:
        return
    rate_holds = abs(100 * values[1] / values[0] - values[2]) <= _half_unit(rate)
    if rate_holds and abs(values[3] * min(values[2], 100.0) / 100 - values[4]) <= _half_unit(score):
        for figure in figures:
            if (figure.found_by or "").endswith(GLUED):
                figure.found_by = (figure.found_by or "").removesuffix(GLUED) + ".checked"
