"""Turning a stretch of the normalized text into a Figure with its span."""

from __future__ import annotations

import re

from pydantic import BaseModel

from jixiao.model import Figure, Kind, Op, figures_of
from jixiao.numbers import QUANTITY, parse_quantity, to_wan_yuan
from jixiao.vocabulary import MONEY_UNITS

# `分值20分，得分18.5分` / `该项分值10分，得分9.7分` / `权重15，得分15`
WEIGHT_SCORE = re.compile(
    r"[，,；;]?\s*(?:该项|该指标)?(?:分值|权重)(?:为|是)?(?P<weight>\d+(?:\.\d+)?分?)[，,、]\s*(?:实际)?得分(?:为|是)?"
    r"(?P<score>\d+(?:\.\d+)?分?)"
)
SEPARATORS = "，,；;。、：:\n"


def figure_at(text: str, start: int, end: int, found_by: str) -> Figure:
    """The figure printed at text[start:end] (leading/trailing spaces trimmed from the span)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    printed = text[start:end]
    quantity = parse_quantity(printed)
    return built_figure(printed, quantity.value, quantity.unit, quantity.op, quantity.kind, start, end, found_by)


def built_figure(
    printed: str, value: float | None, unit: str | None, op: Op | None, kind: Kind, start: int, end: int, found_by: str
) -> Figure:
    """A Figure with its Span, validated in one call: the span goes in as a mapping that the model's Span
    schema validates (offsets, order), so the figure is what Figure(..., span=Span(...)) builds, at about
    two thirds of the cost (one validation instead of two; a report builds dozens)."""
    span = {"start": start, "end": end}
    return Figure.model_validate(
        {"text": printed, "value": value, "unit": unit, "op": op, "kind": kind, "span": span, "found_by": found_by}
    )


def money_at(text: str, start: int, end: int, found_by: str) -> Figure:
    """A money figure, its value converted to 万元 (the printed text keeps its own unit)."""
    figure = figure_at(text, start, end, found_by)
    if figure.value is not None and (figure.unit in MONEY_UNITS or figure.unit in (None, "万")):
        figure.value = to_wan_yuan(figure.value, "万元" if figure.unit == "万" else figure.unit)
        figure.unit = "万元"
    return figure


def money_in_unit(text: str, start: int, end: int, found_by: str, unit: str) -> Figure | None:
    """A table's amount in 万元, read in the `unit` its header gives when the cell prints none; None when the
    cell holds no number."""
    figure = figure_at(text, start, end, found_by)
    if figure.value is None:
        return None
    figure.value = to_wan_yuan(figure.value, figure.unit or unit)
    figure.unit = "万元"
    return figure


_MONEY = re.compile(r"\s*(-?[\d,]+(?:\.\d+)?)\s*(万元|亿元|千元|元|万)?")


def amount_in_wan(printed: str) -> float | None:
    """The value of a printed money amount in 万元, for comparing amounts: a cheap read of `12,980,000元`
    (money_at parses the whole figure, and an amount list compares many)."""
    match = _MONEY.match(printed)
    if match is None:
        return None
    unit = match.group(2)
    return to_wan_yuan(float(match.group(1).replace(",", "")), "万元" if unit in (None, "万") else unit)


def _second_term(text: str, at: int) -> bool:
    """Whether the number at `at` is a second term: `/10万` after a rate's numerator (deaths per 100,000), `-0.8`
    after a range's first end (`0.6-0.8`)."""
    before, here = text[at - 1], text[at]
    return (before == "/" and here.isdigit()) or (here == "-" and (before.isdigit() or before == "%"))


def terminal_quantities(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Quantities in text[start:end] that end a clause (followed by a separator or the end).

    A number glued to the words after it ("2024年招募人员体检") is part of a name, not a value.
    """
    found = []
    for match in QUANTITY.finditer(text, start, end):
        if match.end() == match.start() or (match["num"] is None and match["date"] is None and match["cn"] is None):
            continue
        if match.start() > start and _second_term(text, match.start()):
            continue  # `650/10万`, `0.6-0.8`: the end of a ratio or a range, no value of its own
        follower = text[match.end()] if match.end() < end else ""
        if follower == "" or follower in SEPARATORS or follower.isspace():
            found.append(match)
    return found


def quote_original(report: BaseModel, original: str) -> None:
    """Set each figure's text to what the file printed at its span.

    The grammar matches on the simplified view of a traditional-character report (same offsets), so a
    figure found there is re-quoted from the original text: `text` stays verbatim.
    """
    for _, figure in figures_of(report):
        if figure.span is not None:
            figure.text = original[figure.span.start : figure.span.end]
