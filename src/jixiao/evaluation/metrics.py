"""Scoring one extracted report against its gold: precision, recall and F1 over facts, accuracy per family.

- precision = facts the output states that equal the gold's / facts the output states
- recall    = facts of the gold the output states equally / facts of the gold
- F1        = their harmonic mean
- accuracy of a family = facts of that family on which both agree / facts of that family stated by either
  (a wrong value, a missing fact and an invented fact each count once against it)

A wrong number is a fact stated and not in the gold (precision falls) and a gold fact not reproduced
(recall falls). Totals over several reports add the counts first (micro average), so a long report weighs
more than a short one, as its facts do.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, computed_field

from jixiao.evaluation.facts import FAMILIES, Fact, report_facts
from jixiao.evaluation.matching import ItemKeys, matched_keys, own_keys
from jixiao.model import Report


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


class Counts(BaseModel):
    correct: int = 0
    gold: int = 0
    output: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.output)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return _ratio(self.correct, self.gold)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        """Agreement over the union of both sides; None when neither side states anything."""
        union = self.gold + self.output - self.correct
        return self.correct / union if union else None

    def add(self, other: Counts) -> Counts:
        return Counts(
            correct=self.correct + other.correct,
            gold=self.gold + other.gold,
            output=self.output + other.output,
        )


class Difference(BaseModel):
    """One fact on which output and gold disagree (or which only one of them states)."""

    path: str
    family: str
    gold: str | None = None
    output: str | None = None


class FactScore(BaseModel):
    facts: Counts = Field(default_factory=Counts)
    families: dict[str, Counts] = Field(default_factory=dict)
    differences: list[Difference] = Field(default_factory=list)

    def add(self, other: FactScore) -> FactScore:
        families = {
            name: self.families.get(name, Counts()).add(other.families.get(name, Counts())) for name in FAMILIES
        }
        return FactScore(facts=self.facts.add(other.facts), families=families)


def _reading(fact: Fact) -> str:
    """How a fact's value was read, e.g. [72 笔] or [text]."""
    kind, *rest = fact.value
    if kind == "number":
        number, unit, op = [*rest, None, None][:3]
        return f"[{op or ''}{number:g} {unit or ''}]".replace(" ]", "]")
    return f"[{kind}]"


_NAME_SHARE = 0.6


def _same_fund(want: Fact, have: Fact) -> bool:
    """Fund names agree when one holds the other and the shorter is most of the longer.

    Reports name the same fund with or without a generic tail or head: 城乡义务教育补助经费 is
    城乡义务教育补助经费项目, 就业补助资金 is 中央就业补助资金; 资金 alone is not 就业补助资金.
    """
    a, b = str(want.value[-1]), str(have.value[-1])
    short, long = sorted((a, b), key=len)
    return bool(short) and short in long and len(short) >= _NAME_SHARE * len(long)


def _agree(want: Fact | None, have: Fact | None) -> bool:
    if want is None or have is None:
        return False
    if want.path == "fund":
        return _same_fund(want, have)
    return want.value == have.value


def score_facts(gold: dict[str, Fact], output: dict[str, Fact]) -> FactScore:
    """Count agreement between two fact sets keyed by the same stable paths."""
    families = {name: Counts() for name in FAMILIES}
    differences: list[Difference] = []
    for path in sorted(set(gold) | set(output), key=lambda p: (p not in gold, p)):
        want, have = gold.get(path), output.get(path)
        family = (want or have).family  # type: ignore[union-attr]
        same = _agree(want, have)
        counts = families[family]
        families[family] = Counts(
            correct=counts.correct + same,
            gold=counts.gold + (want is not None),
            output=counts.output + (have is not None),
        )
        if not same:
            gold_shown, output_shown = want.shown if want else None, have.shown if have else None
            if want and have and gold_shown == output_shown:  # same print, different reading: show the readings
                gold_shown, output_shown = f"{gold_shown} {_reading(want)}", f"{output_shown} {_reading(have)}"
            differences.append(Difference(path=path, family=family, gold=gold_shown, output=output_shown))
    total = Counts()
    for counts in families.values():
        total = total.add(counts)
    return FactScore(facts=total, families=families, differences=differences)


def score_report(gold: Report, output: Report) -> tuple[FactScore, ItemKeys, ItemKeys]:
    """Match the output's items to the gold's, then score their facts; returns the keys used too."""
    gold_keys = own_keys(gold)
    output_keys = matched_keys(output, gold, gold_keys)
    score = score_facts(report_facts(gold, gold_keys), report_facts(output, output_keys))
    return score, gold_keys, output_keys


def missed_everything(gold: Report) -> FactScore:
    """The score of an extraction that failed: every gold fact is missed."""
    facts = report_facts(gold, own_keys(gold))
    return score_facts(facts, {})
