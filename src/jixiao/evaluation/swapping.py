"""What every content swap shares: a labelled text and its gold rewritten together, or left alone.

A content swap (`swaps`) rewrites what a report says, not how it is laid out: another place, another fund,
other years, other amounts. The gold must change with the text, exactly, so each swap gives a text rewrite and
the same rewrite of the gold's strings (`renamed`), and `consistent` checks that every gold string the text
printed is printed, rewritten, in the new text; a swap that cannot keep that promise skips the document (None).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jixiao.model import Report

Rewrite = Callable[[str], str]

# gold fields that are codes or file facts, not printed words: never rewritten
_CODES = frozenset({"source", "kind", "op", "unit", "grounding", "found_by", "schema_version", "extractor"})


@dataclass(frozen=True)
class Swapped:
    """A text and its gold after a swap."""

    text: str
    report: Report


def _rewritten(node: Any, rewrite: Rewrite) -> Any:
    if isinstance(node, dict):
        return {key: value if key in _CODES else _rewritten(value, rewrite) for key, value in node.items()}
    if isinstance(node, list):
        return [_rewritten(item, rewrite) for item in node]
    return rewrite(node) if isinstance(node, str) else node


def renamed(report: Report, rewrite: Rewrite) -> Report:
    """The gold with `rewrite` applied to every printed string it holds (names, figure texts, the title)."""
    data = report.model_dump(mode="json")
    return Report.model_validate(_rewritten(data, rewrite))


def gold_strings(report: Report) -> list[str]:
    """Every printed string of the gold (as `renamed` sees them), longest first."""
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in _CODES:
                    visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, str) and node:
            found.append(node)

    visit(report.model_dump(mode="json"))
    return sorted(set(found), key=len, reverse=True)


def consistent(before: str, after: str, report: Report, rewrite: Rewrite) -> bool:
    """Whether every gold string `before` prints is printed in `after` as `rewrite` makes it."""
    return all(rewrite(string) in after for string in gold_strings(report) if string in before)


def pick(key: str, candidates: Sequence[str], text: str) -> str | None:
    """A candidate the text does not print, the same for the same key on every run (a stable hash, not
    Python's salted one)."""
    free = [name for name in candidates if name not in text]
    if not free:
        return None
    digest = int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16)
    return free[digest % len(free)]
