"""What the item page shows: the finding, the document with its figures marked, the figures, what changed.

Figures named by a finding whose rule starts with `extraction.` are marked as possibly misread by the tool,
so a reviewer does not take the tool's reading for the report's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.model import STATUS_ZH, Figure, Finding, ReadingStatus, reading_status
from jixiao.review.corrections import Slot, apply_corrections, figure_slots
from jixiao.review.decisions import Action, Decision, finding_key
from jixiao.review.highlight import Segment, segments
from jixiao.review.states import Checker, DocumentReview, ReviewItem, is_reviewable, match_text

SUSPECT_PREFIX = "extraction."


@dataclass(frozen=True)
class FigureRow:
    slot: Slot
    extracted: Figure | None  # the figure as the tool read it (differs from slot.figure when corrected)
    correction: Decision | None
    named: bool  # named by the finding on this page
    suspect: bool  # named by an extraction.* finding: the tool may have misread it


@dataclass
class Changes:
    """What the corrections since a decision id did to the findings of the document."""

    corrections: list[Decision] = field(default_factory=list)
    appeared: list[Finding] = field(default_factory=list)
    gone: list[Finding] = field(default_factory=list)


def suspect_findings(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.rule.startswith(SUSPECT_PREFIX)]


def suspect_paths(findings: list[Finding]) -> set[str]:
    return {ref.path for finding in suspect_findings(findings) for ref in finding.figures}


def page_segments(review: DocumentReview, item: ReviewItem) -> list[Segment]:
    """The text cut for display; finding id f1 is this page's finding, the others are suspect readings."""
    marked = [item.finding, *suspect_findings(review.findings_now)]
    return segments(review.result.document.text, review.report, marked)


def figure_rows(review: DocumentReview, item: ReviewItem) -> list[FigureRow]:
    """The report's filled figure slots, those the finding names first."""
    named = {ref.path for ref in item.finding.figures}
    suspect = suspect_paths(review.findings_now)
    extracted = {slot.path: slot.figure for slot in figure_slots(review.result.report)}
    rows = [
        FigureRow(
            slot=slot,
            extracted=extracted.get(slot.path),
            correction=review.corrected.applied.get(slot.path),
            named=slot.path in named,
            suspect=slot.path in suspect,
        )
        for slot in figure_slots(review.report)
        if slot.figure is not None or slot.path in review.corrected.applied or slot.path in named
    ]
    return sorted(rows, key=lambda row: not row.named)


def other_findings(review: DocumentReview, item: ReviewItem) -> list[Finding]:
    """Every other finding raised now, info included: the context of this one."""
    return [finding for finding in review.findings_now if finding_key(finding) != item.key]


def history(review: DocumentReview, key: str) -> list[Decision]:
    return [d for d in review.decisions if d.finding_key == key or d.action is Action.CORRECT]


def changes_since(review: DocumentReview, since: int, checker: Checker) -> Changes:
    """Findings that appeared or went away with the corrections numbered `since` and later."""
    earlier = [d for d in review.decisions if d.id < since]
    before = apply_corrections(review.result.report, earlier)
    findings_before = checker(before.report, match_text(review.result)) if before.applied else review.result.findings
    keys_before = {finding_key(f): f for f in findings_before if is_reviewable(f)}
    keys_now = {finding_key(f): f for f in review.findings_now if is_reviewable(f)}
    return Changes(
        corrections=[d for d in review.decisions if d.id >= since and d.action is Action.CORRECT],
        appeared=[f for key, f in keys_now.items() if key not in keys_before],
        gone=[f for key, f in keys_before.items() if key not in keys_now],
    )


def status_of(review: DocumentReview) -> tuple[ReadingStatus, str]:
    status = reading_status(review.report)
    return status, STATUS_ZH[status]
