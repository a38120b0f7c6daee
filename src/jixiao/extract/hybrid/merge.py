"""Merging the model's reading of the unread passages into the rules report: fill gaps, never overwrite.

Rules are exact where they read, so a rules figure always stays. The model's figure goes in only where the
rules report has nothing (a missing total, an indicator's missing actual, a row rules could not read); where
both give a figure for one field and they differ, the rules figure is kept and the pair is recorded as a
`Disagreement` (the check `extraction.disagreement` shows it to a reviewer). A model figure that cannot be
what its field holds (a year as a budget, 3000万元 as a score), or whose printed text already fills another
field (`1.34` of `1.34亿元` as a weight), is kept only as a candidate. Items are paired
by what they are called (an indicator by programme and name, a funding row by level and name, a spending
row by category), compared with spacing, width and punctuation folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.extract.llm.grounding import fold
from jixiao.model import (
    Candidate,
    Disagreement,
    Figure,
    Funding,
    FundingLine,
    Indicator,
    Report,
    SpendingItem,
    figures_of,
)

FUNDING_LINES = ("initial", "budget", "allocated", "executed")
FUNDING_FIGURES = ("execution_rate", "execution_weight", "execution_score")
INDICATOR_FIGURES = ("target", "actual", "completion", "weight", "score")
_PUNCTUATION = re.compile(r"[\s，,。.:：;；、（）()“”\"'★*·\-—]")


def label_key(text: str | None) -> str:
    """A name as items are paired: folded (width, script), without spacing and punctuation."""
    return _PUNCTUATION.sub("", "".join(fold(char) for char in text or ""))


def same_reading(a: Figure, b: Figure) -> bool:
    """Both figures say the same: number, unit and comparator; or, for text values, the same folded text."""
    if a.value is not None and b.value is not None:
        return round(a.value, 6) == round(b.value, 6) and (a.unit or None) == (b.unit or None) and a.op == b.op
    return label_key(a.text) == label_key(b.text)


@dataclass
class MergeCount:
    filled: int = 0
    disagreements: list[Disagreement] = field(default_factory=list)
    unfit: list[Candidate] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)  # printed spans that already fill a field

    def taken(self, figure: Figure) -> bool:
        span = figure.span
        return span is not None and any(span.start < end and start < span.end for start, end in self.used)


_MONEY_UNITS = (None, "万元", "元", "亿元")
TAKEN = "the same printed figure already fills another field"
_POINTS_UNITS = (None, "分")
_MAX_POINTS = 100.0


def unfit(path: str, figure: Figure) -> str | None:
    """Why a figure cannot fill the field at `path` (a year given as a budget, an amount as a score), or None.

    A small model reads the right passage and puts its figures in the wrong fields; the text grounds the
    figure, so only the field's kind can refuse it."""
    field_name = path.rsplit(".", 1)[-1]
    if path.startswith(("funding.initial", "funding.budget", "funding.allocated", "funding.executed")) or (
        path.startswith("spending") and field_name == "amount"
    ):
        return None if figure.unit in _MONEY_UNITS and figure.op is None else "not an amount of money"
    if field_name in ("execution_rate", "completion", "share"):
        return None if figure.unit == "%" else "not a percentage"
    if field_name in ("weight", "score", "execution_weight", "execution_score", "total_score"):
        fits = figure.unit in _POINTS_UNITS and figure.value is not None and 0 <= figure.value <= _MAX_POINTS
        return None if fits else "not points on a 100-point scale"
    return None


def _figure(kept: Figure | None, other: Figure | None, path: str, count: MergeCount) -> Figure | None:
    """The figure the field keeps: the rules one when there is one (a different model reading is recorded);
    a model figure that does not fit the field is only a candidate."""
    if other is None:
        return kept
    if (reason := unfit(path, other)) is not None:
        count.unfit.append(Candidate(path=path, figure=other, reason=reason))
        return kept
    if kept is None and count.taken(other):
        count.unfit.append(Candidate(path=path, figure=other, reason=TAKEN))
        return None
    if kept is None:
        count.filled += 1
        if other.span is not None:
            count.used.append((other.span.start, other.span.end))
        return other
    if not same_reading(kept, other):
        count.disagreements.append(Disagreement(path=path, kept=kept, other=other))
    return kept


def _line(kept: FundingLine, other: FundingLine, path: str, count: MergeCount) -> None:
    kept.total = _figure(kept.total, other.total, f"{path}.total", count)
    rows = {(row.source, label_key(row.name)): index for index, row in enumerate(kept.by_source)}
    for row in other.by_source:
        index = rows.get((row.source, label_key(row.name)))
        if index is None:
            if _figure(None, row.amount, f"{path}.by_source[{len(kept.by_source)}].amount", count) is not None:
                kept.by_source.append(row)
        else:
            amount = _figure(kept.by_source[index].amount, row.amount, f"{path}.by_source[{index}].amount", count)
            kept.by_source[index].amount = amount or row.amount


def _funding(kept: Funding, other: Funding, count: MergeCount) -> None:
    for line in FUNDING_LINES:
        _line(getattr(kept, line), getattr(other, line), f"funding.{line}", count)
    for name in FUNDING_FIGURES:
        setattr(kept, name, _figure(getattr(kept, name), getattr(other, name), f"funding.{name}", count))


def _spending(kept: list[SpendingItem], other: list[SpendingItem], count: MergeCount) -> None:
    by_key = {label_key(item.category): index for index, item in enumerate(kept)}
    for item in other:
        index = by_key.get(label_key(item.category))
        if index is None:
            item.amount = _figure(None, item.amount, f"spending[{len(kept)}].amount", count)
            item.share = _figure(None, item.share, f"spending[{len(kept)}].share", count)
            kept.append(item)
            continue
        mine = kept[index]
        mine.amount = _figure(mine.amount, item.amount, f"spending[{index}].amount", count)
        mine.share = _figure(mine.share, item.share, f"spending[{index}].share", count)


def _indicator_index(kept: list[Indicator], other: Indicator) -> int | None:
    name = label_key(other.name)
    program = label_key(other.program)
    matches = [i for i, item in enumerate(kept) if label_key(item.name) == name]
    if program:  # a programme named by both must agree; one the model leaves out matches any
        matches = [i for i in matches if not kept[i].program or label_key(kept[i].program) == program]
    return matches[0] if matches else None


def _indicators(kept: list[Indicator], other: list[Indicator], count: MergeCount) -> None:
    for item in other:
        index = _indicator_index(kept, item)
        if index is None:
            path = f"indicators[{len(kept)}]"
            for name in INDICATOR_FIGURES:
                setattr(item, name, _figure(None, getattr(item, name), f"{path}.{name}", count))
            if any(getattr(item, name) is not None for name in INDICATOR_FIGURES) or item.breakdown:
                kept.append(item)  # a name whose every figure was refused is no indicator
                count.filled += len(item.breakdown)
            continue
        mine = kept[index]
        for name in ("program", "level1", "level2", "deviation_reason"):
            if getattr(mine, name) is None:
                setattr(mine, name, getattr(item, name))
        for name in INDICATOR_FIGURES:
            path = f"indicators[{index}].{name}"
            setattr(mine, name, _figure(getattr(mine, name), getattr(item, name), path, count))
        if not mine.breakdown and item.breakdown:
            mine.breakdown = item.breakdown
            count.filled += len(item.breakdown)


def merge_reading(rules: Report, model: Report) -> MergeCount:
    """Fill `rules` (in place) from the model's grounded reading; return what was filled and disputed."""
    count = MergeCount(used=[(f.span.start, f.span.end) for _, f in figures_of(rules) if f.span is not None])
    for name in ("title", "region", "fund", "year"):
        if getattr(rules, name) is None and getattr(model, name) is not None:
            setattr(rules, name, getattr(model, name))
    _funding(rules.funding, model.funding, count)
    _spending(rules.spending, model.spending, count)
    _indicators(rules.indicators, model.indicators, count)
    rules.total_score = _figure(rules.total_score, model.total_score, "total_score", count)
    rules.grade = _figure(rules.grade, model.grade, "grade", count)
    rules.candidates += model.candidates + count.unfit
    rules.disagreements += count.disagreements
    return count


__all__ = ["MergeCount", "label_key", "merge_reading", "same_reading"]
