"""Merging the model's reading of the unread passages into the rules report: fill gaps, never overwrite.

Rules are exact where they read, so a rules figure always stays. A model figure goes in only where the rules
report has nothing (a missing total, an indicator's missing actual, a row rules could not read) and only when
nothing below refuses it; a refused figure is kept as a candidate for a reviewer, never as a fact:

1. the field's kind (`unfit`): a year as a budget, 3000万元 as a score, 人次 as a rate;
2. its place (`evidence`): the table column and row, or the clause and sentence, it is printed in must say
   it is this field of this item;
3. one printed figure fills one field (`TAKEN`): `1.34` of `1.34亿元` is no weight once the amount is read;
4. an indicator rules did not read comes from a table row, or from a sentence that prints both its target
   and its actual (`LONE_FIGURE`; the target's clause says it is one, see `evidence`): a sentence with one
   amount is no indicator (on the real set, every indicator the 0.5B model made of a sentence was wrong);
5. the names rules gave an indicator (programme, levels) are kept: they key it and its category is scored.

Where both give a figure for one field and they differ, the rules figure is kept and the pair is recorded as
a `Disagreement` (the check `extraction.disagreement` shows it to a reviewer), if the model's figure passes
1-2. Items are paired by what they are called (an indicator by programme and name, a funding row by level
and name, a spending row by category), compared with spacing, width and punctuation folded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.extract.hybrid.evidence import Evidence, label_key
from jixiao.model import (
    Candidate,
    Disagreement,
    Figure,
    Funding,
    FundingLine,
    Indicator,
    NamedFigure,
    Report,
    SpendingItem,
    figures_of,
)

FUNDING_LINES = ("initial", "budget", "allocated", "executed")
FUNDING_FIGURES = ("execution_rate", "execution_weight", "execution_score")
INDICATOR_FIGURES = ("target", "actual", "completion", "weight", "score")
LONE_FIGURE = "an indicator rules did not read, from a sentence without both a target and an actual"


def same_reading(a: Figure, b: Figure) -> bool:
    """Both figures say the same: number, unit and comparator; or, for text values, the same folded text."""
    if a.value is not None and b.value is not None:
        return round(a.value, 6) == round(b.value, 6) and (a.unit or None) == (b.unit or None) and a.op == b.op
    return label_key(a.text) == label_key(b.text)


@dataclass
class MergeCount:
    evidence: Evidence
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

    A small model reads the right passage and puts its figures in the wrong fields; grounding proves the
    figure is printed, so the field's kind (here) and the figure's place (`evidence`) must refuse it."""
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


def _refusal(kept: Figure | None, other: Figure, path: str, count: MergeCount, owner: str | None) -> str | None:
    """Why the model's figure may neither fill the field nor dispute the rules figure there, or None."""
    reason = unfit(path, other) or count.evidence.refuses(path, other, owner)
    if reason is None and kept is None and count.taken(other):
        reason = TAKEN
    return reason


def _take(figure: Figure, count: MergeCount) -> Figure:
    count.filled += 1
    if figure.span is not None:
        count.used.append((figure.span.start, figure.span.end))
    return figure


def _figure(
    kept: Figure | None, other: Figure | None, path: str, count: MergeCount, owner: str | None = None
) -> Figure | None:
    """The figure the field keeps: the rules one when there is one (a different model reading is recorded);
    a model figure refused by its kind, its place or an earlier fill is only a candidate."""
    if other is None:
        return kept
    if (reason := _refusal(kept, other, path, count, owner)) is not None:
        count.unfit.append(Candidate(path=path, figure=other, reason=reason))
        return kept
    if kept is None:
        return _take(other, count)
    if not same_reading(kept, other):
        count.disagreements.append(Disagreement(path=path, kept=kept, other=other))
    return kept


def _line(kept: FundingLine, other: FundingLine, path: str, count: MergeCount) -> None:
    kept.total = _figure(kept.total, other.total, f"{path}.total", count)
    rows = {(row.source, label_key(row.name)): index for index, row in enumerate(kept.by_source)}
    for row in other.by_source:
        index = rows.get((row.source, label_key(row.name)))
        if index is None:
            at = f"{path}.by_source[{len(kept.by_source)}].amount"
            if _figure(None, row.amount, at, count, row.name) is not None:
                kept.by_source.append(row)
        else:
            at = f"{path}.by_source[{index}].amount"
            amount = _figure(kept.by_source[index].amount, row.amount, at, count, row.name)
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
            at = f"spending[{len(kept)}]"
            item.amount = _figure(None, item.amount, f"{at}.amount", count, item.category)
            item.share = _figure(None, item.share, f"{at}.share", count, item.category)
            if item.amount is not None or item.share is not None:
                kept.append(item)
            continue
        mine = kept[index]
        mine.amount = _figure(mine.amount, item.amount, f"spending[{index}].amount", count, item.category)
        mine.share = _figure(mine.share, item.share, f"spending[{index}].share", count, item.category)


def _indicator_index(kept: list[Indicator], other: Indicator) -> int | None:
    name = label_key(other.name)
    program = label_key(other.program)
    matches = [i for i, item in enumerate(kept) if label_key(item.name) == name]
    if program:  # a programme named by both must agree; one the model leaves out matches any
        matches = [i for i in matches if not kept[i].program or label_key(kept[i].program) == program]
    return matches[0] if matches else None


def _breakdown(indicator: Indicator, parts: list[NamedFigure], path: str, count: MergeCount) -> None:
    """An empty breakdown takes the model's parts whose figures their place shows as this indicator's."""
    if indicator.breakdown:
        return
    for part in parts:
        if (reason := _refusal(None, part.figure, f"{path}.breakdown", count, indicator.name)) is not None:
            count.unfit.append(Candidate(path=f"{path}.breakdown", figure=part.figure, reason=reason))
        else:
            indicator.breakdown.append(part.model_copy(update={"figure": _take(part.figure, count)}))


def _overlap(a: Figure, b: Figure) -> bool:
    return a.span is not None and b.span is not None and a.span.start < b.span.end and b.span.start < a.span.end


def _new_indicator(item: Indicator, path: str, count: MergeCount) -> bool:
    """Whether the model's indicator (one rules did not read) goes in, with the figures that passed."""
    fits: dict[str, Figure] = {}
    for name in INDICATOR_FIGURES:
        figure = getattr(item, name)
        setattr(item, name, None)
        if figure is None:
            continue
        reason = _refusal(None, figure, f"{path}.{name}", count, item.name)
        if reason is None and any(_overlap(figure, other) for other in fits.values()):
            reason = TAKEN  # the same printed figure (or part of it) as two fields of this indicator
        if reason is not None:
            count.unfit.append(Candidate(path=f"{path}.{name}", figure=figure, reason=reason))
        else:
            fits[name] = figure
    in_table = any(count.evidence.in_table(figure) for figure in fits.values())
    if fits and not in_table and not {"target", "actual"} <= fits.keys():
        count.unfit += [Candidate(path=f"{path}.{name}", figure=f, reason=LONE_FIGURE) for name, f in fits.items()]
        fits = {}
    parts, item.breakdown = item.breakdown, []
    if not fits:
        count.unfit += [Candidate(path=f"{path}.breakdown", figure=p.figure, reason=LONE_FIGURE) for p in parts]
        return False  # a name whose every figure was refused is no indicator
    for name, figure in fits.items():
        setattr(item, name, _take(figure, count))
    _breakdown(item, parts, path, count)
    return True


def _indicators(kept: list[Indicator], other: list[Indicator], count: MergeCount) -> None:
    for item in other:
        index = _indicator_index(kept, item)
        if index is None:
            if _new_indicator(item, f"indicators[{len(kept)}]", count):
                kept.append(item)
            continue
        mine = kept[index]
        if mine.deviation_reason is None:  # programme and levels stay the rules': they key the indicator
            mine.deviation_reason = item.deviation_reason
        for name in INDICATOR_FIGURES:
            path = f"indicators[{index}].{name}"
            setattr(mine, name, _figure(getattr(mine, name), getattr(item, name), path, count, mine.name))
        _breakdown(mine, item.breakdown, f"indicators[{index}]", count)


def merge_reading(rules: Report, model: Report, evidence: Evidence) -> MergeCount:
    """Fill `rules` (in place) from the model's grounded reading of the passages `evidence` holds; return
    what was filled and disputed."""
    used = [(f.span.start, f.span.end) for _, f in figures_of(rules) if f.span is not None]
    count = MergeCount(evidence=evidence, used=used)
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


__all__ = ["LONE_FIGURE", "MergeCount", "label_key", "merge_reading", "same_reading", "unfit"]
