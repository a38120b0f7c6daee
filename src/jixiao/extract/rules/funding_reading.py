"""The state of one pass over a report's funding sentences, shared by `funding` and `source_clauses`."""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.extract.rules.amount_clauses import Amount
from jixiao.model import Funding, SpendingItem


@dataclass
class Reading:
    text: str
    plain: str
    funding: Funding
    spending: list[SpendingItem]
    current: str | None = None  # the line a list that opens the next sentence belongs to
    current_span: tuple[int, int] | None = None  # the amount of that line the sentence stated, the list's whole
    level_rows: list[tuple[str, str, Amount]] = field(default_factory=list)  # line, level, amount
    # the amounts (in 万元) of the sentence that set each line's total, when it held several
    set_among: dict[str, list[float]] = field(default_factory=dict)
    rates: set[float] = field(default_factory=set)  # the execution rates the sentences state
    # per line, each amount a sentence offered as its total (万元) with the level its clause names (中央下达…)
    offered: dict[str, list[tuple[float, str | None]]] = field(default_factory=dict)
