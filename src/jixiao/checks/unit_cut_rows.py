"""Squashed indicator rows whose every cut falls at a unit or a comparator: cut one way only.

A glued (T4) row runs its cells together, so its cells are placed by their shapes and read at low confidence:
`12010` may be 1 | 20 | 10 or 12 | 0 | 10. But when a row prints its four value cells one after the other and
no digit touches a digit across a cut (each cell closes on its unit, or the next opens on its comparator:
`≥10%112.40%20%20` is ≥10% | 112.40% | 20% | 20, `≥3倍8倍15%15`, `≤5天4天10%10`), the run can be cut in
no other way, and with every value column filled the header's order places each cell: such a row is read at
medium confidence, as a row its completion rate confirms.
"""

from __future__ import annotations

import re
from itertools import pairwise

from jixiao.model import Figure, Report
from jixiao.numbers import UNIT_PATTERN

_CELLS = ("target", "actual", "weight", "score")
_CLEAN = re.compile(rf"(?:≥|≤|>|<|=)?\d+(?:\.\d+)?(?:{UNIT_PATTERN})?")
_GLUED = "table.t4."
_OTHER_DOUBTS = ("+ocr", "glued_split", "ungrounded", "normalised", "llm")


def _glued_cell(figure: Figure | None) -> bool:
    found_by = figure.found_by or "" if figure is not None else ""
    return (
        figure is not None
        and figure.span is not None
        and figure.grounding.value == "exact"
        and found_by.startswith(_GLUED)
        and not any(mark in found_by for mark in _OTHER_DOUBTS)
        and _CLEAN.fullmatch(figure.text) is not None
    )


def _parted(left: str, right: str) -> bool:
    """No digit touches a digit across the cut."""
    return not (left[-1].isdigit() and right[0].isdigit())


def _cut_at_units(cells: list[Figure], text: str) -> bool:
    spans = sorted(cells, key=lambda figure: figure.span.start if figure.span else 0)
    first, last = spans[0].span, spans[-1].span
    if first is None or last is None or text[first.start : last.end] != "".join(f.text for f in spans):
        return False  # the cells are not one run of the text, printed as read
    before = text[first.start - 1] if first.start else ""
    after = text[last.end] if last.end < len(text) else ""
    if before.isdigit() or after.isdigit():
        return False  # a digit glued on at either end: the run may start or stop elsewhere
    return all(_parted(left.text, right.text) for left, right in pairwise(spans))


def rows_cut_at_units(report: Report, text: str | None) -> set[str]:
    """Paths of the value cells of glued rows that can be cut only one way (see the module)."""
    if text is None:
        return set()
    found: set[str] = set()
    for i, indicator in enumerate(report.indicators):
        cells = [getattr(indicator, name) for name in _CELLS]
        if all(_glued_cell(cell) for cell in cells) and _cut_at_units([c for c in cells if c is not None], text):
            found.update(f"indicators[{i}].{name}" for name in _CELLS)
    return found
