"""The state of one pass over a report's funding sentences, shared by `funding` and `source_clauses`."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.extract.rules.amount_clauses import Amount
from jixiao.model import Funding, SpendingItem


@dataclass(frozen=True)
class Offer:
    """An amount a sentence states as a line's total, kept or not."""

    value: float  # in 万元
    level: object | None  # the FundSource of the level its clause says gave it (中央下达…), if any
    item: str | None  # the numbered project paragraph it stands in (`2.某项目经费。该项目…`), if any
    span: tuple[int, int] | None = None  # where the amount stands
    named_at: int | None = None  # where the clause's level word stands (`省级下达资金…`: its row's name)


@dataclass
class Reading:
    text: str
    plain: str
    funding: Funding
    spending: list[SpendingItem]
    current: str | None = None  # the line a list that opens the next sentence belongs to
    current_span: tuple[int, int] | None = None  # the amount of that line the sentence stated, the list's whole
    level_rows: list[tuple[str, str, Amount]] = field(default_factory=list)  # line, level, amount
    # the sentence (its start and amounts) that set each line's total, when it held several
    set_among: dict[str, tuple[int, list[Amount]]] = field(default_factory=dict)
    rates: set[float] = field(default_factory=set)  # the execution rates the sentences state
    offered: dict[str, list[Offer]] = field(default_factory=dict)  # per line, every amount stated as its total
