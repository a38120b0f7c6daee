"""Reviewers' corrections as the cells of the exported tables, beside the figures the extraction read.

A reviewer who corrects a figure in the workbench leaves the extraction as it was: the tables show both,
the figure as read and, in the 更正 columns, what the reviewer set (`850万元` for a misread `8500万元`), or
（删除） where they removed it. An item's corrections also read as one line in its 更正说明 cell:
`actual: 1750人 → 1705人；weight: 10 → （删除）`.
"""

from __future__ import annotations

from jixiao.model import Figure, value_of
from jixiao.review.states import DocumentReview, ReviewedResult
from jixiao.store import StoredResult

REMOVED = "（删除）"


def document_review(result: StoredResult) -> DocumentReview | None:
    return result.review if isinstance(result, ReviewedResult) else None


def correction(result: StoredResult, path: str) -> tuple[bool, Figure | None]:
    """Whether a reviewer corrected the figure at `path`, and the figure they set (None: removed)."""
    review = document_review(result)
    decision = review.corrected.applied.get(path) if review else None
    if decision is None or decision.correction is None:
        return False, None
    return True, decision.correction.after


def corrected_value(result: StoredResult, path: str) -> float | None:
    return value_of(correction(result, path)[1])


def corrected_text(result: StoredResult, path: str) -> str | None:
    corrected, figure = correction(result, path)
    if not corrected:
        return None
    return figure.text if figure is not None else REMOVED


def corrections_under(result: StoredResult, prefix: str) -> str | None:
    """The corrections of one item's figures in a line: `actual: 1750人 → 1705人；weight: 10 → （删除）`."""
    review = document_review(result)
    if review is None:
        return None
    lines = [
        f"{path.removeprefix(prefix)}: {_shown(d.correction.before)} → {_shown(d.correction.after)}"
        for path, d in review.corrected.applied.items()
        if path.startswith(prefix) and d.correction is not None
    ]
    return "；".join(lines) or None


def _shown(figure: Figure | None) -> str:
    return figure.text if figure is not None else REMOVED
