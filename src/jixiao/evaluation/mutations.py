"""The seeded-error score: how often the checks notice a figure that was changed.

Each figure with a number in a gold report is changed on its own (to about 110 % of its value, at the
precision it was printed with: 1435.89 → 1579.48, 95% → 104%, 0 → 1, 120人 → 132人), the checks run on the
changed report (with the sample text), and the mutation counts as detected when a warning-or-error finding
that was not raised on the unchanged report names that very figure. The score is detected / mutations,
overall and per fact family: it says how much of a report the checks guard, not how good they are at what
they do. Figures without a number (a text, a date, a name) are never changed. Nor is a count or amount an
indicator prints with no other half of its pair (a target with no actual, an actual with no target): no check
has anything to hold it against, whatever its value, so it is left out of the count (`uncompared`). A rate (%)
without its pair still counts (a rate over 100 % is checked), and so does a figure whose other half is in words
(`0` against `无事故发生`: the checks read such an actual against its target).
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, computed_field

from jixiao.evaluation.facts import FAMILIES, figure_slots
from jixiao.evaluation.findings import Checker, raised
from jixiao.evaluation.matching import own_keys
from jixiao.model import Kind, Report
from jixiao.numbers import decimals

_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def mutated(value: float, text: str) -> tuple[float, str]:
    """A changed value (≈ +10 %, never equal to the old one) and the text printed with it."""
    places = decimals(text)
    new = round(value * 1.1, places)
    if new == round(value, places):
        new = round(value + 10.0**-places, places)
    shown = f"{new:.{places}f}"
    return new, _NUMBER.sub(shown, text, count=1) if _NUMBER.search(text) else shown


class Detection(BaseModel):
    mutations: int = 0
    detected: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rate(self) -> float | None:
        return self.detected / self.mutations if self.mutations else None


class MutationScore(BaseModel):
    total: Detection = Field(default_factory=Detection)
    families: dict[str, Detection] = Field(default_factory=dict)
    undetected: list[str] = Field(default_factory=list, description="paths whose change raised nothing")
    uncompared: int = Field(default=0, description="figures left out: a count or amount with no other half to its pair")

    def add(self, other: MutationScore) -> MutationScore:
        families = {}
        for name in FAMILIES:
            mine, theirs = self.families.get(name, Detection()), other.families.get(name, Detection())
            families[name] = Detection(
                mutations=mine.mutations + theirs.mutations, detected=mine.detected + theirs.detected
            )
        total = Detection(
            mutations=self.total.mutations + other.total.mutations,
            detected=self.total.detected + other.total.detected,
        )
        return MutationScore(total=total, families=families, uncompared=self.uncompared + other.uncompared)


def uncompared(report: Report) -> set[str]:
    """Index paths of the targets and actuals no check can hold against anything: a count or amount (not a
    rate) whose indicator prints no other half of the pair."""
    alone: set[str] = set()
    for i, indicator in enumerate(report.indicators):
        for name, other in (("target", indicator.actual), ("actual", indicator.target)):
            figure = getattr(indicator, name)
            if figure is not None and other is None and figure.kind is not Kind.PERCENT:
                alone.add(f"indicators[{i}].{name}")
    return alone


def seeded_error_score(report: Report, run_checks: Checker, text: str | None = None) -> MutationScore:
    """Mutate each numeric figure of `report` in turn and count the mutations the checks catch.

    `text` is the sample's text, for the rules that read the narrative (a claim that every target was met).
    """
    keys = own_keys(report)
    before: set[tuple[str, str]] = set()
    for rule, paths, _ in raised(run_checks(report, text), report, keys):
        before.update((rule, path) for path in paths)
    families = {name: Detection() for name in FAMILIES}
    undetected: list[str] = []
    alone = uncompared(report)
    left_out = 0
    for index, slot in enumerate(figure_slots(report, keys)):
        if slot.figure.value is None or slot.index_path in alone:
            left_out += slot.figure.value is not None
            continue
        changed = report.model_copy(deep=True)
        figure = figure_slots(changed, keys)[index].figure
        figure.value, figure.text = mutated(slot.figure.value, slot.figure.text)
        after = raised(run_checks(changed, text), changed, keys)
        caught = any(slot.path in paths and (rule, slot.path) not in before for rule, paths, _ in after)
        counts = families[slot.family]
        families[slot.family] = Detection(mutations=counts.mutations + 1, detected=counts.detected + caught)
        if not caught:
            undetected.append(slot.path)
    total = Detection(
        mutations=sum(d.mutations for d in families.values()),
        detected=sum(d.detected for d in families.values()),
    )
    return MutationScore(total=total, families=families, undetected=undetected, uncompared=left_out)
