"""Content swaps for the metamorphic eval: the same report saying other words, its gold rewritten to match.

The layout eval (`layouts`) asks whether the reader reads structure whatever the layout; this asks whether it
reads structure whatever the words: a place, a fund, a year or an amount it was never fixed on, in the same
places of the same report. Each swap rewrites a labelled text and its gold together (`name_swaps`,
`figure_swaps`), or skips a document it cannot rewrite surely; `eval/swaps.py` scores the reader on the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jixiao.evaluation.figure_swaps import money, years
from jixiao.evaluation.name_swaps import fund, region
from jixiao.evaluation.swapping import Swapped
from jixiao.model import Report


@dataclass(frozen=True)
class Swap:
    name: str
    apply: Callable[[str, Report], Swapped | None]
    families: tuple[str, ...]  # the fact families (header: its paths) it rewrites
    doc: str


SWAPS = (
    Swap("year", years, ("year",), "every printed year and the gold's shifted by -3"),
    Swap("region", region, ("region",), "the labelled place and its short form: an unseen place of its level"),
    Swap("fund", fund, ("fund",), "the labelled fund where printed verbatim: an unseen fund of its kind"),
    Swap("money", money, ("funding totals", "funding sources", "spending"), "every labelled amount doubled"),
)


def swap_named(name: str) -> Swap:
    for swap in SWAPS:
        if swap.name == name:
            return swap
    raise ValueError(f"no swap {name!r} (known: {', '.join(s.name for s in SWAPS)})")
