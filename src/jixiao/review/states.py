"""Review state of one stored document: its corrected report, its findings now, and each finding's state.

The items of a document are its warning-or-error findings: those raised on the report as extracted (what
the batch stored) and those raised on the corrected report (the checks rerun after every correction). A
finding's state is its latest decision (confirm, dismiss, correct; reopen takes it back to open); with no
decision, a finding the corrections made disappear is `corrected`, any other is `open`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from jixiao.documents.traditional import simplified
from jixiao.model import Finding, Report, Severity
from jixiao.review.corrections import Corrected, apply_corrections
from jixiao.review.decisions import Action, Decision, DecisionLog, finding_key
from jixiao.store import Store, StoredResult

Checker = Callable[[Report, str | None], list[Finding]]
"""`jixiao.checks.run_checks` shape: the checks rerun on a corrected report with its matching text."""


CARRIED_PREFIXES = ("years.",)
"""Findings across years come from the series over the whole store, not from the checks rerun on one
corrected report: a correction keeps them as they were."""


class State(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    CORRECTED = "corrected"


STATE_ZH = {State.OPEN: "待复核", State.CONFIRMED: "已确认", State.DISMISSED: "已排除", State.CORRECTED: "已更正"}
_STATE_OF_ACTION = {
    Action.CONFIRM: State.CONFIRMED,
    Action.DISMISS: State.DISMISSED,
    Action.CORRECT: State.CORRECTED,
    Action.REOPEN: State.OPEN,
}


def is_reviewable(finding: Finding) -> bool:
    """Warnings and errors go to the queue; info findings are context on the item page."""
    return finding.severity.rank >= Severity.WARNING.rank


@dataclass(frozen=True)
class ReviewItem:
    key: str
    finding: Finding  # as raised now, or as extracted when the corrections made it disappear
    state: State
    raised_now: bool  # still raised on the corrected report
    decision: Decision | None  # the latest decision on this finding


@dataclass
class DocumentReview:
    result: StoredResult
    decisions: list[Decision]
    corrected: Corrected
    findings_now: list[Finding]
    items: list[ReviewItem] = field(default_factory=list)

    @property
    def report(self) -> Report:
        return self.corrected.report

    def item(self, key: str) -> ReviewItem | None:
        return next((item for item in self.items if item.key == key), None)

    def latest_id(self, key: str) -> int:
        """The latest decision id on a finding (0 for none): the version a decision form carries."""
        return max((d.id for d in self.decisions if d.finding_key == key), default=0)

    @property
    def latest_correction_id(self) -> int:
        return max((d.id for d in self.decisions if d.action is Action.CORRECT), default=0)

    @property
    def reviewers(self) -> list[str]:
        return sorted({d.reviewer for d in self.decisions})


def _keyed(findings: Sequence[Finding]) -> dict[str, Finding]:
    return {finding_key(f): f for f in findings if is_reviewable(f)}


def match_text(result: StoredResult) -> str | None:
    """The text the checks match on (simplified, same offsets); None when the result was read without text."""
    return simplified(result.document.text) if result.document.text else None


def has_corrections(decisions: Sequence[Decision]) -> bool:
    """Whether the checks must rerun for these decisions (and so the document's text be read)."""
    return any(decision.correction is not None for decision in decisions)


def review_document(result: StoredResult, decisions: Sequence[Decision], checker: Checker) -> DocumentReview:
    """The document's review state; with corrections, `result` must carry its text (the checks rerun on it)."""
    corrected = apply_corrections(result.report, decisions)
    findings_now = list(result.findings)
    if corrected.applied:
        carried = [f for f in result.findings if f.rule.startswith(CARRIED_PREFIXES)]
        findings_now = [*checker(corrected.report, match_text(result)), *carried]
    review = DocumentReview(result=result, decisions=list(decisions), corrected=corrected, findings_now=findings_now)
    stored, now = _keyed(result.findings), _keyed(findings_now)
    latest: dict[str, Decision] = {}
    for decision in decisions:
        if decision.finding_key is not None:
            latest[decision.finding_key] = decision
    for key in [*stored, *(key for key in now if key not in stored)]:
        last = latest.get(key)
        review.items.append(ReviewItem(key, now.get(key) or stored[key], _state(last, key in now), key in now, last))
    return review


def _state(last: Decision | None, raised_now: bool) -> State:
    state = _STATE_OF_ACTION[last.action] if last is not None else State.OPEN
    if state is State.OPEN and not raised_now:
        return State.CORRECTED  # not raised since a correction (or reopened after the corrections removed it)
    return state


@dataclass(frozen=True)
class ReviewedResult(StoredResult):
    """A stored result with its review: what the exports write (states and corrected values beside)."""

    review: DocumentReview | None = None

    @classmethod
    def of(cls, result: StoredResult, review: DocumentReview) -> ReviewedResult:
        fields = {name: getattr(result, name) for name in StoredResult.__dataclass_fields__}
        return cls(**fields, review=review)


def reviewed_results(store: Store, results: Iterable[StoredResult], checker: Checker) -> Iterator[ReviewedResult]:
    """Each result with its review; a document's text is read only when its corrections need the checks rerun."""
    decided = DecisionLog(store.database).by_document()
    for result in results:
        decisions = decided.get((result.document.sha256, result.extractor), [])
        full = store.result(result.extraction_id) if has_corrections(decisions) and not result.document.text else None
        yield ReviewedResult.of(result, review_document(full or result, decisions, checker))


def review_record(review: DocumentReview) -> dict[str, object]:
    """The review of a document as JSON data: each finding's state, the corrections, the corrected report."""
    return {
        "findings": [
            {
                "key": item.key,
                "rule": item.finding.rule,
                "state": item.state.value,
                "raised_now": item.raised_now,
                "decision": item.decision.model_dump(mode="json", exclude={"correction"}) if item.decision else None,
            }
            for item in review.items
        ],
        "corrections": [decision.model_dump(mode="json") for decision in review.corrected.applied.values()],
        "stale_corrections": [decision.model_dump(mode="json") for decision in review.corrected.stale],
        "corrected_report": review.report.model_dump(mode="json") if review.corrected.applied else None,
    }
